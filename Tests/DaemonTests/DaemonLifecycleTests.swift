import Core
import Foundation
import Logging
import Storage
import TestSupport
import Testing

/// The real binary under systemd's protocols: readiness, reloads good and bad, SIGTERM in the middle of a pass,
/// and the watchdog's pace.
@Suite(.serialized) struct DaemonLifecycleTests {
    static func copyStory(to directory: TemporaryDirectory) throws {
        let story = RepositoryPaths.seeds.appendingPathComponent("sf-consulate-2017/v1.html").path
        try FileManager.default.copyItem(atPath: story, toPath: directory.file("current.html"))
    }

    static func changes(in directory: TemporaryDirectory) async throws -> Int64 {
        try await SQLiteStore(path: directory.file("factwatch.sqlite"), logger: TestLogging.quiet()).latestChangeID()
    }

    @Test func anInvalidReloadKeepsTheDaemonRunningOnTheOldConfiguration() async throws {
        try await TemporaryDirectory.with { directory in
            try Self.copyStory(to: directory)
            let path = try directory.write(
                "database = \"factwatch.sqlite\"\n[[source]]\nname = \"ledger\"\nurl = \"current.html\"\n",
                to: "factwatch.toml"
            )
            let daemon = try DaemonHarness(configuration: path, directory: directory)
            #expect(try await daemon.next().hasPrefix("READY=1"))
            #expect(try await daemon.next().contains("14 changes logged"))

            try "interval = \"soon\"\n[[source]]\nurl = 3\n".write(toFile: path, atomically: true, encoding: .utf8)
            daemon.signal(SIGHUP)
            #expect(try await daemon.next().hasPrefix("RELOADING=1"))
            let ready = try await daemon.next()
            #expect(ready.hasPrefix("READY=1") && ready.contains("reload failed"), "\(ready)")
            #expect(daemon.process.isRunning)

            daemon.signal(SIGTERM)
            #expect(try await daemon.exitStatus() == 0)
            #expect(daemon.log.contains("Reload failed; keeping the previous configuration"))
            #expect(daemon.log.contains("interval"))
        }
    }

    @Test func sigtermDuringAPassLetsItFinishAndExitsZero() async throws {
        try await LoopbackHTTPServer.with { server in
            let page = try Data(contentsOf: RepositoryPaths.seeds.appendingPathComponent("sf-consulate-2017/v1.html"))
            server.route(
                "/slow",
                response: LoopbackResponse(
                    headers: [("Content-Type", "text/html")],
                    body: Array(page),
                    delay: .seconds(2)
                )
            )
            try await TemporaryDirectory.with { directory in
                let path = try directory.write(
                    """
                    database = "factwatch.sqlite"
                    shutdown_grace = "20s"
                    [[source]]
                    name = "slow"
                    url = "\(server.url("/slow"))"
                    """,
                    to: "factwatch.toml"
                )
                let daemon = try DaemonHarness(configuration: path, directory: directory)
                #expect(try await daemon.next().hasPrefix("READY=1"))
                #expect(await server.waitForRequest(to: "/slow"))
                daemon.signal(SIGTERM)
                #expect(try await daemon.wait(for: "STOPPING=1").hasPrefix("STOPPING=1"))
                #expect(try await daemon.exitStatus() == 0)
                // The fetch in flight was finished and stored, not dropped.
                #expect(try await Self.changes(in: directory) == 14)
            }
        }
    }

    @Test func aPassLongerThanTheGracePeriodIsAbandonedCleanlyAndExitsZero() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route("/stuck", response: LoopbackResponse(body: Array("late".utf8), delay: .seconds(25)))
            try await TemporaryDirectory.with { directory in
                let path = try directory.write(
                    """
                    database = "factwatch.sqlite"
                    shutdown_grace = "1s"
                    [[source]]
                    name = "stuck"
                    url = "\(server.url("/stuck"))"
                    """,
                    to: "factwatch.toml"
                )
                let daemon = try DaemonHarness(configuration: path, directory: directory)
                #expect(try await daemon.next().hasPrefix("READY=1"))
                #expect(await server.waitForRequest(to: "/stuck"))
                let start = ContinuousClock.now
                daemon.signal(SIGTERM)
                #expect(try await daemon.exitStatus(timeout: .seconds(15)) == 0)
                #expect(start.duration(to: ContinuousClock.now) < .seconds(15))
                #expect(try await Self.changes(in: directory) == 0)
                let store = try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: TestLogging.quiet())
                #expect(try await store.sources().first?.versionCount == 0)
            }
        }
    }

    @Test func theWatchdogIsPingedAtHalfItsTimeout() async throws {
        try await TemporaryDirectory.with { directory in
            try Self.copyStory(to: directory)
            let path = try directory.write(
                "database = \"factwatch.sqlite\"\n[[source]]\nname = \"ledger\"\nurl = \"current.html\"\n",
                to: "factwatch.toml"
            )
            // WATCHDOG_USEC = 1 s: a ping about every 0.5 s.
            let daemon = try DaemonHarness(
                configuration: path,
                directory: directory,
                extra: ["WATCHDOG_USEC": "1000000"]
            )
            #expect(try await daemon.next().hasPrefix("READY=1"))
            var pings = 0
            let window = ContinuousClock.now + .seconds(3)
            while ContinuousClock.now < window {
                if daemon.listener.hasPendingDatagram(), daemon.listener.receive() == "WATCHDOG=1" { pings += 1 }
                try await Task.sleep(for: .milliseconds(5))
            }
            // Six expected; the bounds only rule out "never" and "every tick of a busy loop".
            #expect(pings >= 3 && pings <= 12, "\(pings) pings in 3 s")
            daemon.signal(SIGTERM)
            #expect(try await daemon.exitStatus() == 0)
        }
    }
}
