/// A facility as a fact names it: which kind, whose, where.
///
/// Two reports of the same facility, from any outlets, produce the same ``key``; ``name`` is only for display.
public struct Facility: Hashable, Codable, Sendable {
    public var kind: FacilityKind
    /// The sending state, whose facility it is ("RU" for Russia's consulate in San Francisco).
    public var operatorCountry: CountryCode?
    /// The state the facility is in.
    public var hostCountry: CountryCode?
    /// The city the facility is in, in its short canonical form ("Washington", "New York").
    public var city: String?
    /// A readable name, e.g. "Consulate General of Russia in San Francisco".
    public var name: String

    public init(
        kind: FacilityKind,
        operatorCountry: CountryCode?,
        hostCountry: CountryCode?,
        city: String?,
        name: String
    ) {
        self.kind = kind
        self.operatorCountry = operatorCountry
        self.hostCountry = hostCountry
        self.city = city
        self.name = name
    }

    public var key: FacilityKey {
        FacilityKey(kind: kind, operatorCountry: operatorCountry, hostCountry: hostCountry, city: city)
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case operatorCountry = "operator"
        case hostCountry = "host_country"
        case city
        case name
    }
}

/// The identity of a facility: `operator:kind:host-country:city` in lower-case ASCII,
/// e.g. `ru:consulate:us:san-francisco`.
///
/// An unknown country is written `xx` and an unknown city `-`, so a key always has four parts and sorts sensibly.
public struct FacilityKey: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(kind: FacilityKind, operatorCountry: CountryCode?, hostCountry: CountryCode?, city: String?) {
        let operatorPart = operatorCountry?.rawValue.lowercased() ?? "xx"
        let hostPart = hostCountry?.rawValue.lowercased() ?? "xx"
        let cityPart = city.map(Slug.make).flatMap { $0.isEmpty ? nil : $0 } ?? "-"
        rawValue = "\(operatorPart):\(Slug.make(kind.rawValue).replacingDashes()):\(hostPart):\(cityPart)"
    }

    public var description: String { rawValue }

    public static func < (lhs: FacilityKey, rhs: FacilityKey) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension String {
    /// Kinds keep their underscores in keys ("trade_office"), where Slug would turn them into dashes.
    fileprivate func replacingDashes() -> String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
