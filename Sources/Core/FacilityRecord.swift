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

    public init(facility: Facility, state: FacilityState, asOf: LocalDateTime?, source: String, updatedAt: Date) {
        self.facility = facility
        self.state = state
        self.asOf = asOf
        self.source = source
        self.updatedAt = updatedAt
    }

    public var key: FacilityKey { facility.key }

    enum CodingKeys: String, CodingKey {
        case facility
        case state
        case asOf = "as_of"
        case source
        case updatedAt = "updated_at"
    }
}
