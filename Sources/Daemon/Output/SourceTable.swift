import Core
import Foundation
public import Storage

/// `factwatch sources`: one row per source with its health.
public enum SourceTable {
    public static func render(_ sources: [SourceState]) -> String {
        guard !sources.isEmpty else { return "No sources registered yet: run `factwatch once` first." }
        let header = ["SOURCE", "KIND", "DOCS", "VERSIONS", "LAST SUCCESS", "FAILURES", "NEXT POLL", "LAST ERROR"]
        let rows = sources.map { source in
            [
                source.name, source.kind.rawValue, "\(source.documentCount)", "\(source.versionCount)",
                source.lastSuccessAt.map(ChangeFormatter.timestamp) ?? "never", "\(source.failureStreak)",
                source.nextDueAt.map(ChangeFormatter.timestamp) ?? "now", source.lastError ?? "",
            ]
        }
        return Table.render(header: header, rows: rows)
    }
}

/// `factwatch deliveries`: one row per outbox entry.
public enum DeliveryTable {
    public static func render(_ deliveries: [DeliveryRecord]) -> String {
        guard !deliveries.isEmpty else { return "No deliveries to show." }
        let header = ["ID", "CHANGE", "HOOK", "STATE", "ATTEMPTS", "NEXT ATTEMPT", "KIND", "FACILITY", "LAST ERROR"]
        let rows = deliveries.map { delivery in
            [
                "\(delivery.id)", "\(delivery.changeID)", delivery.hook, delivery.state.rawValue,
                "\(delivery.attempts)",
                delivery.nextAttemptAt.map(ChangeFormatter.timestamp) ?? "-", delivery.changeKind.rawValue,
                delivery.facilityKey.rawValue, delivery.lastError ?? "",
            ]
        }
        return Table.render(header: header, rows: rows)
    }
}
