public import Foundation

/// What happened to a facility, as one entry of the change log.
public enum ChangeKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// The first report of a facility.
    case facilitySeen = "facility_seen"
    case statusChanged = "status_changed"
    case deadlineSet = "deadline_set"
    case deadlineChanged = "deadline_changed"
    case deadlineRemoved = "deadline_removed"
    case deadlineApproaching = "deadline_approaching"
    case deadlinePassed = "deadline_passed"
    /// Another source confirms the current state.
    case corroborated
    /// Another source gives a different deadline for the current status; the state keeps the first one.
    case conflict
    /// The article was edited without any change of fact.
    case textChanged = "text_changed"

    /// What a hook gets when its configuration names no kinds: every change of state, but not the counted
    /// confirmations and text edits, which are kept in the log and history.
    public static let alerting: Set<ChangeKind> = Set(allCases).subtracting([.corroborated, .textChanged])
}

/// One entry of the change log: a facility's state before and after, and the evidence that caused it.
public struct Change: Hashable, Codable, Sendable {
    /// The log position, assigned when the change is stored; the cursor of `factwatch tail --since`.
    public var id: Int64?
    public var kind: ChangeKind
    public var facility: Facility
    public var before: FacilityState?
    public var after: FacilityState?
    public var evidence: ChangeEvidence?
    public var detectedAt: Date
    /// Stable for the same change from the same article version, so a retried pass never logs it twice.
    public var idempotencyKey: String
    /// How sure the extractor was of the fact behind the change (0…1), when a fact is behind it.
    public var confidence: Double?
    /// For `conflict`: the evidence behind the state kept (`before`), next to the disagreeing claim's (`evidence`).
    public var priorEvidence: ChangeEvidence?
    /// For `text_changed`: the sentences added and removed.
    public var diff: TextDiff?
    /// For `deadline_approaching`: how long before the deadline it fired.
    public var leadSeconds: Int?

    public init(
        id: Int64? = nil,
        kind: ChangeKind,
        facility: Facility,
        before: FacilityState?,
        after: FacilityState?,
        evidence: ChangeEvidence?,
        detectedAt: Date,
        idempotencyKey: String,
        confidence: Double? = nil,
        priorEvidence: ChangeEvidence? = nil,
        diff: TextDiff? = nil,
        leadSeconds: Int? = nil
    ) {
        self.id = id
        self.kind = kind
        self.facility = facility
        self.before = before
        self.after = after
        self.evidence = evidence
        self.detectedAt = detectedAt
        self.idempotencyKey = idempotencyKey
        self.confidence = confidence
        self.priorEvidence = priorEvidence
        self.diff = diff
        self.leadSeconds = leadSeconds
    }

    public var facilityKey: FacilityKey { facility.key }

    enum CodingKeys: String, CodingKey {
        case id
        case kind
        case facilityKey = "facility_key"
        case facility
        case before
        case after
        case evidence
        case detectedAt = "detected_at"
        case idempotencyKey = "idempotency_key"
        case confidence
        case priorEvidence = "prior_evidence"
        case diff
        case leadSeconds = "lead_seconds"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(facilityKey, forKey: .facilityKey)
        try container.encode(facility, forKey: .facility)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(detectedAt, forKey: .detectedAt)
        try container.encode(idempotencyKey, forKey: .idempotencyKey)
        try container.encodeIfPresent(confidence, forKey: .confidence)
        try container.encodeIfPresent(priorEvidence, forKey: .priorEvidence)
        try container.encodeIfPresent(diff, forKey: .diff)
        try container.encodeIfPresent(leadSeconds, forKey: .leadSeconds)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(Int64.self, forKey: .id)
        kind = try container.decode(ChangeKind.self, forKey: .kind)
        facility = try container.decode(Facility.self, forKey: .facility)
        before = try container.decodeIfPresent(FacilityState.self, forKey: .before)
        after = try container.decodeIfPresent(FacilityState.self, forKey: .after)
        evidence = try container.decodeIfPresent(ChangeEvidence.self, forKey: .evidence)
        detectedAt = try container.decode(Date.self, forKey: .detectedAt)
        idempotencyKey = try container.decode(String.self, forKey: .idempotencyKey)
        confidence = try container.decodeIfPresent(Double.self, forKey: .confidence)
        priorEvidence = try container.decodeIfPresent(ChangeEvidence.self, forKey: .priorEvidence)
        diff = try container.decodeIfPresent(TextDiff.self, forKey: .diff)
        leadSeconds = try container.decodeIfPresent(Int.self, forKey: .leadSeconds)
    }
}

/// The article version and sentence behind a change.
public struct ChangeEvidence: Hashable, Codable, Sendable {
    /// The configured source name.
    public var source: String
    /// The article URL (for a feed source, the item's link).
    public var url: String
    /// The stored version the fact was read from.
    public var versionID: Int64
    public var published: LocalDateTime?
    public var sentence: String
    public var span: TextSpan

    public init(
        source: String,
        url: String,
        versionID: Int64,
        published: LocalDateTime?,
        sentence: String,
        span: TextSpan
    ) {
        self.source = source
        self.url = url
        self.versionID = versionID
        self.published = published
        self.sentence = sentence
        self.span = span
    }

    enum CodingKeys: String, CodingKey {
        case source
        case url
        case versionID = "version_id"
        case published
        case sentence
        case span
    }
}
