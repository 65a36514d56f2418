import Core
import Foundation
public import Storage

/// `factwatch sources`: one row per source with its health.
public enum SourceTable {
    public static func render(_ sources: [SourceState]) -> String {
        guard !sources.isEmpty else { return "No sources registered yet: run `factwatch once` first." }
        let header = [
            "SOURCE", "KIND", "DOCS", "VERSIONS", "LAST SUCCESS", "STATUS", "BYTES", "TIME", "FAILURES", "NEXT POLL",
            "LAST ERROR",
        ]
        let rows = sources.map { source -> [String] in
            let lastSuccess: String = source.lastSuccessAt.map(ChangeFormatter.timestamp) ?? "never"
            let status: String = source.lastStatus.map { String($0) } ?? "-"
            let bytes: String = source.lastBytes.map { String($0) } ?? "-"
            let time: String = source.lastDuration.map(milliseconds) ?? "-"
            let nextPoll: String = source.nextDueAt.map(ChangeFormatter.timestamp) ?? "now"
            return [
                source.name, source.kind.rawValue, String(source.documentCount), String(source.versionCount),
                lastSuccess, status, bytes, time, String(source.failureStreak), nextPoll, source.lastError ?? "",
            ]
        }
        return Table.render(header: header, rows: rows)
    }

    /// `factwatch sources --json`: one object per source, one per line.
    public static func json(_ sources: [SourceState]) throws -> String {
        let encoder = JSONCoding.encoder()
        return try sources.map { String(decoding: try encoder.encode(Health($0)), as: UTF8.self) }
            .joined(separator: "\n")
    }

    /// Whole milliseconds; a loopback or cached answer is often faster than one.
    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let whole = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return whole == 0 ? "<1ms" : "\(whole)ms"
    }

    /// The JSON form of a source's health: every field `factwatch sources` shows, with `null` for what is not known.
    struct Health: Encodable {
        var name: String
        var url: String
        var kind: String
        var documents: Int
        var versions: Int
        var lastAttemptAt: Date?
        var lastSuccessAt: Date?
        var lastStatus: Int?
        var lastBytes: Int?
        var lastDurationMs: Int64?
        var lastError: String?
        var failureStreak: Int
        var nextDueAt: Date?
        var retryAfterAt: Date?

        enum CodingKeys: String, CodingKey {
            case name, url, kind, documents, versions
            case lastAttemptAt = "last_attempt_at"
            case lastSuccessAt = "last_success_at"
            case lastStatus = "last_status"
            case lastBytes = "last_bytes"
            case lastDurationMs = "last_duration_ms"
            case lastError = "last_error"
            case failureStreak = "failure_streak"
            case nextDueAt = "next_due_at"
            case retryAfterAt = "retry_after_at"
        }

        init(_ state: SourceState) {
            name = state.name
            url = state.url
            kind = state.kind.rawValue
            documents = state.documentCount
            versions = state.versionCount
            lastAttemptAt = state.lastAttemptAt
            lastSuccessAt = state.lastSuccessAt
            lastStatus = state.lastStatus
            lastBytes = state.lastBytes
            lastDurationMs = state.lastDuration.map { duration in
                let (seconds, attoseconds) = duration.components
                return seconds * 1000 + attoseconds / 1_000_000_000_000_000
            }
            lastError = state.lastError
            failureStreak = state.failureStreak
            nextDueAt = state.nextDueAt
            retryAfterAt = state.retryAfterAt
        }

        /// Every key is written, `null` included, so a consumer can rely on the shape.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(url, forKey: .url)
            try container.encode(kind, forKey: .kind)
            try container.encode(documents, forKey: .documents)
            try container.encode(versions, forKey: .versions)
            try container.encode(lastAttemptAt, forKey: .lastAttemptAt)
            try container.encode(lastSuccessAt, forKey: .lastSuccessAt)
            try container.encode(lastStatus, forKey: .lastStatus)
            try container.encode(lastBytes, forKey: .lastBytes)
            try container.encode(lastDurationMs, forKey: .lastDurationMs)
            try container.encode(lastError, forKey: .lastError)
            try container.encode(failureStreak, forKey: .failureStreak)
            try container.encode(nextDueAt, forKey: .nextDueAt)
            try container.encode(retryAfterAt, forKey: .retryAfterAt)
        }
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
