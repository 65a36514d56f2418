/// An ISO 3166-1 alpha-2 country code, stored upper-case ("RU", "US").
public struct CountryCode: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts two ASCII letters in either case; anything else is `nil`.
    public init?(rawValue: String) {
        let upper = rawValue.uppercased()
        guard upper.utf8.count == 2, upper.utf8.allSatisfy({ (65...90).contains($0) }) else { return nil }
        self.rawValue = upper
    }

    public var description: String { rawValue }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = CountryCode(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a two-letter ISO 3166-1 country code, found \"\(text)\""
            )
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
