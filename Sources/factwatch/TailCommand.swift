import ArgumentParser
import Core
import Daemon
import Foundation
import Storage

struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print the change log, oldest first; with -f, keep printing new changes as they are logged.",
        discussion: """
            Every change has an increasing id: pass the last id you processed to --since to resume exactly there. \
            --json prints one JSON object per line (the same object hooks receive on stdin).
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .shortAndLong, help: "Follow: wait for new changes and print them as they are logged.")
    var follow = false

    @Option(name: .long, help: "Print only changes with an id greater than this.")
    var since: Int64?

    @Option(name: [.customShort("n"), .long], help: "Without --since, start with the last N changes (default: all).")
    var lines: Int?

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @Option(
        name: .long,
        help: "Only changes of this kind (repeatable); without it, every kind but text_changed is shown."
    )
    var kind: [String] = []

    @Option(name: .long, help: "Only changes of this facility key (repeatable), e.g. ru:consulate:us:san-francisco.")
    var facility: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("While following, how often to look for new changes.", valueName: "duration")
    )
    var interval: String = "500ms"

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level())
        guard let pollEvery = DurationText.parse(interval) else {
            throw ValidationError("--interval \"\(interval)\" is not a duration such as 500ms, 1s or 5s")
        }
        var kinds = Set(ChangeKind.allCases).subtracting([.textChanged])
        if !kind.isEmpty {
            kinds = []
            for name in kind {
                guard let parsed = ChangeKind(rawValue: name) else {
                    let allowed = ChangeKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ValidationError("--kind \"\(name)\" is not a change kind; use one of \(allowed)")
                }
                kinds.insert(parsed)
            }
        }
        let facilities = Set(facility.map { $0.lowercased() })
        let store = try options.openExistingStore(logger: logger)
        var cursor = since ?? 0
        if since == nil, let lines {
            cursor = max(0, try await store.latestChangeID() - Int64(lines))
        }
        let encoder = JSONCoding.encoder()
        while true {
            let batch = try await store.changes(after: cursor, limit: 500)
            for change in batch {
                cursor = change.id ?? cursor
                guard kinds.contains(change.kind),
                    facilities.isEmpty || facilities.contains(change.facilityKey.rawValue)
                else { continue }
                print(json ? String(decoding: try encoder.encode(change), as: UTF8.self) : ChangeFormatter.line(change))
            }
            fflush(nil)
            if batch.count == 500 { continue }
            guard follow else { return }
            try await Task.sleep(for: pollEvery)
        }
    }
}
