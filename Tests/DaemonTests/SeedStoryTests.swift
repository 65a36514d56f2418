import Alerts
import Core
import Daemon
import Facts
import Fetching
import Foundation
import Logging
import Storage
import TestSupport
import Testing

/// The whole pipeline on our own seed story: real files, a real SQLite database, a real hook process.
@Suite struct SeedStoryTests {
    static let versions = (1...4).map {
        RepositoryPaths.seeds.appendingPathComponent("sf-consulate-2017/v\($0).html").path
    }

    /// What the change log must say after each version, as "kind key status deadline".
    static let expected: [[String]] = [
        [
            "facility_seen ru:consulate:us:san-francisco ordered_closed 2017-09-02",
            "status_changed ru:consulate:us:san-francisco ordered_closed 2017-09-02",
            "deadline_set ru:consulate:us:san-francisco ordered_closed 2017-09-02",
            "facility_seen ru:annex:us:washington ordered_closed 2017-09-02",
            "status_changed ru:annex:us:washington ordered_closed 2017-09-02",
            "deadline_set ru:annex:us:washington ordered_closed 2017-09-02",
            "facility_seen ru:annex:us:new-york ordered_closed 2017-09-02",
            "status_changed ru:annex:us:new-york ordered_closed 2017-09-02",
            "deadline_set ru:annex:us:new-york ordered_closed 2017-09-02",
            "facility_seen us:embassy:ru:moscow staff_cut 2017-09-01",
            "status_changed us:embassy:ru:moscow staff_cut 2017-09-01",
            "deadline_set us:embassy:ru:moscow staff_cut 2017-09-01",
            "facility_seen us:compound:ru:moscow seized -",
            "status_changed us:compound:ru:moscow seized -",
        ],
        [
            "deadline_changed ru:consulate:us:san-francisco ordered_closed 2017-09-02T12:00",
            "deadline_changed ru:annex:us:washington ordered_closed 2017-09-02T12:00",
            "deadline_changed ru:annex:us:new-york ordered_closed 2017-09-02T12:00",
        ],
        [
            "facility_seen ru:residence:us:san-francisco ordered_closed 2017-09-02T12:00",
            "status_changed ru:residence:us:san-francisco ordered_closed 2017-09-02T12:00",
            "deadline_set ru:residence:us:san-francisco ordered_closed 2017-09-02T12:00",
        ],
        [
            "status_changed ru:consulate:us:san-francisco closed -",
            "status_changed ru:annex:us:washington closed -",
            "status_changed ru:annex:us:new-york closed -",
            "status_changed ru:residence:us:san-francisco closed -",
        ],
    ]

    static func line(_ change: Change) -> String {
        let deadline = change.after?.deadline?.value?.iso ?? "-"
        return "\(change.kind.rawValue) \(change.facilityKey) \(change.after?.status.rawValue ?? "-") \(deadline)"
    }

    @Test func theStoryProducesExactlyTheExpectedChangeLogAndTheHookReceivesIt() async throws {
        try await TemporaryDirectory.with { directory in
            let current = directory.file("current.html")
            let received = directory.file("received.jsonl")
            let hookScript = try directory.write(
                "#!/bin/sh\ncat >> \"$1\"\necho \"$FACTWATCH_KIND $FACTWATCH_FACILITY_KEY\" >> \"$1.env\"\npwd > \"$1.cwd\"\n",
                to: "hook.sh",
                executable: true
            )
            let configuration = Configuration(
                database: directory.file("factwatch.sqlite"),
                sources: [Source(name: "ledger", url: current, kind: .page, interval: .seconds(60))],
                hooks: [HookConfiguration(name: "capture", command: [hookScript, received])]
            )
            let logger = TestLogging.quiet()
            let store = try SQLiteStore(path: configuration.database, logger: logger)
            try await Fetcher.withFetcher(logger: logger) { fetcher in
                let engine = try Engine(configuration: configuration, store: store, fetcher: fetcher, logger: logger)
                try await store.register(configuration.sources)
                for (version, expected) in zip(Self.versions, Self.expected) {
                    try? FileManager.default.removeItem(atPath: current)
                    try FileManager.default.copyItem(atPath: version, toPath: current)
                    let pass = await engine.poll(configuration.sources, schedules: [:], now: { Date() })
                    #expect(pass.results[0].error == nil)
                    #expect(pass.results[0].changes.map(Self.line) == expected, "\(version)")
                    _ = try await engine.dispatcher.dispatchDue()

                    // Reading the same version again logs nothing.
                    let again = await engine.poll(configuration.sources, schedules: [:], now: { Date() })
                    #expect(again.results[0].newVersions == 0)
                    #expect(again.results[0].changes.isEmpty)
                }
            }

            let log = try await store.changes(after: 0, limit: 1000)
            // A deadline change cites the sentence that states the new deadline, not the opening paragraph.
            let moved = log.filter { $0.kind == .deadlineChanged }
            #expect(moved.count == 3)
            #expect(
                moved.allSatisfy {
                    $0.evidence?.sentence.hasPrefix("The Russians must vacate the three buildings") == true
                }
            )
            #expect(moved.allSatisfy { $0.evidence?.versionID == 2 })
            #expect(log.map(Self.line) == Self.expected.flatMap { $0 })
            #expect(log.compactMap(\.id) == Array(1...Int64(log.count)))
            for change in log {
                #expect(change.evidence?.source == "ledger")
                #expect(change.evidence?.url == current)
                #expect(change.evidence.map { !$0.sentence.isEmpty } == true)
            }

            // The hook got every change, as JSON on stdin, in log order, with its environment.
            let lines = try String(contentsOfFile: received, encoding: .utf8).split(separator: "\n")
            let delivered = try lines.map { try JSONCoding.decoder().decode(Change.self, from: Data($0.utf8)) }
            #expect(delivered == log)
            let environment = try String(contentsOfFile: received + ".env", encoding: .utf8).split(separator: "\n")
            #expect(environment.first == "facility_seen ru:consulate:us:san-francisco")
            // Hooks run in the database's directory.
            let workingDirectory = try String(contentsOfFile: received + ".cwd", encoding: .utf8)
            #expect(
                URL(fileURLWithPath: workingDirectory.trimmingCharacters(in: .whitespacesAndNewlines))
                    .resolvingSymlinksInPath()
                    == directory.url.resolvingSymlinksInPath()
            )
            #expect(try await store.deliveries(states: [.pending, .dead], limit: 100).isEmpty)

            let facilities = try await store.facilities()
            #expect(
                facilities.map { "\($0.key) \($0.state.status)" } == [
                    "ru:annex:us:new-york closed", "ru:annex:us:washington closed",
                    "ru:consulate:us:san-francisco closed", "ru:residence:us:san-francisco closed",
                    "us:compound:ru:moscow seized", "us:embassy:ru:moscow staff_cut",
                ]
            )
        }
    }

    @Test func theFirstVersionExtractsTheThreeOrderedClosuresAndNoneOfTheTraps() async throws {
        let logger = TestLogging.quiet()
        let result = try await Fetcher.withFetcher(logger: logger) { fetcher in
            try await OfflineExtraction.run(Self.versions[0], fetcher: fetcher, facts: .init())
        }
        let facts = result.facts.map { "\($0.facility.key) \($0.status) \($0.deadline?.value?.iso ?? "-")" }
        #expect(
            facts.sorted() == [
                "ru:annex:us:new-york ordered_closed 2017-09-02", "ru:annex:us:washington ordered_closed 2017-09-02",
                "ru:consulate:us:san-francisco ordered_closed 2017-09-02", "us:compound:ru:moscow seized -",
                "us:embassy:ru:moscow staff_cut 2017-09-01",
            ]
        )
        #expect(result.facts.first { $0.status == .staffCut }?.staff == 755)
        #expect(!result.facts.contains { $0.status == .reopened })
        #expect(!result.facts.contains { $0.status == .seized && $0.facility.kind != .compound })
        #expect(result.article.title == "U.S. orders Russia to close San Francisco consulate and two annexes")
        #expect(result.article.published?.iso == "2017-08-31T15:10")
        // Navigation, captions, share bars, related links and the trailer are not in the article text.
        let text = result.article.text
        for boilerplate in [
            "Share on Twitter", "Most read", "Green Street", "Read more at", "World Briefing", "Houston begins",
        ] {
            #expect(!text.contains(boilerplate), "\(boilerplate)")
        }
    }

    @Test func theLastVersionsRemainOpenSentenceMakesNoFact() async throws {
        let logger = TestLogging.quiet()
        let result = try await Fetcher.withFetcher(logger: logger) { fetcher in
            try await OfflineExtraction.run(Self.versions[3], fetcher: fetcher, facts: .init())
        }
        let keys = Set(result.facts.map(\.facility.key.rawValue))
        for untouched in [
            "ru:embassy:us:washington", "ru:consulate:us:new-york", "ru:consulate:us:houston",
            "ru:consulate:us:seattle",
        ] {
            #expect(!keys.contains(untouched), "\(untouched)")
        }
        #expect(result.facts.filter { $0.status == .closed }.count == 4)
    }

    @Test func aSecondOutletsReportCorroboratesTheStateAndDisputesADeadline() async throws {
        try await TemporaryDirectory.with { directory in
            let current = directory.file("current.html")
            let wire = RepositoryPaths.seeds.appendingPathComponent("sf-consulate-2017-wire/wire.html").path
            let ledger = Source(name: "ledger", url: current, kind: .page, interval: .seconds(60))
            let wireSource = Source(name: "wire", url: wire, kind: .page, interval: .seconds(60))
            let configuration = Configuration(
                database: directory.file("factwatch.sqlite"),
                sources: [ledger, wireSource]
            )
            let logger = TestLogging.quiet()
            let store = try SQLiteStore(path: configuration.database, logger: logger)
            try await Fetcher.withFetcher(logger: logger) { fetcher in
                let engine = try Engine(configuration: configuration, store: store, fetcher: fetcher, logger: logger)
                try await store.register(configuration.sources)
                for version in Self.versions {
                    try? FileManager.default.removeItem(atPath: current)
                    try FileManager.default.copyItem(atPath: version, toPath: current)
                    _ = await engine.poll([ledger], schedules: [:], now: { Date() })
                }
                let pass = await engine.poll([wireSource], schedules: [:], now: { Date() })
                #expect(
                    pass.results[0].changes.map(Self.line) == [
                        "corroborated ru:consulate:us:san-francisco closed -",
                        "corroborated ru:annex:us:washington closed -",
                        "corroborated ru:annex:us:new-york closed -",
                        "conflict us:embassy:ru:moscow staff_cut 2017-08-31",
                        "corroborated us:compound:ru:moscow seized -",
                    ]
                )
                let conflict = try #require(pass.results[0].changes.first { $0.kind == .conflict })
                #expect(conflict.before?.deadline?.value?.iso == "2017-09-01")
                #expect(conflict.evidence?.source == "wire")
                #expect(conflict.priorEvidence?.source == "ledger")
            }
            let log = try await store.changes(after: 0, limit: 1000)
            #expect(
                log.map(Self.line) == Self.expected.flatMap { $0 } + [
                    "corroborated ru:consulate:us:san-francisco closed -",
                    "corroborated ru:annex:us:washington closed -",
                    "corroborated ru:annex:us:new-york closed -",
                    "conflict us:embassy:ru:moscow staff_cut 2017-08-31",
                    "corroborated us:compound:ru:moscow seized -",
                ]
            )
            let facilities = try await store.facilities()
            let consulate = try #require(facilities.first { $0.key.rawValue == "ru:consulate:us:san-francisco" })
            #expect(consulate.supporters == ["ledger", "wire"])
            let embassy = try #require(facilities.first { $0.key.rawValue == "us:embassy:ru:moscow" })
            #expect(embassy.state.deadline?.value?.iso == "2017-09-01")  // the conflict leaves the state alone
        }
    }
}
