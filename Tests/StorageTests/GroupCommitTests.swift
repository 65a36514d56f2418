import Foundation
import GRDB
import Synchronization
import TestSupport
import Testing

@testable import Storage

/// Writes submitted together share transactions, yet each keeps its own outcome.
@Suite struct GroupCommitTests {
    struct Failure: Error {}

    final class Counter: Sendable {
        let value = Mutex(0)

        func next() -> Int {
            value.withLock { count in
                count += 1
                return count
            }
        }
    }

    /// A real database file with one table, and a counter of its transactions.
    private static func database(_ directory: TemporaryDirectory) throws -> (DatabasePool, Counter) {
        let pool = try DatabasePool(path: directory.file("group.sqlite"))
        try pool.write { db in try db.execute(sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY, value TEXT UNIQUE)") }
        return (pool, Counter())
    }

    @Test func concurrentSubmissionsShareTransactionsAndAllCommit() async throws {
        try await TemporaryDirectory.with { directory in
            let (pool, transactions) = try Self.database(directory)
            let group = GroupCommit { body in
                try await pool.write { db in
                    _ = transactions.next()
                    try body(db)
                }
            }
            let ids = try await withThrowingTaskGroup(of: Int64.self) { tasks in
                for index in 0..<200 {
                    tasks.addTask {
                        try await group.submit { db in
                            try db.execute(sql: "INSERT INTO rows (value) VALUES (?)", arguments: ["row \(index)"])
                            return db.lastInsertedRowID
                        }
                    }
                }
                return try await tasks.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(ids).count == 200)
            #expect(try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rows") } == 200)
            let count = transactions.next() - 1
            #expect(count >= 1 && count < 200, "200 submissions took \(count) transactions")
        }
    }

    @Test func aFailingSubmissionRollsBackAloneAndGetsItsError() async throws {
        try await TemporaryDirectory.with { directory in
            let (pool, _) = try Self.database(directory)
            let group = GroupCommit { body in try await pool.write(body) }
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { tasks in
                for index in 0..<40 {
                    tasks.addTask {
                        do {
                            try await group.submit { db in
                                try db.execute(sql: "INSERT INTO rows (value) VALUES (?)", arguments: ["kept \(index)"])
                                if index % 4 == 0 {
                                    // Half-done work of a failing submission must not survive its savepoint.
                                    try db.execute(sql: "INSERT INTO rows (value) VALUES ('doomed \(index)')")
                                    throw Failure()
                                }
                            }
                            return (index, true)
                        } catch {
                            return (index, !(error is Failure))
                        }
                    }
                }
                return await tasks.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes.filter { !$0.value }.keys.sorted() == Array(stride(from: 0, to: 40, by: 4)))
            let values = try await pool.read { db in try String.fetchAll(db, sql: "SELECT value FROM rows") }
            #expect(values.count == 30)
            #expect(!values.contains { $0.hasPrefix("doomed") })
            #expect(!values.contains("kept 0") && values.contains("kept 1"))
        }
    }

    @Test func aFailedCommitFailsEverySubmissionOfItsBatchAndTheNextBatchStillRuns() async throws {
        try await TemporaryDirectory.with { directory in
            let (pool, transactions) = try Self.database(directory)
            let group = GroupCommit { body in
                if transactions.next() == 1 { throw Failure() }
                try await pool.write(body)
            }
            await #expect(throws: Failure.self) {
                try await group.submit { db in try db.execute(sql: "INSERT INTO rows (value) VALUES ('lost')") }
            }
            try await group.submit { db in try db.execute(sql: "INSERT INTO rows (value) VALUES ('stored')") }
            let values = try await pool.read { db in try String.fetchAll(db, sql: "SELECT value FROM rows") }
            #expect(values == ["stored"])
        }
    }
}
