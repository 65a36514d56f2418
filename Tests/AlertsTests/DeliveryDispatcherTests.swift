import Alerts
import Core
import Foundation
import InMemoryLogging
import Logging
import Storage
import TestSupport
import Testing

/// The outbox worked through with a real SQLite store and real hook processes.
@Suite struct DeliveryDispatcherTests {
    static let source = Source(name: "ledger", url: "/tmp/story.html", kind: .page, interval: .seconds(60))

    /// Stores one version that logs one `status_changed` change routed to `hooks`.
    static func logChange(in store: SQLiteStore, hooks: [String]) async throws -> Change {
        try await store.register([source])
        let fact = Samples.fact(Samples.washingtonAnnex, .closed)
        let outcome = try await store.ingest(
            Observation(
                source: "ledger",
                url: "https://example.org/story",
                article: Samples.article(["The annex was closed."]),
                facts: [fact],
                contentHash: ContentHash.sha256Hex("v1"),
                fetchedAt: Date()
            ),
            detect: { input in
                let versionID = input.versionID
                let change = Change(
                    kind: .statusChanged,
                    facility: fact.facility,
                    before: nil,
                    after: fact.state,
                    evidence: ChangeEvidence(
                        source: "ledger",
                        url: "https://example.org/story",
                        versionID: versionID,
                        published: nil,
                        sentence: fact.evidence.sentence,
                        span: fact.evidence.span
                    ),
                    detectedAt: Date(timeIntervalSince1970: 1_700_000_000),
                    idempotencyKey: "v\(versionID)/test"
                )
                return Detection(changes: [change], facilities: [])
            },
            route: { _ in hooks }
        )
        return try #require(outcome.changes.first)
    }

    @Test func aFailingHookIsRetriedThenDeadLetteredAndAGoodOneDelivered() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: TestLogging.quiet())
            let received = directory.file("received.json")
            let good = try directory.write("#!/bin/sh\ncat > \"\(received)\"\n", to: "good.sh", executable: true)
            let bad = try directory.write(
                "#!/bin/sh\necho 'endpoint down' >&2\nexit 3\n",
                to: "bad.sh",
                executable: true
            )
            let change = try await Self.logChange(in: store, hooks: ["good", "bad"])
            let (logger, logs) = TestLogging.capturing()
            let dispatcher = DeliveryDispatcher(
                store: store,
                hooks: [
                    HookConfiguration(name: "good", command: [good]),
                    HookConfiguration(name: "bad", command: [bad]),
                ],
                runner: HookRunner(logger: logger),
                policy: RetryPolicy(baseDelay: .seconds(1), maxAttempts: 2),
                logger: logger
            )

            let first = try await dispatcher.dispatchDue(now: Date())
            #expect(first.delivered == 1 && first.failed == 1 && first.deadLettered == 0)
            let delivered = try JSONCoding.decoder().decode(
                Change.self,
                from: Data(contentsOf: URL(fileURLWithPath: received))
            )
            #expect(delivered == change)

            let pending = try await store.deliveries(states: [.pending], limit: 10)
            #expect(pending.map(\.hook) == ["bad"])
            #expect(pending.first?.attempts == 1)
            #expect(pending.first?.lastError?.contains("exit status 3") == true)
            #expect(pending.first?.lastError?.contains("endpoint down") == true)

            // Nothing is due before the retry time; after it, the second failure is the last.
            let second = try await dispatcher.dispatchDue(now: Date().addingTimeInterval(3600))
            #expect(second.deadLettered == 1)
            let dead = try await store.deliveries(states: [.dead], limit: 10)
            #expect(dead.map(\.hook) == ["bad"])
            #expect(dead.first?.attempts == 2)
            #expect(logs.entries.contains { $0.level == .error && $0.message.description.contains("dead") })
        }
    }

    @Test func aDeliveryForAHookNoLongerConfiguredIsSetAsideWithAReason() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: TestLogging.quiet())
            _ = try await Self.logChange(in: store, hooks: ["removed"])
            let dispatcher = DeliveryDispatcher(
                store: store,
                hooks: [],
                runner: HookRunner(logger: TestLogging.quiet()),
                logger: TestLogging.quiet()
            )
            let report = try await dispatcher.dispatchDue(now: Date())
            #expect(report.deadLettered == 1)
            let dead = try await store.deliveries(states: [.dead], limit: 10)
            #expect(dead.first?.lastError == "hook \"removed\" is no longer in the configuration")
        }
    }

    @Test func aHookThatFailsTwiceThenSucceedsIsDeliveredOnce() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: TestLogging.quiet())
            let attempts = directory.file("attempts")
            let received = directory.file("received.jsonl")
            let flaky = try directory.write(
                """
                #!/bin/sh
                echo x >> "\(attempts)"
                if [ "$(wc -l < "\(attempts)")" -le 2 ]; then echo "endpoint down" >&2; exit 1; fi
                cat >> "\(received)"
                """,
                to: "flaky.sh",
                executable: true
            )
            let change = try await Self.logChange(in: store, hooks: ["flaky"])
            let dispatcher = DeliveryDispatcher(
                store: store,
                hooks: [HookConfiguration(name: "flaky", command: [flaky])],
                runner: HookRunner(logger: TestLogging.quiet()),
                policy: RetryPolicy(baseDelay: .seconds(1), maxAttempts: 5),
                logger: TestLogging.quiet()
            )
            var reports: [DeliveryDispatcher.Report] = []
            for hour in 0..<4 {
                reports.append(try await dispatcher.dispatchDue(now: Date().addingTimeInterval(Double(hour) * 3600)))
            }
            #expect(reports.map(\.failed) == [1, 1, 0, 0])
            #expect(reports.map(\.delivered) == [0, 0, 1, 0])
            let lines = try String(contentsOfFile: received, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 1)
            #expect(try JSONCoding.decoder().decode(Change.self, from: Data(lines[0].utf8)) == change)
            let row = try #require(try await store.deliveries(states: [.delivered], limit: 10).first)
            #expect(row.attempts == 3)
        }
    }
}
