public import Core
import Foundation

/// The human forms of change-log entries: one line each for `factwatch tail`, and a timeline entry with the
/// sentence behind it for `factwatch history` and `demo`. The JSON form (`--json`) is the stable contract.
public enum ChangeFormatter {
    /// One line: time, id, kind, facility, before → after, source.
    public static func line(_ change: Change) -> String {
        var text = "\(timestamp(change.detectedAt))  #\(change.id.map(String.init) ?? "-")  \(change.kind.rawValue)  "
        text += "\(change.facilityKey)  \(summary(change))"
        if let source = change.evidence?.source { text += "  [\(source)]" }
        return text
    }

    /// The line, then the sentence behind the change and where it was read (and, for a conflict, the other claim's
    /// sentence; for a text edit, the sentences added and removed).
    public static func describe(_ change: Change) -> String {
        var lines = [line(change)]
        if let evidence = change.evidence {
            lines.append(
                "    “\(clip(evidence.sentence))” — \(evidence.source), version \(evidence.versionID), \(evidence.url)"
            )
        }
        if let prior = change.priorEvidence {
            lines.append("    against “\(clip(prior.sentence))” — \(prior.source), version \(prior.versionID)")
        }
        if let diff = change.diff {
            lines += diff.removed.prefix(5).map { "    − \(clip($0))" }
            lines += diff.added.prefix(5).map { "    + \(clip($0))" }
        }
        return lines.joined(separator: "\n")
    }

    static func summary(_ change: Change) -> String {
        let after = change.after
        let status = after?.status.rawValue ?? change.before?.status.rawValue ?? "-"
        switch change.kind {
        case .facilitySeen:
            return "new: \(change.facility.name) — " + (after.map(state) ?? "-")
        case .statusChanged:
            return "\(change.before.map(state) ?? "(none)") → \(after.map(state) ?? "(none)")"
        case .deadlineSet:
            return "\(status) deadline → \(deadlineText(after?.deadline))"
        case .deadlineChanged, .deadlineRemoved:
            return "\(status) deadline \(deadlineText(change.before?.deadline)) → \(deadlineText(after?.deadline))"
        case .deadlineApproaching:
            let lead = change.leadSeconds.map { DurationText.format(.seconds($0)) } ?? "soon"
            return "\(status) deadline \(deadlineText(after?.deadline)) in \(lead)"
        case .deadlinePassed:
            return "\(status) deadline \(deadlineText(after?.deadline)) passed"
        case .corroborated:
            return "\(after.map(state) ?? "-") confirmed"
        case .conflict:
            return
                "\(status) deadline \(deadlineText(change.before?.deadline)) disputed: \(deadlineText(after?.deadline))"
        case .textChanged:
            let diff = change.diff ?? TextDiff(added: [], removed: [])
            return "article edited: +\(diff.added.count) −\(diff.removed.count) sentences"
        }
    }

    public static func state(_ state: FacilityState) -> String {
        var text = state.status.rawValue
        if let deadline = state.deadline { text += " by \(deadlineText(deadline))" }
        if let staff = state.staff { text += ", staff \(staff)" }
        if let limit = state.staffLimit { text += ", staff limit \(limit)" }
        if let city = state.relocatedTo { text += ", to \(city)" }
        return text
    }

    static func deadlineText(_ deadline: Deadline?) -> String {
        guard let deadline else { return "none" }
        return deadline.value?.iso ?? "“\(deadline.phrase)” (unresolved)"
    }

    static func clip(_ sentence: String) -> String {
        sentence.count > 160 ? sentence.prefix(157) + "…" : sentence
    }

    static func timestamp(_ date: Date) -> String {
        UTCTimestamp.dateTime(date)
    }
}
