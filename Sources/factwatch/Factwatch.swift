import ArgumentParser

/// The `factwatch` command line: thin wrappers that parse arguments, call the Daemon library and print.
@main
struct Factwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factwatch",
        abstract: "Watch news sources for changes in the status of diplomatic facilities and their deadlines.",
        discussion: """
            factwatch polls article pages, feeds and files, extracts facts such as "the consulate in San Francisco \
            is ordered closed by September 2", logs every change of a facility's status or deadline to a SQLite \
            change log, and runs alert hooks. See README.md for the configuration and the hook contract.
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, OnceCommand.self, TailCommand.self, FacilitiesCommand.self, HistoryCommand.self,
            ExtractCommand.self, SourcesCommand.self, StatusCommand.self, DeliveriesCommand.self,
            CheckConfigCommand.self,
            DemoCommand.self, BenchCommand.self,
        ]
    )
}
