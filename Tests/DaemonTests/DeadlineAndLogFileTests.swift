import Alerts
import Core
import Daemon
import Fetching
import Foundation
import Storage
import TestSupport
import Testing

/// Deadline timers through the engine and store, and the JSON Lines change-log file.
@Suite struct DeadlineAndLogFileTests {
    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func timersFireOncePerLeadAndOnceWhenPassedWithTheirHooks() async throws {
        try await TemporaryDirectory.with { directory in
            let current = directory.file("current.html")
            try FileManager.default.copyItem(
                atPath: RepositoryPaths.seeds.appendingPathComponent("sf-consulate-2017/v2.html").path,
                toPath: current
            )
            let received = directory.file("received.jsonl")
            let hook = try directory.write("#!/bin/sh\ncat >> \"\(received)\"\n", to: "hook.sh", executable: true)
            var configuration = Configuration(
                database: directory.file("factwatch.sqlite"),
                sources: [Source(name: "ledger", url: current, kind: .page, interval: .seconds(60))],
                hooks: [
                    HookConfiguration(name: "timers", command: [hook], kinds: [.deadlineApproaching, .deadlinePassed])
                ]
            )
            configuration.deadlineLeads = [.seconds(24 * 3600)]
            let logger = TestLogging.quiet()
            let store = try SQLiteStore(path: configuration.database, logger: logger)
            try await store.register(configuration.sources)
            try await Fetcher.withFetcher(logger: logger) { fetcher in
                // The story is read on the evening it was published, so its deadlines are still ahead.
                let engine = try Engine(
                    configuration: configuration,
                    store: store,
                    fetcher: fetcher,
                    logger: logger,
                    now: { Self.at("2017-08-31T23:50:00Z") }
                )
                _ = await engine.poll(configuration.sources, schedules: [:], now: { Self.at("2017-08-31T23:50:00Z") })
                // The embassy's staff cut is due "by Sept. 1": the end of that day, so 24 hours ahead at midnight.
                let first = try await engine.fireDeadlineTimers(now: Self.at("2017-09-01T00:00:00Z"))
                #expect(
                    first.map { "\($0.kind.rawValue) \($0.facilityKey)" } == [
                        "deadline_approaching us:embassy:ru:moscow"
                    ]
                )
                let warning = try await engine.fireDeadlineTimers(now: Self.at("2017-09-01T12:30:00Z"))
                #expect(warning.map(\.kind) == [.deadlineApproaching, .deadlineApproaching, .deadlineApproaching])
                #expect(try await engine.fireDeadlineTimers(now: Self.at("2017-09-01T13:00:00Z")).isEmpty)
                let passed = try await engine.fireDeadlineTimers(now: Self.at("2017-09-02T12:00:01Z"))
                #expect(
                    passed.map(\.facilityKey.rawValue).sorted() == [
                        "ru:annex:us:new-york", "ru:annex:us:washington", "ru:consulate:us:san-francisco",
                        "us:embassy:ru:moscow",
                    ]
                )
                #expect(passed.allSatisfy { $0.kind == .deadlinePassed })
                let all = try await store.changes(after: 0, limit: 1000).filter {
                    $0.idempotencyKey.hasPrefix("timer/")
                }
                #expect(all.count == 1 + 3 + 4)
                #expect(try await engine.fireDeadlineTimers(now: Self.at("2017-09-05T00:00:00Z")).isEmpty)
                _ = try await engine.dispatcher.dispatchDue(now: Self.at("2017-09-05T00:00:00Z"))
            }
            let lines = try String(contentsOfFile: received, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 8)
        }
    }

    @Test func theLogFileCatchesUpAfterACrashAndStartsANewFileAfterRotation() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: TestLogging.quiet())
            try await store.register([Source(name: "ledger", url: "/x", kind: .page, interval: .seconds(60))])
            func log(_ name: String) async throws {
                try await store.logOneChange(name, facility: Samples.washingtonAnnex, kind: .corroborated)
            }
            let path = directory.file("changes.jsonl")
            try await log("a")
            try await log("b")
            try await ChangeLogFile(path: path).catchUp(from: store)
            // A crash left half a line: the next writer ignores it and resumes after the last complete one.
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("{\"id\": 3, \"kind\": ".utf8))
            try handle.close()
            try await log("c")
            let file = ChangeLogFile(path: path)
            try await file.catchUp(from: store)
            let ids = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
                .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .compactMap { ($0["id"] as? NSNumber)?.intValue }
            #expect(ids == [1, 2, 3])

            // logrotate moves the file away: the next change starts a new file at the same path.
            try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
            try await log("d")
            try await file.catchUp(from: store)
            let fresh = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(fresh.count == 4)  // a new file is caught up from the start of the log
        }
    }
}
