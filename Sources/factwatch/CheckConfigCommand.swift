import ArgumentParser
import Daemon
import Foundation

struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a configuration file (and its lexicon); print every problem with its line. Exit 0 if valid.",
        discussion: "systemd runs this before starting and before reloading the daemon (ExecStartPre=, ExecReload=)."
    )

    @OptionGroup var options: CommonOptions

    @Argument(
        help: "The file to check (default: --config, or the usual places).",
        completion: .file(extensions: ["toml"])
    )
    var file: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = file ?? ConfigurationLocator.find(explicit: options.config, environment: environment) else {
            throw CommandError(
                "no configuration file found; pass the file to check, e.g. `factwatch check-config config/factwatch.toml`"
            )
        }
        let result = Result { () throws(ConfigurationError) -> Configuration in
            let configuration = try Configuration.load(path: path, environment: environment)
            _ = try configuration.loadLexicon()
            return configuration
        }
        switch result {
        case .success(let configuration):
            print(
                "\(path): OK — \(configuration.sources.count) sources, \(configuration.hooks.count) hooks, "
                    + "database \(options.database ?? configuration.database)"
            )
        case .failure(let error):
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
