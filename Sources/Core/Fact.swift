/// What one article says about one facility: this facility has (or is ordered to reach) this status.
///
/// Facts are produced by the `Facts` module from an ``Article``, one per facility: the article's resolved view of it,
/// with the sentence that decided it as ``evidence`` and every sentence that reported it as ``support``. Provenance
/// to a stored version is added by the pipeline when the fact is stored.
public struct Fact: Hashable, Sendable {
    /// How the sentence presents the claim. Only asserted facts change a facility's state.
    public enum Modality: String, Hashable, Codable, Sendable {
        case asserted
        /// "chose not to seize", "will remain open".
        case negated
        /// "could lead to a reopening", "threatened to close".
        case hedged
        /// "would reopen if …".
        case conditional
    }

    public var facility: Facility
    public var status: Status
    public var deadline: Deadline?
    public var staff: Int?
    public var staffLimit: Int?
    public var relocatedTo: String?
    public var modality: Modality
    /// 0…1: how sure the extractor is, from the strength of the cue and of the facility's identification.
    public var confidence: Double
    public var evidence: Evidence
    /// The sentence that states the deadline, when another sentence than ``evidence`` does ("The Russians must
    /// vacate the three buildings by noon on Saturday"): the evidence of a deadline change.
    public var deadlineEvidence: Evidence?
    /// Every asserted mention of this facility's status in the article, in text order (the one behind ``evidence``
    /// among them): what a reader checks to see why the claim was resolved as it was. Empty for facts built by hand.
    public var support: [Support]

    public init(
        facility: Facility,
        status: Status,
        deadline: Deadline? = nil,
        staff: Int? = nil,
        staffLimit: Int? = nil,
        relocatedTo: String? = nil,
        modality: Modality = .asserted,
        confidence: Double = 1,
        evidence: Evidence,
        deadlineEvidence: Evidence? = nil,
        support: [Support] = []
    ) {
        self.facility = facility
        self.status = status
        self.deadline = deadline
        self.staff = staff
        self.staffLimit = staffLimit
        self.relocatedTo = relocatedTo
        self.modality = modality
        self.confidence = confidence
        self.evidence = evidence
        self.deadlineEvidence = deadlineEvidence
        self.support = support
    }

    /// The state this fact claims for its facility.
    public var state: FacilityState {
        FacilityState(
            status: status,
            deadline: deadline,
            staff: staff,
            staffLimit: staffLimit,
            relocatedTo: relocatedTo
        )
    }
}

/// Where in the article a fact was read.
public struct Evidence: Hashable, Codable, Sendable {
    /// The sentence, as it stands in the article text.
    public var sentence: String
    /// The sentence's position in the article text.
    public var span: TextSpan

    public init(sentence: String, span: TextSpan) {
        self.sentence = sentence
        self.span = span
    }
}

extension Fact: Codable {
    enum CodingKeys: String, CodingKey {
        case facility
        case key
        case modality
        case confidence
        case evidence
        case deadlineEvidence = "deadline_evidence"
        case support
    }

    /// A fact is encoded as its facility, its state's flat fields (see ``FacilityState``) and its provenance.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(facility, forKey: .facility)
        try container.encode(facility.key, forKey: .key)
        try state.encode(to: encoder)
        try container.encode(modality, forKey: .modality)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(evidence, forKey: .evidence)
        try container.encodeIfPresent(deadlineEvidence, forKey: .deadlineEvidence)
        if !support.isEmpty { try container.encode(support, forKey: .support) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let state = try FacilityState(from: decoder)
        self.init(
            facility: try container.decode(Facility.self, forKey: .facility),
            status: state.status,
            deadline: state.deadline,
            staff: state.staff,
            staffLimit: state.staffLimit,
            relocatedTo: state.relocatedTo,
            modality: try container.decode(Modality.self, forKey: .modality),
            confidence: try container.decode(Double.self, forKey: .confidence),
            evidence: try container.decode(Evidence.self, forKey: .evidence),
            deadlineEvidence: try container.decodeIfPresent(Evidence.self, forKey: .deadlineEvidence),
            // Facts stored before claims were resolved per facility carry no support list.
            support: try container.decodeIfPresent([Support].self, forKey: .support) ?? []
        )
    }
}

/// One mention that reported a status for a fact's facility: what it said, where, and in which part of the article.
public struct Support: Hashable, Codable, Sendable {
    /// Where in the article the mention stands, which decides how much it weighs.
    public enum Place: String, Hashable, Codable, Sendable {
        /// The article's own reporting.
        case body
        /// The headline, which restates the body in fewer words.
        case headline
        /// A photo caption or a "Read also" line: page furniture.
        case furniture
        /// An earlier event told as background ("closed in 2017", "had announced in May").
        case background
    }

    public var status: Status
    public var place: Place
    public var sentence: String
    public var span: TextSpan

    public init(status: Status, place: Place, sentence: String, span: TextSpan) {
        self.status = status
        self.place = place
        self.sentence = sentence
        self.span = span
    }
}
