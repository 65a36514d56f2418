import ArgumentParser
import Daemon
import Foundation
import Storage

struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "Show hook deliveries that are pending or dead; --retry puts dead ones back in the queue.",
        discussion: "A dead delivery failed on every attempt of the retry policy; its last error says why."
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Also show delivered ones.")
    var all = false

    @Flag(name: .long, help: "Re-queue every dead delivery; the daemon (or the next `once`) runs them.")
    var retry = false

    @Option(name: .long, help: "Show at most this many rows, newest first.")
    var limit = 50

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level())
        let store = try options.openExistingStore(logger: logger)
        if retry {
            let count = try await store.retryDeadDeliveries(now: Date())
            print("\(count) dead deliver\(count == 1 ? "y" : "ies") re-queued.")
            return
        }
        let states: Set<DeliveryState> = all ? Set(DeliveryState.allCases) : [.pending, .dead]
        print(DeliveryTable.render(try await store.deliveries(states: states, limit: limit)))
    }
}
