public import Core
import Foundation
import GRDB

extension SQLiteStore {
    public func changes(after id: Int64, limit: Int) async throws -> [Change] {
        try await read("reading the change log") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, payload FROM changes WHERE id > ? ORDER BY id LIMIT ?",
                arguments: [id, limit]
            ).map(Self.change)
        }
    }

    public func latestChangeID() async throws -> Int64 {
        try await read("reading the change log") { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM changes") ?? 0
        }
    }

    public func facilities() async throws -> [FacilityRecord] {
        try await read("reading facilities") { db in
            try String.fetchAll(db, sql: "SELECT payload FROM facilities ORDER BY key")
                .map { try Self.decode(FacilityRecord.self, $0, what: "facility") }
        }
    }

    public func history(of key: FacilityKey) async throws -> [Change] {
        try await read("reading the history of \(key)") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, payload FROM changes WHERE facility_key = ? ORDER BY id",
                arguments: [key.rawValue]
            ).map(Self.change)
        }
    }

    static func change(_ row: Row) throws -> Change {
        var change = try decode(Change.self, row["payload"], what: "change")
        change.id = row["id"]
        return change
    }
}
