public import Foundation
import GRDB

extension SQLiteStore {
    public func summary(now: Date) async throws -> StoreSummary {
        let startOfDay = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
        let path = self.path
        return try await read("reading the summary") { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT
                        (SELECT COUNT(*) FROM sources) AS sources,
                        (SELECT COUNT(*) FROM sources WHERE next_due_at IS NULL OR next_due_at <= ?) AS due,
                        (SELECT COUNT(*) FROM sources WHERE failure_streak > 0) AS failing,
                        (SELECT MAX(last_attempt_at) FROM sources) AS last_pass,
                        (SELECT COUNT(*) FROM changes) AS changes_total,
                        (SELECT COUNT(*) FROM changes WHERE detected_at >= ?) AS changes_today,
                        (SELECT COUNT(*) FROM facilities) AS facilities,
                        (SELECT COUNT(*) FROM deliveries WHERE state = 'pending') AS pending,
                        (SELECT COUNT(*) FROM deliveries WHERE state = 'dead') AS dead
                    """,
                arguments: [now.stored, startOfDay.stored]
            )!
            let bytes = [path, path + "-wal"].reduce(Int64(0)) { total, file in
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)??.int64Value
                return total + (size ?? 0)
            }
            return StoreSummary(
                sources: row["sources"],
                due: row["due"],
                failing: row["failing"],
                lastPass: row["last_pass"],
                changesTotal: row["changes_total"],
                changesToday: row["changes_today"],
                facilities: row["facilities"],
                pendingDeliveries: row["pending"],
                deadDeliveries: row["dead"],
                databaseBytes: bytes
            )
        }
    }
}
