/// What sort of facility a fact is about: `embassy`, `consulate`, `annex`, ….
///
/// A struct rather than an enum because the set is data: the lexicon (`config/lexicon.toml`) defines the kinds and
/// their trigger phrases, and a user can add one (a plant, a border crossing) without recompiling. The constants
/// below are the kinds the built-in lexicon ships with.
public struct FacilityKind: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: FacilityKind, rhs: FacilityKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let embassy: FacilityKind = "embassy"
    public static let consulate: FacilityKind = "consulate"
    public static let annex: FacilityKind = "annex"
    public static let tradeOffice: FacilityKind = "trade_office"
    public static let residence: FacilityKind = "residence"
    public static let compound: FacilityKind = "compound"
    public static let interestsSection: FacilityKind = "interests_section"
    public static let liaisonOffice: FacilityKind = "liaison_office"
    public static let visaCenter: FacilityKind = "visa_center"
}
