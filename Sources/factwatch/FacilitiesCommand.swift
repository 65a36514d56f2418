import ArgumentParser
import Core
import Daemon
import Foundation
import Storage

struct FacilitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilities",
        abstract: "Show every facility's current status and deadline, merged across sources."
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level())
        let store = try options.openExistingStore(logger: logger)
        let records = try await store.facilities()
        if json {
            let encoder = JSONCoding.encoder()
            for record in records { print(String(decoding: try encoder.encode(record), as: UTF8.self)) }
        } else {
            print(FacilityTable.render(records))
        }
    }
}
