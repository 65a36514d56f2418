/// Decodes one character reference (`&amp;`, `&#8217;`, `&#x2014;`, legacy `&nbsp` without a semicolon) the way
/// browsers do, so the article text reads as the page shows it.
///
/// Numeric references in the C1 range are read as windows-1252 (pages that write `&#150;` mean an en dash), and
/// references to nothing (NUL, surrogates, beyond U+10FFFF) become U+FFFD. An `&` that starts no known reference
/// stays literal text.
enum CharacterReference {
    /// Appends the bytes of `range` to `destination` with every reference decoded and the UTF-8 repaired.
    static func appendDecoded(
        _ input: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        to destination: inout [UInt8],
        inAttribute: Bool
    ) -> UTF8Repair.Tally {
        var tally = UTF8Repair.Tally()
        var position = range.lowerBound
        let end = range.upperBound
        while position < end {
            let ampersand = ByteSearch.first(UInt8(ascii: "&"), in: input, from: position, to: end)
            if ampersand > position {
                tally.add(
                    UTF8Repair.append(UnsafeBufferPointer(rebasing: input[position..<ampersand]), to: &destination)
                )
            }
            guard ampersand < end else { break }
            if let reference = decode(input, at: ampersand, end: end, inAttribute: inAttribute) {
                appendScalar(reference.first, to: &destination)
                if let second = reference.second { appendScalar(second, to: &destination) }
                position = ampersand + reference.length
            } else {
                destination.append(UInt8(ascii: "&"))
                position = ampersand + 1
            }
        }
        return tally
    }

    static func appendScalar(_ scalar: Unicode.Scalar, to destination: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            destination.append(UInt8(value))
        case 0x80..<0x800:
            destination.append(UInt8(0xC0 | value >> 6))
            destination.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            destination.append(UInt8(0xE0 | value >> 12))
            destination.append(UInt8(0x80 | value >> 6 & 0x3F))
            destination.append(UInt8(0x80 | value & 0x3F))
        default:
            destination.append(UInt8(0xF0 | value >> 18))
            destination.append(UInt8(0x80 | value >> 12 & 0x3F))
            destination.append(UInt8(0x80 | value >> 6 & 0x3F))
            destination.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// The decoded scalars (one, sometimes two) and how many input bytes the reference used, or `nil` when the
    /// `&` at `start` is literal.
    ///
    /// - Parameter inAttribute: In attribute values a legacy name without its semicolon is left alone when a letter,
    ///   digit or `=` follows ("?a=1&copy=2" is a URL, not "©=2").
    static func decode(
        _ input: UnsafeBufferPointer<UInt8>,
        at start: Int,
        end: Int,
        inAttribute: Bool
    ) -> (first: Unicode.Scalar, second: Unicode.Scalar?, length: Int)? {
        let next = start + 1
        guard next < end else { return nil }
        if input[next] == UInt8(ascii: "#") { return numeric(input, at: start, end: end) }
        var nameEnd = next
        while nameEnd < end, nameEnd - next < 32, input[nameEnd].isASCIIAlphanumeric { nameEnd += 1 }
        guard nameEnd > next else { return nil }
        let table = NamedCharacterReferences.shared
        if nameEnd < end, input[nameEnd] == UInt8(ascii: ";"),
            let value = table.value(UnsafeBufferPointer(rebasing: input[next..<nameEnd]))
        {
            return (value.first, value.second, nameEnd + 1 - start)
        }
        // Without a semicolon only the legacy names count, longest first ("&notit" is "¬it").
        var length = min(nameEnd - next, NamedCharacterReferences.longestLegacyName)
        while length >= 2 {
            let candidate = UnsafeBufferPointer(rebasing: input[next..<next + length])
            if let value = table.legacyValue(candidate) {
                if inAttribute {
                    let following = next + length < end ? input[next + length] : 0
                    if following.isASCIIAlphanumeric || following == UInt8(ascii: "=") { return nil }
                }
                return (value.first, value.second, length + 1)
            }
            length -= 1
        }
        return nil
    }

    private static func numeric(
        _ input: UnsafeBufferPointer<UInt8>,
        at start: Int,
        end: Int
    ) -> (first: Unicode.Scalar, second: Unicode.Scalar?, length: Int)? {
        var position = start + 2
        var hex = false
        if position < end, input[position] | 0x20 == UInt8(ascii: "x") {
            hex = true
            position += 1
        }
        let digitsStart = position
        var value: UInt32 = 0
        while position < end {
            let byte = input[position]
            let digit: UInt32
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digit = UInt32(byte - UInt8(ascii: "0"))
            } else if hex, byte | 0x20 >= UInt8(ascii: "a"), byte | 0x20 <= UInt8(ascii: "f") {
                digit = UInt32(byte | 0x20 - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            // Saturate: anything past U+10FFFF is an error whatever the remaining digits.
            value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
            position += 1
        }
        guard position > digitsStart else { return nil }
        if position < end, input[position] == UInt8(ascii: ";") { position += 1 }
        return (scalar(forCodePoint: value), nil, position - start)
    }

    /// What a numeric reference to `value` stands for.
    static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        if value >= 0x80, value <= 0x9F, let mapped = Windows1252.c1Scalar(UInt8(value)) { return mapped }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        let lower = self | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
            || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9"))
    }

    var isASCIILetter: Bool {
        let lower = self | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
}
