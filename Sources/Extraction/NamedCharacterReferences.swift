/// The named character references as a dictionary, built once per process from ``NamedCharacterReferenceTable``.
struct NamedCharacterReferences: Sendable {
    struct Value: Sendable {
        var first: Unicode.Scalar
        var second: Unicode.Scalar?
        /// Whether pages may write the name without its semicolon.
        var isLegacy: Bool
    }

    /// Built on first use; a `static let` initialiser runs once, whichever thread gets there first.
    static let shared = NamedCharacterReferences()

    /// The longest name that may appear without a semicolon ("frac34", "middot").
    static let longestLegacyName = 6

    private var values: [String: Value] = [:]

    private init() {
        values.reserveCapacity(2200)
        for line in NamedCharacterReferenceTable.lines.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count >= 2 else { continue }
            var name = parts[0]
            let isLegacy = name.first == "*"
            if isLegacy { name = name.dropFirst() }
            let scalars = parts.dropFirst().compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            guard let first = scalars.first else { continue }
            values[String(name)] = Value(first: first, second: scalars.dropFirst().first, isLegacy: isLegacy)
        }
    }

    /// The value of a name written with its semicolon.
    func value(_ name: UnsafeBufferPointer<UInt8>) -> Value? {
        values[String(decoding: name, as: UTF8.self)]
    }

    /// The value of a legacy name written without its semicolon.
    func legacyValue(_ name: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let value = value(name), value.isLegacy else { return nil }
        return value
    }
}
