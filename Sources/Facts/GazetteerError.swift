/// A gazetteer file that cannot be used: which file and line, and what is wrong there.
public struct GazetteerError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public var description: String { rawValue }

        /// A row has the wrong number of fields or an unknown record type.
        public static let malformedRow = Code(rawValue: "gazetteer.malformed_row")
        /// A country code is not two letters, or a city names a country that is not listed.
        public static let invalidCountry = Code(rawValue: "gazetteer.invalid_country")
        /// A country's capital is not listed as a city of that country.
        public static let missingCapital = Code(rawValue: "gazetteer.missing_capital")
    }

    public var code: Code
    public var origin: String
    public var line: Int
    public var message: String

    public init(code: Code, origin: String, line: Int, message: String) {
        self.code = code
        self.origin = origin
        self.line = line
        self.message = message
    }

    public var description: String { "\(origin):\(line): \(message) [\(code)]" }
}
