import Alerts
import Core
import Daemon
import Fetching
import Foundation
import ServiceLifecycle
import ServiceLifecycleTestKit
import Storage
import TestSupport
import Testing

/// The dispatcher service with a real store, a real hook and graceful shutdown from the test kit.
@Suite struct DispatcherServiceTests {
    /// A configuration whose one page source yields the seed story's first version, and one hook.
    static func setUp(_ directory: TemporaryDirectory, hook: String) throws -> Configuration {
        let current = directory.file("current.html")
        try FileManager.default.copyItem(
            atPath: RepositoryPaths.seeds.appendingPathComponent("sf-consulate-2017/v1.html").path,
            toPath: current
        )
        return Configuration(
            database: directory.file("factwatch.sqlite"),
            sources: [Source(name: "ledger", url: current, kind: .page, interval: .seconds(60))],
            hooks: [HookConfiguration(name: "capture", command: [hook], kinds: [.deadlineSet])]
        )
    }

    @Test func aWakeupRunsTheDueDeliveries() async throws {
        try await TemporaryDirectory.with { directory in
            let received = directory.file("received.jsonl")
            let hook = try directory.write("#!/bin/sh\ncat >> \"\(received)\"\n", to: "hook.sh", executable: true)
            let configuration = try Self.setUp(directory, hook: hook)
            let logger = TestLogging.quiet()
            let store = try SQLiteStore(path: configuration.database, logger: logger)
            try await store.register(configuration.sources)
            try await Fetcher.withFetcher(logger: logger) { fetcher in
                let engine = try Engine(configuration: configuration, store: store, fetcher: fetcher, logger: logger)
                _ = await engine.poll(configuration.sources, schedules: [:], now: { Date() })
                #expect(try await store.dueDeliveries(now: Date(), limit: 100).count == 4)

                let (rounds, continuation) = AsyncStream.makeStream(of: Void.self)
                let service = DispatcherService(box: EngineBox(engine), wakeups: DeliveryWakeups(), logger: logger)
                continuation.yield()
                continuation.finish()
                await service.run(rounds: rounds)
            }
            let lines = try String(contentsOfFile: received, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 4)
            #expect(try await store.deliveries(states: [.delivered], limit: 100).count == 4)
        }
    }

    @Test func gracefulShutdownLetsTheHookRunInProgressFinish() async throws {
        try await TemporaryDirectory.with { directory in
            let started = directory.file("started")
            let hook = try directory.write(
                "#!/bin/sh\ncat > /dev/null\ntouch \"\(started)\"\nsleep 1\n",
                to: "slow.sh",
                executable: true
            )
            let configuration = try Self.setUp(directory, hook: hook)
            let logger = TestLogging.quiet()
            let store = try SQLiteStore(path: configuration.database, logger: logger)
            try await store.register(configuration.sources)
            try await Fetcher.withFetcher(logger: logger) { fetcher in
                let engine = try Engine(configuration: configuration, store: store, fetcher: fetcher, logger: logger)
                _ = await engine.poll(configuration.sources, schedules: [:], now: { Date() })
                let service = DispatcherService(box: EngineBox(engine), wakeups: DeliveryWakeups(), logger: logger)
                let (rounds, continuation) = AsyncStream.makeStream(of: Void.self)
                await testGracefulShutdown { trigger in
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask { await service.run(rounds: rounds) }
                        continuation.yield()
                        while !FileManager.default.fileExists(atPath: started) {
                            try? await Task.sleep(for: .milliseconds(10))
                        }
                        trigger.triggerGracefulShutdown()
                        await group.waitForAll()
                    }
                }
            }
            // The round that was running when shutdown began completed: every delivery of it was recorded.
            let delivered = try await store.deliveries(states: [.delivered], limit: 100).count
            let pending = try await store.deliveries(states: [.pending], limit: 100).count
            #expect(delivered == 4)
            #expect(pending == 0)
        }
    }
}
