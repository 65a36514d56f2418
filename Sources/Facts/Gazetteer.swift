public import Core
import Foundation

/// Countries (with aliases, demonyms and capitals), cities and regions, for recognising who operates a facility and
/// where it is.
///
/// The data is `Resources/gazetteer.tsv` (format documented in its header). Lookups ignore case and accents.
public struct Gazetteer: Hashable, Sendable {
    public struct Country: Hashable, Sendable {
        public var code: CountryCode
        /// Short English name for readable facility names ("Russia").
        public var name: String
        public var aliases: [String]
        /// Adjectives and nouns for the country ("Russian", "Russians", "U.S.").
        public var demonyms: [String]
        /// The capital's canonical city name.
        public var capital: String

        public init(code: CountryCode, name: String, aliases: [String], demonyms: [String], capital: String) {
            self.code = code
            self.name = name
            self.aliases = aliases
            self.demonyms = demonyms
            self.capital = capital
        }
    }

    public struct City: Hashable, Sendable {
        /// Canonical short form, used in facility keys ("Washington", "New York").
        public var name: String
        public var country: CountryCode
        public var aliases: [String]

        public init(name: String, country: CountryCode, aliases: [String]) {
            self.name = name
            self.country = country
            self.aliases = aliases
        }
    }

    /// A state or province ("Texas"), so "Houston, Texas" reads as Houston.
    public struct Region: Hashable, Sendable {
        public var name: String
        public var country: CountryCode
        public var aliases: [String]

        public init(name: String, country: CountryCode, aliases: [String]) {
            self.name = name
            self.country = country
            self.aliases = aliases
        }
    }

    public private(set) var countries: [Country]
    public private(set) var cities: [City]
    public private(set) var regions: [Region]
    private var countryIndex: [CountryCode: Int]
    private var nameIndex: [String: [Int]]
    private var demonymIndex: [String: [Int]]
    private var cityIndex: [String: [Int]]

    public init(countries: [Country], cities: [City], regions: [Region] = []) {
        self.countries = countries
        self.cities = cities
        self.regions = regions
        countryIndex = [:]
        nameIndex = [:]
        demonymIndex = [:]
        cityIndex = [:]
        for (index, country) in countries.enumerated() {
            countryIndex[country.code] = index
            for name in [country.name] + country.aliases {
                nameIndex[Self.key(name), default: []].append(index)
            }
            for demonym in country.demonyms {
                demonymIndex[Self.key(demonym), default: []].append(index)
            }
        }
        for (index, city) in cities.enumerated() {
            for name in [city.name] + city.aliases {
                cityIndex[Self.key(name), default: []].append(index)
            }
        }
    }

    /// The gazetteer shipped with factwatch (`Resources/gazetteer.tsv`).
    public static let builtin: Gazetteer = {
        let text = String(decoding: PackageResources.gazetteer_tsv, as: UTF8.self)
        do {
            return try Gazetteer(tsv: text, origin: "built-in gazetteer.tsv")
        } catch {
            fatalError("the built-in gazetteer is invalid: \(error)")
        }
    }()

    /// `range` without the spaces and tabs at either end.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    /// The trimmed fields of `range` between `separator` bytes, empty ones included.
    static func fields(_ bytes: [UInt8], _ range: Range<Int>, separator: UInt8) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where bytes[index] == separator {
            fields.append(trimmed(bytes, start..<index))
            start = index + 1
        }
        fields.append(trimmed(bytes, start..<range.upperBound))
        return fields
    }

    static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Parses the TSV format documented in `Resources/gazetteer.tsv`.
    ///
    /// Fields are cut from the UTF-8 bytes directly: the built-in file has thousands of fields to read at start-up,
    /// and splitting `Substring`s character by character took most of that time.
    public init(tsv: String, origin: String) throws(GazetteerError) {
        var countries: [Country] = []
        var cities: [City] = []
        var regions: [Region] = []
        var capitals: [(code: CountryCode, city: String, line: Int)] = []
        let bytes = Array(tsv.utf8)
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            if Self.trimmed(bytes, lineStart..<end).isEmpty || bytes[lineStart] == UInt8(ascii: "#") { continue }
            let ranges = Self.fields(bytes, lineStart..<end, separator: 0x09)
            let fields = ranges.map { Self.text(bytes, $0) }
            func fail(_ code: GazetteerError.Code, _ message: String) -> GazetteerError {
                GazetteerError(code: code, origin: origin, line: lineNumber, message: message)
            }
            func list(_ index: Int) -> [String] {
                guard index < ranges.count else { return [] }
                return Self.fields(bytes, ranges[index], separator: UInt8(ascii: "|"))
                    .filter { !$0.isEmpty }
                    .map { Self.text(bytes, $0) }
            }
            guard fields.count >= 3, !fields[2].isEmpty else {
                throw fail(.malformedRow, "expected TYPE<TAB>CODE<TAB>NAME..., found \(fields.count) field(s)")
            }
            guard let code = CountryCode(rawValue: fields[1]) else {
                throw fail(.invalidCountry, "\"\(fields[1])\" is not a two-letter country code")
            }
            switch fields[0] {
            case "country":
                guard fields.count == 6, !fields[5].isEmpty else {
                    throw fail(.malformedRow, "a country row has 6 fields: country CODE NAME ALIASES DEMONYMS CAPITAL")
                }
                countries.append(
                    Country(code: code, name: fields[2], aliases: list(3), demonyms: list(4), capital: fields[5])
                )
                capitals.append((code, fields[5], lineNumber))
            case "city":
                guard fields.count <= 4 else {
                    throw fail(.malformedRow, "a city row has 4 fields: city CODE NAME ALIASES")
                }
                cities.append(City(name: fields[2], country: code, aliases: list(3)))
            case "region":
                guard fields.count <= 4 else {
                    throw fail(.malformedRow, "a region row has 4 fields: region CODE NAME ALIASES")
                }
                regions.append(Region(name: fields[2], country: code, aliases: list(3)))
            default:
                throw fail(.malformedRow, "unknown record type \"\(fields[0])\"; use country, city or region")
            }
        }
        let known = Set(countries.map(\.code))
        let cityNames = Set(cities.map { "\($0.country.rawValue):\(Self.key($0.name))" })
        for city in cities where !known.contains(city.country) {
            throw GazetteerError(
                code: .invalidCountry,
                origin: origin,
                line: 0,
                message: "city \(city.name) names country \(city.country), which has no country row"
            )
        }
        for capital in capitals where !cityNames.contains("\(capital.code.rawValue):\(Self.key(capital.city))") {
            throw GazetteerError(
                code: .missingCapital,
                origin: origin,
                line: capital.line,
                message: "capital \(capital.city) of \(capital.code) is not listed as a city row of \(capital.code)"
            )
        }
        self.init(countries: countries, cities: cities, regions: regions)
    }

    public func country(code: CountryCode) -> Country? {
        countryIndex[code].map { countries[$0] }
    }

    /// Countries whose name or alias is `name` ("Britain" → GB).
    public func countries(named name: String) -> [Country] {
        (nameIndex[Self.key(name)] ?? []).map { countries[$0] }
    }

    /// Countries whose demonym is `word` ("Russian" → RU).
    public func countries(demonym word: String) -> [Country] {
        (demonymIndex[Self.key(word)] ?? []).map { countries[$0] }
    }

    /// Cities whose name or alias is `name` ("Saigon" → Ho Chi Minh City), in listing order.
    public func cities(named name: String) -> [City] {
        (cityIndex[Self.key(name)] ?? []).map { cities[$0] }
    }

    /// The capital of a country.
    public func capital(of code: CountryCode) -> City? {
        guard let country = country(code: code) else { return nil }
        return cities(named: country.capital).first { $0.country == code }
    }

    /// The folded name with runs of spaces and tabs made one space.
    static func key(_ name: String) -> String {
        let folded = TextFolding.fold(name)
        var previous: UInt8 = 0x20
        var clean = true
        for byte in folded.utf8 {
            if byte == 0x09 || (byte == 0x20 && previous == 0x20) {
                clean = false
                break
            }
            previous = byte
        }
        // Nearly every name is already single-spaced: only the others are split and joined.
        if clean && previous != 0x20 { return folded }
        return folded.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
