import Core
import Foundation
import Logging
import Storage
import Synchronization
import TestSupport
import Testing

/// `factwatch run` as a real child process: systemd's notify protocol on a real socket, real SIGHUP and SIGTERM.
@Suite(.serialized) struct DaemonProcessTests {
    static var executable: String { DaemonHarness.executable }

    @Test func runNotifiesSystemdReloadsOnSIGHUPAndExitsZeroOnSIGTERM() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            Issue.record("the factwatch executable was not built at \(Self.executable)")
            return
        }
        try await TemporaryDirectory.with { directory in
            let story = RepositoryPaths.seeds.appendingPathComponent("sf-consulate-2017/v1.html").path
            try FileManager.default.copyItem(atPath: story, toPath: directory.file("current.html"))
            try directory.write("Weather\n\nA quiet day in the city.\n", to: "second.txt")
            let configuration = try directory.write(
                """
                database = "factwatch.sqlite"
                interval = "1m"

                [[source]]
                name = "ledger"
                url = "current.html"
                """,
                to: "factwatch.toml"
            )
            let daemon = try DaemonHarness(configuration: configuration, directory: directory)
            let ready = try await daemon.next()
            #expect(ready.hasPrefix("READY=1"), "\(ready)")
            // The first pass runs at once; its status line counts the changes.
            let status = try await daemon.next()
            #expect(status.contains("14 changes logged"), "\(status)")

            // A reload that adds a source; the file is checked and the new configuration applied.
            try """
            database = "factwatch.sqlite"
            interval = "1m"

            [[source]]
            name = "ledger"
            url = "current.html"

            [[source]]
            name = "second"
            url = "second.txt"
            """.write(toFile: configuration, atomically: true, encoding: .utf8)
            daemon.signal(SIGHUP)
            #expect(try await daemon.next().hasPrefix("RELOADING=1"))
            let reloaded = try await daemon.next()
            #expect(reloaded.hasPrefix("READY=1\nSTATUS=2 sources"), "\(reloaded)")

            daemon.signal(SIGTERM)
            #expect(try await daemon.wait(for: "STOPPING=1").hasPrefix("STOPPING=1"))
            #expect(try await daemon.exitStatus() == 0)

            let store = try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: TestLogging.quiet())
            #expect(try await store.latestChangeID() == 14)
            #expect(try await store.sources().map(\.name) == ["ledger", "second"])
            #expect(daemon.log.contains("Configuration reloaded"), "\(daemon.log)")
        }
    }

    @Test func tailFollowPrintsChangesAsTheyAreLoggedAndResumesAfterSince() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            Issue.record("the factwatch executable was not built at \(Self.executable)")
            return
        }
        try await TemporaryDirectory.with { directory in
            let database = directory.file("factwatch.sqlite")
            let store = try SQLiteStore(path: database, logger: TestLogging.quiet())
            try await store.register([Source(name: "ledger", url: "/x", kind: .page, interval: .seconds(60))])
            try await store.logOneChange("first", facility: Samples.sanFranciscoConsulate, kind: .statusChanged)

            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = ["tail", "-f", "--json", "--interval", "50ms", "--since", "0", "--database", database]
            let output = Foundation.Pipe()
            process.standardOutput = output
            try process.run()
            defer { if process.isRunning { process.terminate() } }

            // The change already logged, then one logged while tail is following.
            let lines = Mutex<[String]>([])
            let reader = output.fileHandleForReading
            reader.readabilityHandler = { handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                lines.withLock { $0 += text.split(separator: "\n").map(String.init) }
            }
            defer { reader.readabilityHandler = nil }
            func waitFor(_ count: Int) async throws {
                let deadline = ContinuousClock.now + .seconds(30)
                while lines.withLock({ $0.count }) < count && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            try await waitFor(1)
            try await store.logOneChange("second", facility: Samples.washingtonAnnex, kind: .statusChanged)
            try await waitFor(2)
            let changes = try lines.withLock { $0 }.map {
                try JSONCoding.decoder().decode(Change.self, from: Data($0.utf8))
            }
            #expect(changes.map(\.id) == [1, 2])
            #expect(changes.map(\.facilityKey.rawValue) == ["ru:consulate:us:san-francisco", "ru:annex:us:washington"])

            // --since resumes after the given id, without following.
            let resumed = Process()
            resumed.executableURL = URL(fileURLWithPath: Self.executable)
            resumed.arguments = ["tail", "--json", "--since", "1", "--database", database]
            let resumedOutput = Foundation.Pipe()
            resumed.standardOutput = resumedOutput
            try resumed.run()
            let text = String(decoding: resumedOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            resumed.waitUntilExit()
            #expect(resumed.terminationStatus == 0)
            #expect(text.split(separator: "\n").count == 1)
            #expect(text.contains("\"id\":2"))
        }
    }

    @Test func aDeadDeliveryIsVisibleAndCanBeRequeuedFromTheCommandLine() async throws {
        try await TemporaryDirectory.with { directory in
            let database = directory.file("factwatch.sqlite")
            let store = try SQLiteStore(path: database, logger: TestLogging.quiet())
            try await store.register([Source(name: "ledger", url: "/x", kind: .page, interval: .seconds(60))])
            try await store.logOneChange("a", facility: Samples.washingtonAnnex, kind: .statusChanged, hooks: ["pager"])
            let id = try #require(try await store.dueDeliveries(now: Date(), limit: 1).first?.id)
            try await store.update(delivery: id, .dead(error: "exit status 7 after 0.01 s", attemptedAt: Date()))

            func run(_ arguments: [String]) throws -> (Int32, String) {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: Self.executable)
                process.arguments = arguments + ["--database", database]
                let output = Foundation.Pipe()
                process.standardOutput = output
                try process.run()
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                return (process.terminationStatus, text)
            }
            let (status, table) = try run(["deliveries", "--failed"])
            #expect(status == 0)
            #expect(table.contains("dead") && table.contains("exit status 7") && table.contains("pager"))
            let (_, json) = try run(["deliveries", "--json"])
            #expect(json.contains("\"state\":\"dead\""))
            let (retried, message) = try run(["deliveries", "retry", "\(id)"])
            #expect(retried == 0)
            #expect(message.contains("1 re-queued"))
            #expect(try await store.deliveries(states: [.pending], limit: 10).map(\.id) == [id])
        }
    }
}
