/// A piece of text as the date scanner sees it: a number, a word, a single symbol, or a run of spaces.
enum DateToken: Equatable {
    case number(value: Int, digits: Int)
    /// Lower case, accents removed.
    case word(String)
    case symbol(Character)
    case space

    static func tokenize(_ text: String) -> [DateToken] {
        var tokens: [DateToken] = []
        var number = 0
        var digits = 0
        var word = ""
        func flush() {
            if digits > 0 { tokens.append(.number(value: number, digits: digits)) }
            if !word.isEmpty { tokens.append(.word(word)) }
            number = 0
            digits = 0
            word = ""
        }
        for scalar in text.unicodeScalars {
            // ASCII, most of every date: no character-database lookups.
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    if !word.isEmpty { flush() }
                    if digits < 15 { number = number * 10 + Int(byte - UInt8(ascii: "0")) }
                    digits += 1
                } else if byte.isASCIILetter {
                    if digits > 0 { flush() }
                    word.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
                } else {
                    flush()
                    if scalar.isExtractionWhitespace {
                        if tokens.last != .space { tokens.append(.space) }
                    } else {
                        tokens.append(.symbol(Character(scalar)))
                    }
                }
                continue
            }
            if let digit = decimalValue(scalar) {
                if !word.isEmpty { flush() }
                if digits < 15 { number = number * 10 + digit }
                digits += 1
            } else if scalar.properties.isAlphabetic, !isCJKDateMark(scalar) {
                if digits > 0 { flush() }
                word.unicodeScalars.append(contentsOf: folded(scalar).unicodeScalars)
            } else {
                flush()
                if scalar.isExtractionWhitespace {
                    if tokens.last != .space { tokens.append(.space) }
                } else {
                    tokens.append(.symbol(Character(scalar)))
                }
            }
        }
        flush()
        return tokens
    }

    /// 年月日 and 년월일 separate the parts of East Asian dates.
    static func isCJKDateMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "年", "月", "日", "년", "월", "일": return true
        default: return false
        }
    }

    private static func decimalValue(_ scalar: Unicode.Scalar) -> Int? {
        if scalar.value >= 0x30 && scalar.value <= 0x39 { return Int(scalar.value - 0x30) }
        guard scalar.value >= 0x80, scalar.properties.numericType == .decimal,
            let value = scalar.properties.numericValue
        else { return nil }
        return Int(value)
    }

    /// A word in lower case with the common Latin accents removed, as tokens hold words.
    static func fold(_ word: String) -> String {
        var result = ""
        for scalar in word.unicodeScalars { result += folded(scalar) }
        return result
    }

    /// The lower-case letter without its accent, for the Latin letters month names use.
    private static func folded(_ scalar: Unicode.Scalar) -> String {
        let lower = String(scalar).lowercased()
        switch lower {
        case "á", "à", "â", "ä", "ã", "å": return "a"
        case "é", "è", "ê", "ë": return "e"
        case "í", "ì", "î", "ï": return "i"
        case "ó", "ò", "ô", "ö", "õ": return "o"
        case "ú", "ù", "û", "ü": return "u"
        case "ç": return "c"
        case "ñ": return "n"
        default: return lower
        }
    }
}
