/// The status a fact asserts for a facility: `ordered_closed`, `closed`, `seized`, ….
///
/// Like ``FacilityKind`` this is data from the lexicon, so it is a struct; the ten standard statuses are constants.
public struct Status: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let orderedClosed: Status = "ordered_closed"
    public static let closed: Status = "closed"
    public static let suspended: Status = "suspended"
    public static let evacuated: Status = "evacuated"
    public static let relocated: Status = "relocated"
    public static let reopened: Status = "reopened"
    public static let opened: Status = "opened"
    public static let seized: Status = "seized"
    public static let staffCut: Status = "staff_cut"
    public static let restored: Status = "restored"
}
