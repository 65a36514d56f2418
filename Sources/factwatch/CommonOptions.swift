public import ArgumentParser
import Daemon
import Foundation
public import Logging
import Storage

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The configuration file.",
            discussion:
                "Default: $CONFIGURATION_DIRECTORY/factwatch.toml, then /etc/factwatch/factwatch.toml.",
            valueName: "file"
        ),
        completion: .file(extensions: ["toml"])
    )
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The SQLite database; overrides the configuration's `database`.", valueName: "file"),
        completion: .file()
    )
    var database: String?

    @Option(
        name: .long,
        help:
            "Log level: trace, debug, info, notice, warning, error or critical (default: the configuration's, else notice)."
    )
    var logLevel: Logger.Level?

    /// The level to log at: `--log-level`, else the configuration's `log_level`, else `fallback` (notice for the
    /// daemon; commands that print their own results log only warnings by default).
    func level(configured: String? = nil, fallback: Logger.Level = .notice) -> Logger.Level {
        logLevel ?? configured.flatMap(Logger.Level.init(rawValue:)) ?? fallback
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The configuration, required: for commands that poll.
    func loadConfiguration() throws -> Configuration {
        guard let path = ConfigurationLocator.find(explicit: config, environment: environment) else {
            let looked = ConfigurationLocator.candidates(environment: environment).joined(separator: ", ")
            throw CommandError(
                "no configuration file found (looked for \(looked)); pass --config FILE, e.g. --config config/factwatch.toml"
            )
        }
        var configuration = try Configuration.load(path: path, environment: environment)
        if let database { configuration.database = database }
        return configuration
    }

    /// The database path for read-only commands: `--database`, else the configuration's, else the default.
    func databasePath() throws -> String {
        if let database { return database }
        if ConfigurationLocator.find(explicit: config, environment: environment) != nil {
            return try loadConfiguration().database
        }
        return Configuration.defaultDatabase(environment: environment)
    }

    /// Opens an existing database; a missing file is an error here, since reading commands should not create one.
    func openExistingStore(logger: Logger) throws -> SQLiteStore {
        let path = try databasePath()
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError(
                "no database at \(path); run `factwatch once` (or `factwatch demo`) first, or pass --database FILE"
            )
        }
        return try SQLiteStore(path: path, logger: logger)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// A failure already explained in words: printed as is, exit status 1.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
