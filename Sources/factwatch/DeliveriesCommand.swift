import ArgumentParser
import Core
import Daemon
import Foundation
import Storage

/// `factwatch deliveries`: the hook outbox, and re-queueing what failed.
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "Show hook deliveries, or put failed ones back in the queue.",
        subcommands: [DeliveriesListCommand.self, DeliveriesRetryCommand.self],
        defaultSubcommand: DeliveriesListCommand.self
    )
}

struct DeliveriesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show pending and dead deliveries (the default).",
        discussion: """
            A dead delivery failed on every attempt of the retry policy; its last error says why. \
            `factwatch deliveries retry ID` or `--all` puts it back in the queue.
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Only deliveries that failed at least once: dead, or pending a retry.")
    var failed = false

    @Flag(name: .long, help: "Also show delivered ones.")
    var all = false

    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    @Option(name: .long, help: "Show at most this many rows, newest first.")
    var limit = 50

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level())
        let store = try options.openExistingStore(logger: logger)
        let states: Set<DeliveryState> = all ? Set(DeliveryState.allCases) : [.pending, .dead]
        var rows = try await store.deliveries(states: states, limit: limit)
        if failed { rows = rows.filter { $0.state == .dead || ($0.state == .pending && $0.attempts > 0) } }
        if json {
            let encoder = JSONCoding.encoder()
            for row in rows { print(String(decoding: try encoder.encode(row), as: UTF8.self)) }
        } else {
            print(DeliveryTable.render(rows))
        }
    }
}

struct DeliveriesRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Put failed deliveries back in the queue, due now; the daemon (or the next `once`) runs them."
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Every dead delivery.")
    var all = false

    @Argument(help: "Delivery ids, as `factwatch deliveries` lists them.")
    var ids: [Int64] = []

    func validate() throws {
        if all == !ids.isEmpty { throw ValidationError("give delivery ids or --all, not both and not neither") }
    }

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level())
        let store = try options.openExistingStore(logger: logger)
        if all {
            let count = try await store.retryDeadDeliveries(now: Date())
            print("\(count) dead deliver\(count == 1 ? "y" : "ies") re-queued.")
            return
        }
        let requeued = try await store.retryDeliveries(ids: ids, now: Date())
        let missed = ids.filter { !requeued.contains($0) }
        print("\(requeued.count) re-queued.")
        if !missed.isEmpty {
            throw CommandError(
                "not re-queued (no such delivery, or already delivered): \(missed.map(String.init).joined(separator: ", "))"
            )
        }
    }
}
