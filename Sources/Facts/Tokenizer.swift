/// Splits article text into tokens whose offsets are Unicode scalar positions (the unit evidence spans use).
///
/// Possessive "'s" and "n't" become their own tokens ("Bolivia's" → "Bolivia", "'s") so that names match alone;
/// dotted abbreviations ("U.S.", "D.C.", "p.m.") stay one token; hyphens are separate tokens on both sides.
enum Tokenizer {
    static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        var sawNewline = true
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if isWhitespace(scalar) {
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" { sawNewline = true }
                index += 1
                continue
            }
            let start = index
            var kind: Token.Kind = .word
            if isDigit(scalar) {
                kind = .number
                index += 1
                while index < count {
                    if isDigit(scalars[index]) {
                        index += 1
                    } else if (scalars[index] == "," || scalars[index] == ".") && index + 1 < count
                        && isDigit(scalars[index + 1])
                    {
                        index += 2
                    } else if scalars[index] == ":" && index + 2 < count && isDigit(scalars[index + 1])
                        && isDigit(scalars[index + 2]) && index - start <= 2
                    {
                        kind = .time
                        index += 3
                    } else {
                        break
                    }
                }
                // "2nd", "15th": the ordinal suffix joins the number.
                if kind == .number, index + 1 < count, isLetter(scalars[index]) {
                    let suffix = String(String.UnicodeScalarView(scalars[index..<min(count, index + 2)])).lowercased()
                    if ["st", "nd", "rd", "th"].contains(suffix)
                        && (index + 2 >= count || !isLetter(scalars[index + 2]))
                    {
                        index += 2
                    }
                }
            } else if isLetter(scalar) {
                if let end = dottedAbbreviationEnd(scalars, from: index) {
                    index = end
                } else {
                    index += 1
                    while index < count {
                        let next = scalars[index]
                        if isLetter(next) || isDigit(next)
                            || next.value >= 128 && next.properties.generalCategory == .nonspacingMark
                        {
                            index += 1
                        } else if isApostrophe(next) && index + 1 < count && isLetter(scalars[index + 1]) {
                            // Keep d'Ivoire, N'Djamena; split off 's and n't.
                            let rest = lowerWord(scalars, from: index + 1)
                            if rest == "s" || rest == "t" && index > start && lower(scalars[index - 1]) == "n" {
                                break
                            }
                            index += 1
                        } else {
                            break
                        }
                    }
                    // "didn't": move the "n" into the "n't" token.
                    if index < count, isApostrophe(scalars[index]), index + 1 < count,
                        lower(scalars[index + 1]) == "t", index - start >= 2, lower(scalars[index - 1]) == "n"
                    {
                        index -= 1
                    }
                }
            } else if isApostrophe(scalar), index + 1 < count, lower(scalars[index + 1]) == "s",
                index + 2 >= count || !isLetter(scalars[index + 2])
            {
                index += 2
            } else if lower(scalar) == "n", index + 2 < count, isApostrophe(scalars[index + 1]),
                lower(scalars[index + 2]) == "t"
            {
                index += 3
            } else {
                kind = .punct
                index += 1
            }
            tokens.append(makeToken(kind, scalars, start, index, paragraphStart: sawNewline))
            sawNewline = false
        }
        return tokens
    }

    private static func makeToken(
        _ kind: Token.Kind,
        _ scalars: [Unicode.Scalar],
        _ start: Int,
        _ end: Int,
        paragraphStart: Bool
    ) -> Token {
        var letters = 0
        var upper = 0
        var ascii = true
        for scalar in scalars[start..<end] {
            let value = scalar.value
            if value < 128 {
                if value >= 65 && value <= 90 {
                    letters += 1
                    upper += 1
                } else if value >= 97 && value <= 122 {
                    letters += 1
                }
            } else {
                ascii = false
                if scalar.properties.isAlphabetic {
                    letters += 1
                    if scalar.properties.isUppercase { upper += 1 }
                }
            }
        }
        let text: String
        let key: String
        var keyHash: UInt64 = 0
        if ascii {
            // Nearly all news text: build both strings from bytes, folding A-Z on the way.
            let count = end - start
            text = String(unsafeUninitializedCapacity: count) { buffer in
                for offset in 0..<count { buffer[offset] = UInt8(truncatingIfNeeded: scalars[start + offset].value) }
                return count
            }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            key = String(unsafeUninitializedCapacity: count) { buffer in
                for offset in 0..<count {
                    let byte = UInt8(truncatingIfNeeded: scalars[start + offset].value)
                    let folded = byte >= 65 && byte <= 90 ? byte + 32 : byte
                    buffer[offset] = folded
                    hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
                }
                return count
            }
            keyHash = hash
        } else {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            text = String(view)
            key = TextFolding.fold(text)
            keyHash = Vocabulary.hash(key)
        }
        let first = scalars[start]
        var number: Int?
        if kind == .number {
            var value = 0
            var digits = 0
            for scalar in scalars[start..<end] where isDigit(scalar) {
                if digits < 18 { value = value * 10 + Int(scalar.value - 48) }
                digits += 1
            }
            number = digits > 0 && digits <= 18 ? value : nil
        }
        return Token(
            kind: kind,
            start: start,
            end: end,
            text: text,
            key: key,
            capitalized: first.value < 128 ? first.value >= 65 && first.value <= 90 : first.properties.isUppercase,
            allCaps: letters >= 2 && upper == letters,
            number: number,
            paragraphStart: paragraphStart,
            keyHash: keyHash
        )
    }

    /// "U.S.", "D.C.", "p.m.", "U.S.A.": single letters each followed by a dot, at least two of them.
    private static func dottedAbbreviationEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        var groups = 0
        while index + 1 < scalars.count, isLetter(scalars[index]), scalars[index + 1] == ".",
            index == start || !isLetter(scalars[index - 1]) || scalars[index - 1] == "."
        {
            if index + 2 < scalars.count, isLetter(scalars[index + 2]), index + 3 < scalars.count,
                isLetter(scalars[index + 3])
            {
                // "U.Sovereign": the next group is a word, not a letter.
                if groups >= 1 { break }
                return nil
            }
            groups += 1
            index += 2
        }
        return groups >= 2 ? index : nil
    }

    private static func lowerWord(_ scalars: [Unicode.Scalar], from start: Int) -> String {
        var index = start
        var text = ""
        while index < scalars.count, isLetter(scalars[index]) {
            text.unicodeScalars.append(lower(scalars[index]))
            index += 1
        }
        return text
    }

    /// The text of `scalars[start..<end]`, built from bytes when it is ASCII (nearly always).
    static func string(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var ascii = true
        for index in start..<end where scalars[index].value >= 128 {
            ascii = false
            break
        }
        if ascii {
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in 0..<(end - start) {
                    buffer[offset] = UInt8(truncatingIfNeeded: scalars[start + offset].value)
                }
                return end - start
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value >= 65 && value <= 90) || (value >= 97 && value <= 122) }
        return scalar.properties.isAlphabetic
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value == 32 || (value >= 9 && value <= 13) }
        return scalar.properties.isWhitespace
    }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if ("A"..."Z").contains(scalar) { return Unicode.Scalar(scalar.value + 32)! }
        return scalar
    }
}
