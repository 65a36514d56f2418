public import Core

/// What one article version says about one facility, all its sentences taken together.
///
/// The fact extractor already resolves each article into one fact per facility (the article's own view, with the
/// mentions that support it), and the change detector consumes exactly that. Versions stored before claims were
/// resolved can hold several facts for one facility; for them the claim keeps the status furthest along the
/// facility's life cycle (see ``StatusPrecedence``), with that fact's deadline and evidence.
public struct Claim: Hashable, Sendable {
    public var facility: Facility
    public var state: FacilityState
    /// The fact whose status the claim carries: its sentence becomes the change's evidence.
    public var evidence: Evidence
    /// The sentence that states the deadline, when it is another one: the evidence of a deadline change.
    public var deadlineEvidence: Evidence?
    /// The extractor's confidence in the fact the claim carries.
    public var confidence: Double

    public init(
        facility: Facility,
        state: FacilityState,
        evidence: Evidence,
        deadlineEvidence: Evidence? = nil,
        confidence: Double = 1
    ) {
        self.facility = facility
        self.state = state
        self.evidence = evidence
        self.deadlineEvidence = deadlineEvidence
        self.confidence = confidence
    }

    /// One claim per facility, in the order the facilities are first mentioned. Facts that are not asserted are
    /// ignored.
    public static func summarize(_ facts: [Fact]) -> [Claim] {
        var order: [FacilityKey] = []
        var chosen: [FacilityKey: Fact] = [:]
        for fact in facts where fact.modality == .asserted {
            let key = fact.facility.key
            guard let current = chosen[key] else {
                order.append(key)
                chosen[key] = fact
                continue
            }
            if StatusPrecedence.rank(fact.status) > StatusPrecedence.rank(current.status) {
                chosen[key] = fact
            }
        }
        return order.compactMap { key in
            chosen[key].map {
                Claim(
                    facility: $0.facility,
                    state: $0.state,
                    evidence: $0.evidence,
                    deadlineEvidence: $0.deadlineEvidence,
                    confidence: $0.confidence
                )
            }
        }
    }
}
