import ArgumentParser
import Daemon
import Foundation
import Storage

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Show each source's health: last success, failure streak, last error, next poll."
    )

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level())
        let store = try options.openExistingStore(logger: logger)
        print(SourceTable.render(try await store.sources()))
    }
}
