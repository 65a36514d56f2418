import Core
public import Foundation
import GRDB

extension SQLiteStore {
    public func dueDeliveries(now: Date, limit: Int) async throws -> [PendingDelivery] {
        try await read("reading due deliveries") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.hook, d.attempts, c.id AS change_id, c.payload
                    FROM deliveries d JOIN changes c ON c.id = d.change_id
                    WHERE d.state = 'pending' AND d.next_attempt_at <= ?
                    ORDER BY d.change_id, d.hook LIMIT ?
                    """,
                arguments: [now.stored, limit]
            ).map { row in
                var change = try Self.decode(Change.self, row["payload"], what: "change")
                change.id = row["change_id"]
                return PendingDelivery(id: row["id"], hook: row["hook"], attempts: row["attempts"], change: change)
            }
        }
    }

    public func update(delivery id: Int64, _ update: DeliveryUpdate) async throws {
        try await write("recording a delivery") { db in
            switch update {
            case .delivered(let date):
                try db.execute(
                    sql: """
                        UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, next_attempt_at = NULL,
                            last_error = NULL, updated_at = ? WHERE id = ?
                        """,
                    arguments: [date.stored, id]
                )
            case .retry(let next, let error, let attemptedAt):
                try db.execute(
                    sql: """
                        UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                            updated_at = ? WHERE id = ?
                        """,
                    arguments: [next.stored, error, attemptedAt.stored, id]
                )
            case .dead(let error, let attemptedAt):
                try db.execute(
                    sql: """
                        UPDATE deliveries SET state = 'dead', attempts = attempts + 1, next_attempt_at = NULL,
                            last_error = ?, updated_at = ? WHERE id = ?
                        """,
                    arguments: [error, attemptedAt.stored, id]
                )
            }
        }
    }

    public func deliveries(states: Set<DeliveryState>, limit: Int) async throws -> [DeliveryRecord] {
        let names = states.map(\.rawValue).sorted()
        return try await read("reading deliveries") { db in
            let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
            var arguments = StatementArguments(names)
            arguments += [limit]
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT d.*, c.kind, c.facility_key FROM deliveries d JOIN changes c ON c.id = d.change_id
                    WHERE d.state IN (\(placeholders)) ORDER BY d.id DESC LIMIT ?
                    """,
                arguments: arguments
            ).map { row in
                DeliveryRecord(
                    id: row["id"],
                    changeID: row["change_id"],
                    hook: row["hook"],
                    state: DeliveryState(rawValue: row["state"]) ?? .pending,
                    attempts: row["attempts"],
                    nextAttemptAt: row["next_attempt_at"],
                    lastError: row["last_error"],
                    updatedAt: row["updated_at"],
                    changeKind: ChangeKind(rawValue: row["kind"]) ?? .statusChanged,
                    facilityKey: FacilityKey(rawValue: row["facility_key"])
                )
            }
        }
    }

    public func retryDeadDeliveries(now: Date) async throws -> Int {
        try await write("re-queueing dead deliveries") { db in
            try db.execute(
                sql: """
                    UPDATE deliveries SET state = 'pending', next_attempt_at = ?, updated_at = ? WHERE state = 'dead'
                    """,
                arguments: [now.stored, now.stored]
            )
            return db.changesCount
        }
    }

    public func retryDeliveries(ids: [Int64], now: Date) async throws -> [Int64] {
        try await write("re-queueing deliveries") { db in
            var requeued: [Int64] = []
            for id in ids {
                try db.execute(
                    sql: """
                        UPDATE deliveries SET state = 'pending', next_attempt_at = ?, updated_at = ?
                        WHERE id = ? AND state != 'delivered'
                        """,
                    arguments: [now.stored, now.stored, id]
                )
                if db.changesCount > 0 { requeued.append(id) }
            }
            return requeued
        }
    }
}
