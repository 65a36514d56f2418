import ArgumentParser
import Daemon
import Fetching
import Foundation
import Logging

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Replay the bundled seed story, version by version, and show the change log growing.",
        discussion: """
            Copies each version of the story in --seeds over the file source of the demo configuration, runs one \
            pass after each, and prints the changes logged. Starts from an empty database; run from the repository's \
            top folder. Afterwards: `factwatch tail --config config/demo.toml`.
            """
    )

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "The story's versions.", completion: .directory)
    var seeds = "seeds/sf-consulate-2017"

    func run() async throws {
        var options = self.options
        if options.config == nil { options.config = "config/demo.toml" }
        let logger = try Bootstrap.start(level: options.level(fallback: .warning))
        let configuration = try options.loadConfiguration()
        let demo = Demo(configuration: configuration, versions: try Demo.versions(in: seeds), logger: logger)
        try await Fetcher.withFetcher(
            limits: configuration.fetchLimits,
            politeness: configuration.fetchPoliteness,
            logger: logger
        ) { fetcher in
            _ = try await demo.run(fetcher: fetcher) { line in print(line) }
        }
    }
}
