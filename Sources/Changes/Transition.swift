import Core
import Foundation

/// What one new claim does to one facility's record: the decision table of ``ChangeDetector`` for a single
/// facility, with the changes to log and the record to keep.
struct Transition {
    let claim: Claim
    /// The same document's previous claim about this facility, if it made one.
    let previousClaim: Claim?
    let record: FacilityRecord?
    let context: ChangeDetector.Context

    struct Outcome {
        var changes: [Change] = []
        var record: FacilityRecord?
    }

    func resolve() -> Outcome {
        guard let record else { return firstSighting() }
        if let asOf = record.asOf, let reported = context.asOf, reported < asOf { return Outcome() }
        let before = record.state
        let ownClaim = previousClaim != nil
        if claim.state.status != before.status {
            if !ownClaim, StatusPrecedence.rank(claim.state.status) < StatusPrecedence.rank(before.status) {
                // Moving back in the life cycle needs a strictly newer report from another document.
                guard let asOf = record.asOf, let reported = context.asOf, reported > asOf else { return Outcome() }
            }
            return moved(record, to: claim.state, change: change(.statusChanged, before: before, after: claim.state))
        }
        switch (before.deadline, claim.state.deadline) {
        case (nil, let new?):
            var after = before
            after.deadline = new
            return moved(record, to: after, change: change(.deadlineSet, before: before, after: after))
        case (let old?, let new?) where !ChangeDetector.sameDeadline(old, new):
            var after = before
            after.deadline = new
            if ownClaim || record.source == context.source {
                return moved(record, to: after, change: change(.deadlineChanged, before: before, after: after))
            }
            // Two outlets disagree: log both claims, keep the state until one of them revises.
            return Outcome(
                changes: [change(.conflict, before: before, after: claim.state, prior: record.evidence)],
                record: nil
            )
        case (let old?, nil):
            // Only the document that set the deadline can take it back; elsewhere silence is not a retraction.
            if let previous = previousClaim?.state.deadline, ChangeDetector.sameDeadline(previous, old) {
                var after = before
                after.deadline = nil
                return moved(record, to: after, change: change(.deadlineRemoved, before: before, after: after))
            }
            return corroborate(record)
        default:
            return corroborate(record)
        }
    }

    /// A facility nobody reported before: seen, given a status and, when stated, a deadline.
    private func firstSighting() -> Outcome {
        var changes = [
            change(.facilitySeen, before: nil, after: claim.state),
            change(.statusChanged, before: nil, after: claim.state),
        ]
        if claim.state.deadline != nil {
            changes.append(change(.deadlineSet, before: nil, after: claim.state))
        }
        let record = FacilityRecord(
            facility: claim.facility,
            state: claim.state,
            asOf: context.asOf,
            source: context.source,
            updatedAt: context.detectedAt,
            firstSeen: context.detectedAt,
            supporters: [context.source],
            evidence: evidence(claim.evidence),
            deadlineRecordedAt: claim.state.deadline == nil ? nil : context.detectedAt
        )
        return Outcome(changes: changes, record: record)
    }

    /// The state moves: this source alone supports the new state.
    private func moved(_ record: FacilityRecord, to state: FacilityState, change: Change) -> Outcome {
        var updated = record
        updated.facility = claim.facility
        updated.state = state
        updated.asOf = context.asOf ?? record.asOf
        updated.source = context.source
        updated.updatedAt = context.detectedAt
        updated.supporters = [context.source]
        updated.evidence = change.evidence
        if state.deadline == nil {
            updated.deadlineRecordedAt = nil
        } else if !ChangeDetector.sameDeadline(state.deadline, record.state.deadline) {
            updated.deadlineRecordedAt = context.detectedAt
        }
        return Outcome(changes: [change], record: updated)
    }

    /// Another outlet agrees with the current state: counted once per outlet.
    private func corroborate(_ record: FacilityRecord) -> Outcome {
        guard !record.supporters.contains(context.source) else { return Outcome() }
        var updated = record
        updated.supporters.append(context.source)
        return Outcome(changes: [change(.corroborated, before: record.state, after: record.state)], record: updated)
    }

    func change(
        _ kind: ChangeKind,
        before: FacilityState?,
        after: FacilityState,
        prior: ChangeEvidence? = nil,
        diff: TextDiff? = nil
    ) -> Change {
        let isDeadline = kind == .deadlineSet || kind == .deadlineChanged || kind == .conflict
        return Change(
            kind: kind,
            facility: claim.facility,
            before: before,
            after: after,
            evidence: evidence(isDeadline ? claim.deadlineEvidence ?? claim.evidence : claim.evidence),
            detectedAt: context.detectedAt,
            idempotencyKey: "v\(context.versionID)/\(claim.facility.key.rawValue)/\(kind.rawValue)",
            confidence: claim.confidence,
            priorEvidence: prior,
            diff: diff
        )
    }

    private func evidence(_ evidence: Evidence) -> ChangeEvidence {
        ChangeEvidence(
            source: context.source,
            url: context.url,
            versionID: context.versionID,
            published: context.published,
            sentence: evidence.sentence,
            span: evidence.span
        )
    }
}
