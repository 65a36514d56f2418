public import Foundation

/// The current state of one facility, merged across every source: one row of `factwatch facilities`.
public struct FacilityRecord: Hashable, Codable, Sendable {
    public var facility: Facility
    public var state: FacilityState
    /// The publication date of the report that set the current state, when known. A report published earlier
    /// than this does not overturn the state (stale news is not a change).
    public var asOf: LocalDateTime?
    /// The source whose report set the current state.
    public var source: String
    /// When factwatch last changed this record.
    public var updatedAt: Date
    /// When factwatch first saw the facility.
    public var firstSeen: Date
    /// The sources whose reports agree with the current state, the one that set it first.
    public var supporters: [String]
    /// The sentence behind the current state.
    public var evidence: ChangeEvidence?
    /// When the current deadline was recorded: timers only fire for a deadline that was still ahead then.
    public var deadlineRecordedAt: Date?

    public init(
        facility: Facility,
        state: FacilityState,
        asOf: LocalDateTime?,
        source: String,
        updatedAt: Date,
        firstSeen: Date? = nil,
        supporters: [String]? = nil,
        evidence: ChangeEvidence? = nil,
        deadlineRecordedAt: Date? = nil
    ) {
        self.facility = facility
        self.state = state
        self.asOf = asOf
        self.source = source
        self.updatedAt = updatedAt
        self.firstSeen = firstSeen ?? updatedAt
        self.supporters = supporters ?? [source]
        self.evidence = evidence
        self.deadlineRecordedAt = deadlineRecordedAt ?? (state.deadline == nil ? nil : updatedAt)
    }

    public var key: FacilityKey { facility.key }

    enum CodingKeys: String, CodingKey {
        case facility
        case state
        case asOf = "as_of"
        case source
        case updatedAt = "updated_at"
        case firstSeen = "first_seen"
        case supporters
        case evidence
        case deadlineRecordedAt = "deadline_recorded_at"
    }

    /// Rows written before the fields after `updated_at` existed read with the obvious values.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let updatedAt = try container.decode(Date.self, forKey: .updatedAt)
        let source = try container.decode(String.self, forKey: .source)
        let state = try container.decode(FacilityState.self, forKey: .state)
        self.init(
            facility: try container.decode(Facility.self, forKey: .facility),
            state: state,
            asOf: try container.decodeIfPresent(LocalDateTime.self, forKey: .asOf),
            source: source,
            updatedAt: updatedAt,
            firstSeen: try container.decodeIfPresent(Date.self, forKey: .firstSeen),
            supporters: try container.decodeIfPresent([String].self, forKey: .supporters),
            evidence: try container.decodeIfPresent(ChangeEvidence.self, forKey: .evidence),
            deadlineRecordedAt: try container.decodeIfPresent(Date.self, forKey: .deadlineRecordedAt)
        )
    }
}
