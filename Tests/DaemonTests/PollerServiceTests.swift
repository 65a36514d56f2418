import Alerts
import Core
import Daemon
import Fetching
import Foundation
import InMemoryLogging
import Logging
import Storage
import Synchronization
import TestSupport
import Testing

/// The service loop driven by a hand-made trigger stream and a hand-set clock, observed through a real notify
/// socket: systemd's messages come in the loop's order, so each one marks how far the loop has got.
@Suite struct PollerServiceTests {
    final class ManualClock: Sendable {
        private let current = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
        func now() -> Date { current.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    /// Waits (without blocking a thread) for the next notification that is not a watchdog ping.
    static func next(_ listener: DatagramListener, timeout: Duration = .seconds(20)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if listener.hasPendingDatagram(), let message = listener.receive() {
                if message == "WATCHDOG=1" { continue }
                return message
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("no notification within \(timeout)")
        return ""
    }

    static func story(_ version: Int) -> String {
        RepositoryPaths.seeds.appendingPathComponent("sf-consulate-2017/v\(version).html").path
    }

    @Test func ticksPollDueSourcesReloadsApplyAndABadReloadKeepsTheOldConfiguration() async throws {
        try await TemporaryDirectory.with { directory in
            let socketPath = directory.file("notify.sock")
            let listener = try DatagramListener(address: socketPath)
            let current = directory.file("current.html")
            try FileManager.default.copyItem(atPath: Self.story(1), toPath: current)
            let source = Source(name: "ledger", url: current, kind: .page, interval: .seconds(60))
            let initial = Configuration(database: directory.file("factwatch.sqlite"), sources: [source])
            let second = Source(name: "second", url: directory.file("second.html"), kind: .page, interval: .seconds(60))
            try FileManager.default.copyItem(atPath: Self.story(4), toPath: second.url)
            let nextConfiguration = Mutex<Configuration?>(nil)

            let clock = ManualClock()
            let (logger, logs) = TestLogging.capturing()
            let store = try SQLiteStore(path: initial.database, logger: logger)
            let (triggers, continuation) = AsyncStream.makeStream(of: PollerTrigger.self)
            try await Fetcher.withFetcher(logger: logger) { fetcher in
                let box = EngineBox(
                    try Engine(
                        configuration: initial,
                        store: store,
                        fetcher: fetcher,
                        logger: logger,
                        now: { clock.now() }
                    )
                )
                let wakeups = DeliveryWakeups()
                let service = PollerService(
                    box: box,
                    reload: {
                        guard let configuration = nextConfiguration.withLock({ $0 }) else {
                            throw ConfigurationError(
                                path: "factwatch.toml",
                                issues: [.init(line: 3, key: "x", message: "broken")]
                            )
                        }
                        return configuration
                    },
                    store: store,
                    fetcher: fetcher,
                    notifier: SystemdNotifier(environment: ["NOTIFY_SOCKET": socketPath]),
                    wakeups: wakeups,
                    logger: logger,
                    now: { clock.now() }
                )
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await service.run(triggers: triggers) }

                    #expect(try await Self.next(listener).hasPrefix("READY=1\nSTATUS=1 sources"))
                    continuation.yield(.tick)
                    let afterFirst = try await Self.next(listener)
                    #expect(afterFirst.contains("14 changes logged"), "\(afterFirst)")
                    #expect(try await store.latestChangeID() == 14)

                    // Not due yet: a tick does nothing, whatever the file says now.
                    try FileManager.default.removeItem(atPath: current)
                    try FileManager.default.copyItem(atPath: Self.story(2), toPath: current)
                    continuation.yield(.tick)
                    continuation.yield(.reload)  // fails: no new configuration yet
                    #expect(try await Self.next(listener).hasPrefix("RELOADING=1"))
                    let failed = try await Self.next(listener)
                    #expect(failed.hasPrefix("READY=1") && failed.contains("reload failed"), "\(failed)")
                    #expect(try await store.latestChangeID() == 14)
                    let reloadError = logs.entries.first { $0.message.description.hasPrefix("Reload failed") }
                    #expect(reloadError?.level == .error)
                    #expect(reloadError?.metadata["error"]?.description.contains("factwatch.toml:3") == true)

                    // Due after its interval: the moved deadline is logged.
                    clock.advance(61)
                    continuation.yield(.tick)
                    #expect(try await Self.next(listener).contains("17 changes logged"))
                    #expect(try await store.latestChangeID() == 17)

                    // A good reload adds a source, which is due at once.
                    nextConfiguration.withLock {
                        $0 = Configuration(database: initial.database, sources: [source, second])
                    }
                    continuation.yield(.reload)
                    #expect(try await Self.next(listener).hasPrefix("RELOADING=1"))
                    let reloaded = try await Self.next(listener)
                    #expect(reloaded.hasPrefix("READY=1\nSTATUS=2 sources") && !reloaded.contains("reload failed"))
                    continuation.yield(.tick)
                    _ = try await Self.next(listener)
                    #expect(try await store.sources().map(\.name) == ["ledger", "second"])
                    #expect(try await store.sources().allSatisfy { $0.lastSuccessAt != nil })

                    continuation.finish()
                    try await group.waitForAll()
                }
            }
        }
    }
}
