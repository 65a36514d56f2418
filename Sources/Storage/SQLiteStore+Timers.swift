public import Core
import Foundation
import GRDB

/// Decides the timer changes of one facility: given its record and the timer keys already logged for it.
public typealias TimerEvaluation = @Sendable (_ record: FacilityRecord, _ logged: Set<String>) -> [Change]

extension SQLiteStore {
    /// Logs the deadline timer changes that are due, with their deliveries, in one transaction.
    ///
    /// The timer state is the change log itself (each timer change has a unique key), so a restart neither loses
    /// a timer nor fires one twice.
    public func fireDeadlineTimers(
        evaluate: @escaping TimerEvaluation,
        route: @escaping HookRouting
    ) async throws
        -> [Change]
    {
        try await write("firing deadline timers") { db in
            let payloads = try String.fetchAll(db, sql: "SELECT payload FROM facilities WHERE deadline IS NOT NULL")
            var due: [Change] = []
            for payload in payloads {
                let record = try Self.decode(FacilityRecord.self, payload, what: "facility")
                let logged = Set(
                    try String.fetchAll(
                        db,
                        sql:
                            "SELECT idempotency_key FROM changes WHERE facility_key = ? AND idempotency_key LIKE 'timer/%'",
                        arguments: [record.key.rawValue]
                    )
                )
                due += evaluate(record, logged)
            }
            return try Self.log(due, route: route, db)
        }
    }
}
