import ArgumentParser
import Core
import Daemon
import Foundation
import Storage

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every change of one facility, oldest first.",
        discussion:
            "KEY is operator:kind:host-country:city, as `factwatch facilities` lists it, e.g. ru:consulate:us:san-francisco."
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: "The facility key.")
    var key: String

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level())
        let store = try options.openExistingStore(logger: logger)
        let changes = try await store.history(of: FacilityKey(rawValue: key.lowercased()))
        if changes.isEmpty {
            let known = try await store.facilities().map(\.key.rawValue)
            let close = known.filter { $0.contains(key.lowercased()) || key.lowercased().contains($0) }.prefix(5)
            throw CommandError(
                "no history for \(key)"
                    + (close.isEmpty
                        ? "; see `factwatch facilities`" : "; did you mean \(close.joined(separator: ", "))?")
            )
        }
        let encoder = JSONCoding.encoder()
        for change in changes {
            print(json ? String(decoding: try encoder.encode(change), as: UTF8.self) : ChangeFormatter.describe(change))
        }
    }
}
