public import Core
public import Foundation

/// Turns a new article version's facts into change-log entries: pure, no I/O.
///
/// Two rules keep the log about meaning rather than noise:
/// - A document only speaks when it says something new. If the previous version of the same document made the
///   same claim about a facility, re-reading it changes nothing, whatever other sources said in between.
/// - Silence is not a retraction. A version that no longer mentions a deadline (or a facility) removes nothing;
///   only a new claim moves a facility's state.
///
/// A claim from a report published earlier than the one that set the current state is stale and is ignored. A claim
/// from another document that moves a facility back in its life cycle (see ``StatusPrecedence``) must even be
/// strictly newer, so an old article discovered late cannot roll a `closed` facility back to `ordered_closed`;
/// a document correcting its own earlier claim always counts.
public struct ChangeDetector: Sendable {
    /// Where the new version came from.
    public struct Context: Sendable {
        public var source: String
        public var url: String
        public var versionID: Int64
        public var published: LocalDateTime?
        /// How recent the report is: its update time when the page gives one, else its publication time.
        public var asOf: LocalDateTime?
        public var detectedAt: Date

        public init(
            source: String,
            url: String,
            versionID: Int64,
            published: LocalDateTime?,
            asOf: LocalDateTime? = nil,
            detectedAt: Date
        ) {
            self.source = source
            self.url = url
            self.versionID = versionID
            self.published = published
            self.asOf = asOf ?? published
            self.detectedAt = detectedAt
        }
    }

    /// The changes, in log order, and the facility records they leave behind.
    public struct Result: Sendable {
        public var changes: [Change]
        /// The new records of every facility whose state moved.
        public var facilities: [FacilityRecord]
    }

    public init() {}

    /// - Parameters:
    ///   - facts: the new version's facts (only asserted ones count).
    ///   - previousFacts: the facts of the same document's previous version, empty for a new document.
    ///   - current: the current record of (at least) every facility the new facts mention.
    public func detect(
        facts: [Fact],
        previousFacts: [Fact],
        current: [FacilityKey: FacilityRecord],
        context: Context
    ) -> Result {
        let previousClaims = Dictionary(
            Claim.summarize(previousFacts).map { ($0.facility.key, $0.state) },
            uniquingKeysWith: { first, _ in first }
        )
        var changes: [Change] = []
        var records: [FacilityRecord] = []
        for claim in Claim.summarize(facts) {
            let key = claim.facility.key
            let previous = previousClaims[key]
            if let previous, Self.sameClaim(previous, claim.state) { continue }
            let emitted = transition(
                from: current[key],
                to: claim,
                updatingOwnClaim: previous != nil,
                context: context
            )
            guard !emitted.isEmpty else { continue }
            changes.append(contentsOf: emitted)
            let last = emitted.last!
            records.append(
                FacilityRecord(
                    facility: claim.facility,
                    state: last.after ?? claim.state,
                    asOf: context.asOf ?? current[key]?.asOf,
                    source: context.source,
                    updatedAt: context.detectedAt
                )
            )
        }
        return Result(changes: changes, facilities: records)
    }

    /// The changes one claim makes to one facility's record.
    private func transition(
        from record: FacilityRecord?,
        to claim: Claim,
        updatingOwnClaim: Bool,
        context: Context
    ) -> [Change] {
        func change(_ kind: ChangeKind, before: FacilityState?, after: FacilityState) -> Change {
            let isDeadline = kind == .deadlineSet || kind == .deadlineChanged
            let evidence = isDeadline ? claim.deadlineEvidence ?? claim.evidence : claim.evidence
            return Change(
                kind: kind,
                facility: claim.facility,
                before: before,
                after: after,
                evidence: ChangeEvidence(
                    source: context.source,
                    url: context.url,
                    versionID: context.versionID,
                    published: context.published,
                    sentence: evidence.sentence,
                    span: evidence.span
                ),
                detectedAt: context.detectedAt,
                idempotencyKey: "v\(context.versionID)/\(claim.facility.key.rawValue)/\(kind.rawValue)"
            )
        }

        guard let record else {
            var first = [
                change(.facilitySeen, before: nil, after: claim.state),
                change(.statusChanged, before: nil, after: claim.state),
            ]
            if claim.state.deadline != nil {
                first.append(change(.deadlineSet, before: nil, after: claim.state))
            }
            return first
        }
        if let asOf = record.asOf, let reported = context.asOf, reported < asOf {
            return []
        }
        let before = record.state
        if !updatingOwnClaim, StatusPrecedence.rank(claim.state.status) < StatusPrecedence.rank(before.status) {
            // Another report moving a facility back in its life cycle (closed → ordered closed) must be newer
            // than the report that moved it forward; otherwise it is background or old news.
            guard let asOf = record.asOf, let reported = context.asOf, reported > asOf else { return [] }
        }
        if claim.state.status != before.status {
            return [change(.statusChanged, before: before, after: claim.state)]
        }
        guard let newDeadline = claim.state.deadline else { return [] }
        var after = before
        after.deadline = newDeadline
        guard let oldDeadline = before.deadline else {
            return [change(.deadlineSet, before: before, after: after)]
        }
        if Self.sameDeadline(oldDeadline, newDeadline) { return [] }
        return [change(.deadlineChanged, before: before, after: after)]
    }

    /// Claims are the same when status, deadline and details agree; a reworded deadline phrase is not news.
    static func sameClaim(_ lhs: FacilityState, _ rhs: FacilityState) -> Bool {
        lhs.status == rhs.status && lhs.staff == rhs.staff && lhs.staffLimit == rhs.staffLimit
            && lhs.relocatedTo == rhs.relocatedTo
            && sameDeadline(lhs.deadline, rhs.deadline)
    }

    /// Resolved deadlines compare by value; unresolved ones ("by Friday" with no reference date) by phrase.
    static func sameDeadline(_ lhs: Deadline?, _ rhs: Deadline?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let lhs?, let rhs?):
            if lhs.value != nil || rhs.value != nil {
                lhs.value == rhs.value
            } else {
                lhs.phrase.lowercased() == rhs.phrase.lowercased()
            }
        default: false
        }
    }
}
