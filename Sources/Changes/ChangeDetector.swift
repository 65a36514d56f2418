public import Core
public import Foundation

/// Turns a new article version's facts into change-log entries: pure, no I/O.
///
/// The rules keep the log about meaning rather than noise:
/// - A document only speaks when it says something new. If the previous version of the same document made the
///   same claim about a facility, re-reading it changes nothing, whatever other sources said in between.
/// - Silence is not a retraction. A version that no longer mentions a deadline (or a facility) removes nothing,
///   unless it is the very document that set the deadline taking it back (`deadline_removed`).
/// - A report older than the one that set the current state is stale and ignored. A report from another document
///   that moves a facility back in its life cycle (see ``StatusPrecedence``) must even be strictly newer, so an
///   old article discovered late cannot roll a `closed` facility back to `ordered_closed`; a document correcting
///   its own earlier claim always counts.
/// - Another outlet repeating the current state is `corroborated` (once per outlet); another outlet giving a
///   different deadline for the same status is a `conflict` that carries both claims and leaves the state alone.
/// - An edit that changes no claim is `text_changed`, with the sentences added and removed, for the facilities the
///   article is about: kept in history, off the alert path by default.
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
        /// The new record of every facility whose record moved (state, supporters).
        public var facilities: [FacilityRecord]
    }

    public init() {}

    /// - Parameters:
    ///   - facts: the new version's facts (only asserted ones count).
    ///   - previousFacts: the facts of the same document's previous version, empty for a new document.
    ///   - current: the current record of (at least) every facility the new facts mention.
    ///   - sentences: the new version's sentences, and `previousSentences` the previous version's (`nil` for a new
    ///     document), for the `text_changed` diff.
    public func detect(
        facts: [Fact],
        previousFacts: [Fact],
        current: [FacilityKey: FacilityRecord],
        context: Context,
        sentences: [String] = [],
        previousSentences: [String]? = nil
    ) -> Result {
        let previousClaims = Dictionary(
            Claim.summarize(previousFacts).map { ($0.facility.key, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let claims = Claim.summarize(facts)
        var changes: [Change] = []
        var records: [FacilityRecord] = []
        for claim in claims {
            let key = claim.facility.key
            let previous = previousClaims[key]
            if let previous, Self.sameClaim(previous.state, claim.state) { continue }
            let step = Transition(claim: claim, previousClaim: previous, record: current[key], context: context)
            let outcome = step.resolve()
            changes += outcome.changes
            if let record = outcome.record { records.append(record) }
        }
        if changes.isEmpty, let previousSentences, !claims.isEmpty {
            let diff = TextDiff.between(previousSentences, sentences)
            if !diff.isEmpty {
                changes = claims.map { claim in
                    Transition(claim: claim, previousClaim: nil, record: current[claim.facility.key], context: context)
                        .change(.textChanged, before: nil, after: claim.state, diff: diff)
                }
            }
        }
        return Result(changes: changes, facilities: records)
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
