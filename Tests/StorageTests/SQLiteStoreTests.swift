import Changes
import Core
import Foundation
import GRDB
import Logging
import Storage
import Synchronization
import TestSupport
import Testing

@Suite struct SQLiteStoreTests {
    static let logger = TestLogging.quiet()
    static let source = Source(name: "ledger", url: "file:///tmp/story.html", kind: .page, interval: .seconds(60))

    static func observation(_ facts: [Fact], text: String, url: String = "https://example.org/story") -> Observation {
        Observation(
            source: "ledger",
            url: url,
            article: Samples.article([text]),
            facts: facts,
            contentHash: ContentHash.sha256Hex(text),
            fetchedAt: Date(timeIntervalSince1970: 1_504_206_600)
        )
    }

    /// The real detector, as the daemon wires it.
    static func detector(source: String = "ledger", url: String = "https://example.org/story") -> ChangeDetection {
        { input in
            let result = ChangeDetector().detect(
                facts: input.facts,
                previousFacts: input.previousFacts,
                current: input.current,
                context: .init(
                    source: source,
                    url: url,
                    versionID: input.versionID,
                    published: LocalDateTime(iso: "2017-08-31"),
                    detectedAt: Date(timeIntervalSince1970: 1_504_206_600)
                )
            )
            return Detection(changes: result.changes, facilities: result.facilities)
        }
    }

    static func open(_ directory: TemporaryDirectory) throws -> SQLiteStore {
        try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: logger)
    }

    @Test func theDatabaseIsARealFileInWALMode() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try Self.open(directory)
            try await store.register([Self.source])
            let header = try Data(contentsOf: URL(fileURLWithPath: store.path)).prefix(20)
            #expect(header.prefix(15) == Data("SQLite format 3".utf8))
            #expect(header[18] == 2 && header[19] == 2)  // file-format read/write versions 2 = WAL
        }
    }

    @Test func aVersionItsFactsChangesAndDeliveriesAreStoredTogether() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try Self.open(directory)
            try await store.register([Self.source])
            let facts = [
                Samples.fact(Samples.sanFranciscoConsulate, .orderedClosed, deadline: "2017-09-02"),
                Samples.fact(Samples.sanFranciscoConsulate, .seized, modality: .negated),
            ]
            let outcome = try await store.ingest(
                Self.observation(facts, text: "v1"),
                detect: Self.detector(),
                route: { change in change.kind == .deadlineSet ? ["pager", "log"] : ["log"] }
            )
            #expect(outcome.isNewVersion)
            #expect(outcome.changes.map(\.kind) == [.facilitySeen, .statusChanged, .deadlineSet])
            #expect(outcome.changes.compactMap(\.id) == [1, 2, 3])

            let logged = try await store.changes(after: 0, limit: 100)
            #expect(logged == outcome.changes)
            #expect(try await store.changes(after: 2, limit: 100).map(\.id) == [3])
            #expect(try await store.latestChangeID() == 3)

            let facilities = try await store.facilities()
            #expect(facilities.map(\.key.rawValue) == ["ru:consulate:us:san-francisco"])
            #expect(facilities.first?.state.deadline?.value?.iso == "2017-09-02")

            let due = try await store.dueDeliveries(now: Date(timeIntervalSince1970: 1_504_206_601), limit: 10)
            #expect(due.map { "\($0.change.id!):\($0.hook)" } == ["1:log", "2:log", "3:log", "3:pager"])

            let sources = try await store.sources()
            #expect(sources.map(\.documentCount) == [1])
            #expect(sources.map(\.versionCount) == [1])
        }
    }

    @Test func theSameTextIsNotANewVersionAndLogsNothing() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try Self.open(directory)
            try await store.register([Self.source])
            let facts = [Samples.fact(Samples.sanFranciscoConsulate, .orderedClosed)]
            _ = try await store.ingest(Self.observation(facts, text: "v1"), detect: Self.detector(), route: { _ in [] })
            let again = try await store.ingest(
                Self.observation(facts, text: "v1"),
                detect: Self.detector(),
                route: { _ in [] }
            )
            #expect(!again.isNewVersion)
            #expect(again.changes.isEmpty)
            // An edit that changes no fact is a new version but no change.
            let edited = try await store.ingest(
                Self.observation(facts, text: "v1, reworded"),
                detect: Self.detector(),
                route: { _ in [] }
            )
            #expect(edited.isNewVersion)
            #expect(edited.changes.isEmpty)
            #expect(try await store.latestChangeID() == 2)
        }
    }

    @Test func detectionSeesThePreviousVersionsFactsAndTheCurrentRecords() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try Self.open(directory)
            try await store.register([Self.source])
            let first = [Samples.fact(Samples.sanFranciscoConsulate, .orderedClosed, deadline: "2017-09-02")]
            _ = try await store.ingest(Self.observation(first, text: "v1"), detect: Self.detector(), route: { _ in [] })

            let seen = Mutex<([Fact], [FacilityKey: FacilityRecord])?>(nil)
            let moved = [Samples.fact(Samples.sanFranciscoConsulate, .orderedClosed, deadline: "2017-09-02T12:00")]
            let real = Self.detector()
            let outcome = try await store.ingest(
                Self.observation(moved, text: "v2"),
                detect: { input in
                    seen.withLock { $0 = (input.previousFacts, input.current) }
                    return real(input)
                },
                route: { _ in [] }
            )
            let (previous, current) = try #require(seen.withLock { $0 })
            #expect(previous == first)
            #expect(current[Samples.sanFranciscoConsulate.key]?.state.deadline?.value?.iso == "2017-09-02")
            #expect(outcome.changes.map(\.kind) == [.deadlineChanged])
            #expect(
                try await store.history(of: Samples.sanFranciscoConsulate.key).map(\.kind) == [
                    .facilitySeen, .statusChanged, .deadlineSet, .deadlineChanged,
                ]
            )
        }
    }

    @Test func aFailedIngestLeavesNothingBehindAndCanBeRedone() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try Self.open(directory)
            try await store.register([Self.source])
            let facts = [Samples.fact(Samples.sanFranciscoConsulate, .orderedClosed)]
            let real = Self.detector()
            // A change that points at a version that does not exist violates a foreign key mid-transaction.
            let broken: ChangeDetection = { input in
                var detection = real(input)
                detection.changes[1].evidence?.versionID = 999_999
                return detection
            }
            await #expect(throws: StorageError.self) {
                try await store.ingest(Self.observation(facts, text: "v1"), detect: broken, route: { _ in ["log"] })
            }
            #expect(try await store.latestChangeID() == 0)
            #expect(try await store.facilities().isEmpty)
            #expect(try await store.sources().first?.versionCount == 0)
            #expect(try await store.dueDeliveries(now: .distantFuture, limit: 10).isEmpty)

            let redone = try await store.ingest(Self.observation(facts, text: "v1"), detect: real, route: { _ in [] })
            #expect(redone.isNewVersion)
            #expect(redone.changes.count == 2)
        }
    }

    @Test func stateSurvivesClosingAndReopeningTheFile() async throws {
        try await TemporaryDirectory.with { directory in
            do {
                let store = try Self.open(directory)
                try await store.register([Self.source])
                _ = try await store.ingest(
                    Self.observation([Samples.fact(Samples.washingtonAnnex, .closed)], text: "v1"),
                    detect: Self.detector(),
                    route: { _ in [] }
                )
            }
            let reopened = try Self.open(directory)
            #expect(try await reopened.latestChangeID() == 2)
            #expect(try await reopened.facilities().first?.state.status == .closed)
            let document = try await reopened.document(source: "ledger", url: "https://example.org/story")
            #expect(document?.latestContentHash == ContentHash.sha256Hex("v1"))
        }
    }

    @Test func deliveriesMoveThroughRetryDeadAndBack() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try Self.open(directory)
            try await store.register([Self.source])
            _ = try await store.ingest(
                Self.observation([Samples.fact(Samples.washingtonAnnex, .closed)], text: "v1"),
                detect: Self.detector(),
                route: { $0.kind == .statusChanged ? ["script"] : [] }
            )
            let start = Date(timeIntervalSince1970: 1_504_206_700)
            let due = try await store.dueDeliveries(now: start, limit: 10)
            #expect(due.count == 1)
            let id = due[0].id

            try await store.update(
                delivery: id,
                .retry(at: start.addingTimeInterval(60), error: "exit status 3", attemptedAt: start)
            )
            #expect(try await store.dueDeliveries(now: start.addingTimeInterval(30), limit: 10).isEmpty)
            let later = try await store.dueDeliveries(now: start.addingTimeInterval(61), limit: 10)
            #expect(later.map(\.attempts) == [1])

            try await store.update(
                delivery: id,
                .dead(error: "exit status 3", attemptedAt: start.addingTimeInterval(61))
            )
            let dead = try await store.deliveries(states: [.dead], limit: 10)
            #expect(dead.map(\.attempts) == [2])
            #expect(dead.first?.lastError == "exit status 3")
            #expect(dead.first?.changeKind == .statusChanged)

            #expect(try await store.retryDeadDeliveries(now: start.addingTimeInterval(100)) == 1)
            let retried = try await store.dueDeliveries(now: start.addingTimeInterval(100), limit: 10)
            #expect(retried.map(\.id) == [id])
            try await store.update(delivery: id, .delivered(at: start.addingTimeInterval(101)))
            #expect(try await store.deliveries(states: [.delivered], limit: 10).map(\.id) == [id])
            #expect(try await store.dueDeliveries(now: .distantFuture, limit: 10).isEmpty)
        }
    }

    @Test func pollsUpdateSourceHealth() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try Self.open(directory)
            try await store.register([Self.source])
            let now = Date(timeIntervalSince1970: 1_504_206_600)
            try await store.recordPoll(
                source: "ledger",
                PollRecord(
                    attemptedAt: now,
                    error: "timed out",
                    failureStreak: 1,
                    nextDueAt: now.addingTimeInterval(120)
                )
            )
            var state = try #require(try await store.sources().first)
            #expect(state.failureStreak == 1)
            #expect(state.lastError == "timed out")
            #expect(state.lastSuccessAt == nil)
            try await store.recordPoll(
                source: "ledger",
                PollRecord(attemptedAt: now.addingTimeInterval(120), error: nil, failureStreak: 0, nextDueAt: now)
            )
            state = try #require(try await store.sources().first)
            #expect(state.failureStreak == 0)
            #expect(state.lastError == nil)
            #expect(state.lastSuccessAt == now.addingTimeInterval(120))
            await #expect(throws: StorageError.self) {
                try await store.recordPoll(
                    source: "missing",
                    PollRecord(attemptedAt: now, error: nil, failureStreak: 0, nextDueAt: now)
                )
            }
        }
    }

    @Test func badPathsAndForeignFilesGiveClearErrors() async throws {
        try await TemporaryDirectory.with { directory in
            let missing = directory.file("no/such/dir/factwatch.sqlite")
            let error = try #require(throws: StorageError.self) { try SQLiteStore(path: missing, logger: Self.logger) }
            #expect(error.code == .cannotOpen)
            #expect(error.description.contains("does not exist"))

            let notADatabase = try directory.write("this is a text file, not a database\n", to: "notes.sqlite")
            let foreign = try #require(throws: StorageError.self) {
                try SQLiteStore(path: notADatabase, logger: Self.logger)
            }
            #expect(foreign.code == .cannotOpen)
            #expect(foreign.description.contains("notes.sqlite"))
            // The foreign file is left as it was.
            #expect(
                try String(contentsOfFile: notADatabase, encoding: .utf8) == "this is a text file, not a database\n"
            )
        }
    }

    @Test func aDatabaseFromANewerFactwatchIsRefusedUntouched() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.file("factwatch.sqlite")
            _ = try SQLiteStore(path: path, logger: Self.logger)
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
            let error = try #require(throws: StorageError.self) { try SQLiteStore(path: path, logger: Self.logger) }
            #expect(error.code == .newerSchema)
            #expect(error.description.contains("v99-from-the-future"))
        }
    }
}

@Suite struct StoreSummaryTests {
    @Test func theSummaryCountsSourcesChangesAndDeliveries() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStoreTests.open(directory)
            let now = Date()
            try await store.register([
                SQLiteStoreTests.source,
                Source(name: "other", url: "/other", kind: .page, interval: .seconds(60)),
            ])
            try await store.recordPoll(
                source: "other",
                PollRecord(
                    attemptedAt: now,
                    error: "timed out",
                    failureStreak: 2,
                    nextDueAt: now.addingTimeInterval(600)
                )
            )
            _ = try await store.ingest(
                SQLiteStoreTests.observation([Samples.fact(Samples.washingtonAnnex, .closed)], text: "v1"),
                detect: SQLiteStoreTests.detector(),
                route: { _ in ["hook"] }
            )
            let summary = try await store.summary(now: now)
            #expect(summary.sources == 2)
            #expect(summary.due == 1)  // "ledger" was never polled; "other" is due in ten minutes
            #expect(summary.failing == 1)
            // Stored to the millisecond.
            #expect(abs((summary.lastPass ?? .distantPast).timeIntervalSince(now)) < 0.002)
            #expect(summary.changesTotal == 2)
            #expect(summary.facilities == 1)
            #expect(summary.pendingDeliveries == 2)
            #expect(summary.deadDeliveries == 0)
            #expect(summary.databaseBytes > 0)
        }
    }
}

/// A pass reads its page sources' stored documents in one query instead of one read per source.
@Suite struct PageDocumentsTests {
    @Test func aPassReadsEveryPageDocumentAtOnce() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStoreTests.open(directory)
            let page = Source(name: "ledger", url: "https://example.org/story", kind: .page, interval: .seconds(60))
            let quiet = Source(name: "quiet", url: "https://example.org/quiet", kind: .page, interval: .seconds(60))
            let wire = Source(name: "wire", url: "https://example.org/feed", kind: .feed, interval: .seconds(60))
            try await store.register([page, quiet, wire])
            _ = try await store.ingest(
                SQLiteStoreTests.observation([], text: "The consulate is open."),
                detect: SQLiteStoreTests.detector(),
                route: { _ in [] }
            )
            try await store.recordUnchanged(
                source: "wire",
                url: "https://example.org/item",
                etag: "\"item\"",
                lastModified: nil,
                checkedAt: Date(timeIntervalSince1970: 1_504_206_600)
            )
            let documents = try await store.pageDocuments(sources: ["ledger", "quiet", "wire"])
            #expect(Array(documents.keys) == ["ledger"])
            #expect(documents["ledger"] == (try await store.document(source: "ledger", url: page.url)))
            #expect(documents["ledger"]?.latestContentHash == ContentHash.sha256Hex("The consulate is open."))
            #expect(try await store.pageDocuments(sources: ["quiet"]).isEmpty)
        }
    }
}
