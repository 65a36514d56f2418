public import Core
import Foundation

/// The human form of change-log entries, for `factwatch tail`, `history` and `demo`.
///
/// Three lines per change: what happened to which facility; the state before and after; the sentence that caused
/// it and where it was read. The JSON form (`--json`) is the stable contract; this one is for reading.
public enum ChangeFormatter {
    public static func describe(_ change: Change) -> String {
        var lines = [
            "#\(change.id.map(String.init) ?? "-")  \(timestamp(change.detectedAt))  \(change.kind.rawValue)  \(change.facilityKey)"
        ]
        lines.append("    " + summary(change))
        if let evidence = change.evidence {
            let sentence =
                evidence.sentence.count > 160 ? evidence.sentence.prefix(157) + "…" : Substring(evidence.sentence)
            lines.append("    “\(sentence)” — \(evidence.source), version \(evidence.versionID), \(evidence.url)")
        }
        return lines.joined(separator: "\n")
    }

    static func summary(_ change: Change) -> String {
        let after = change.after
        switch change.kind {
        case .facilitySeen:
            return "new: \(change.facility.name)" + (after.map { " — \(state($0))" } ?? "")
        case .statusChanged:
            return "status: \(change.before?.status.rawValue ?? "(none)") → \(after?.status.rawValue ?? "(none)")"
        case .deadlineSet, .deadlineChanged, .deadlineRemoved, .deadlineApproaching, .deadlinePassed:
            let before = change.before?.deadline.map(deadline)
            let now = after?.deadline.map(deadline) ?? "(none)"
            let status = after?.status.rawValue ?? change.before?.status.rawValue ?? ""
            return "\(status) deadline: " + (before.map { "\($0) → \(now)" } ?? now)
        case .corroborated, .textChanged:
            return after.map(state) ?? ""
        }
    }

    public static func state(_ state: FacilityState) -> String {
        var text = state.status.rawValue
        if let deadline = state.deadline { text += ", deadline \(Self.deadline(deadline))" }
        if let staff = state.staff { text += ", staff \(staff)" }
        if let limit = state.staffLimit { text += ", staff limit \(limit)" }
        if let city = state.relocatedTo { text += ", to \(city)" }
        return text
    }

    static func deadline(_ deadline: Deadline) -> String {
        "\(deadline.value?.iso ?? "unresolved") (\(deadline.phrase))"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
