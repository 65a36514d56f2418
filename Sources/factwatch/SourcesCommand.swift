import ArgumentParser
import Daemon
import Foundation
import Storage

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Show each source's health: last success, last status, bytes and time of the last fetch, failure "
            + "streak, last error, next poll."
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "One JSON object per source, one per line.")
    var json = false

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level())
        let store = try options.openExistingStore(logger: logger)
        let sources = try await store.sources()
        if json {
            if !sources.isEmpty { print(try SourceTable.json(sources)) }
        } else {
            print(SourceTable.render(sources))
        }
    }
}
