import Core
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

/// The health columns of migration v2, the batched poll records, and upgrading a database written before them.
@Suite struct SourceHealthTests {
    static let logger = TestLogging.quiet()
    static let now = Date(timeIntervalSince1970: 1_504_206_600)

    static func source(_ name: String) -> Source {
        Source(name: name, url: "https://example.org/\(name)", kind: .page, interval: .seconds(600))
    }

    @Test func aPassOfPollsIsRecordedWithEveryHealthField() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: Self.logger)
            try await store.register([Self.source("fine"), Self.source("limited")])
            try await store.recordPolls([
                "fine": PollRecord(
                    attemptedAt: Self.now,
                    error: nil,
                    failureStreak: 0,
                    nextDueAt: Self.now.addingTimeInterval(600),
                    status: 304,
                    bytes: 0,
                    duration: .milliseconds(12)
                ),
                "limited": PollRecord(
                    attemptedAt: Self.now,
                    error: "fetch failed (httpStatus): server answered 429",
                    failureStreak: 2,
                    nextDueAt: Self.now.addingTimeInterval(3600),
                    status: 429,
                    retryAfterAt: Self.now.addingTimeInterval(3600)
                ),
            ])
            let fine = try #require(try await store.source(named: "fine"))
            #expect(fine.lastStatus == 304)
            #expect(fine.lastBytes == 0)
            #expect(fine.lastDuration == .milliseconds(12))
            #expect(fine.lastSuccessAt == Self.now)
            #expect(fine.retryAfterAt == nil)
            let limited = try #require(try await store.sources().first { $0.name == "limited" })
            #expect(limited.lastStatus == 429)
            #expect(limited.lastBytes == nil)
            #expect(limited.lastDuration == nil)
            #expect(limited.failureStreak == 2)
            #expect(limited.retryAfterAt == Self.now.addingTimeInterval(3600))
            #expect(limited.lastSuccessAt == nil)
            #expect(try await store.source(named: "missing") == nil)
        }
    }

    @Test func pollsOfUnregisteredSourcesAreNamedButDoNotLoseTheOthers() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: Self.logger)
            try await store.register([Self.source("known")])
            let record = PollRecord(attemptedAt: Self.now, error: nil, failureStreak: 0, nextDueAt: Self.now)
            let error = await #expect(throws: StorageError.self) {
                try await store.recordPolls(["known": record, "ghost": record])
            }
            #expect(error?.description.contains("\"ghost\"") == true)
            #expect(try await store.source(named: "known")?.lastAttemptAt == Self.now)
        }
    }

    @Test func aDatabaseFromBeforeTheHealthColumnsIsUpgradedInPlace() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.file("factwatch.sqlite")
            let old = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(old, upTo: "v1-change-log")
            try await old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO sources (name, url, kind, failure_streak, last_error, created_at)
                        VALUES ('ledger', 'https://example.org/story', 'page', 3, 'timed out', ?)
                        """,
                    arguments: [Self.now]
                )
            }
            try old.close()

            let store = try SQLiteStore(path: path, logger: Self.logger)
            let ledger = try #require(try await store.source(named: "ledger"))
            #expect(ledger.failureStreak == 3)
            #expect(ledger.lastError == "timed out")
            #expect(ledger.lastStatus == nil && ledger.lastBytes == nil && ledger.retryAfterAt == nil)
            try await store.recordPoll(
                source: "ledger",
                PollRecord(attemptedAt: Self.now, error: nil, failureStreak: 0, nextDueAt: Self.now, status: 200)
            )
            #expect(try await store.source(named: "ledger")?.lastStatus == 200)
        }
    }
}
