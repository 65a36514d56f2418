import ArgumentParser
import Core
import Daemon
import Foundation
import Storage

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Show the daemon's health from its database: sources due and failing, last pass, changes, deliveries.",
        discussion: "Reads the database only, so it works whether or not the daemon is running."
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "One JSON object.")
    var json = false

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level())
        let store = try options.openExistingStore(logger: logger)
        let summary = try await store.summary(now: Date())
        if json {
            print(String(decoding: try JSONCoding.encoder().encode(summary), as: UTF8.self))
        } else {
            print(StatusReport.render(summary, database: store.path))
        }
    }
}
