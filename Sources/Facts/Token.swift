/// One word, number or punctuation mark of an article, with its position in Unicode scalar offsets.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case word
        case number
        /// A clock time written "23:59".
        case time
        case punct
    }

    var kind: Kind
    /// Scalar offsets into the article text.
    var start: Int
    var end: Int
    /// The text as written.
    var text: String
    /// The folded form used for matching (lower case, no accents).
    var key: String
    /// The first letter is upper case ("Moscow", "MOSCOW", "U.S.").
    var capitalized: Bool
    /// Every letter is upper case and there are at least two ("US", "UAE", "MOSCOW").
    var allCaps: Bool
    /// The value of a number token ("1,270" → 1270).
    var number: Int?
    /// A line break (paragraph boundary) separates this token from the previous one.
    var paragraphStart: Bool
    /// FNV-1a hash of `key`, computed while folding it (``Vocabulary/hash(_:)``).
    var keyHash: UInt64 = 0
    /// The key's id in the compiled lexicon's vocabulary (-1: no phrase uses this word), set per article.
    var word: Int32 = -1

    var isWord: Bool { kind == .word }

    /// The day of a month written as digits, with or without an ordinal suffix ("3", "03", "3rd", "21st");
    /// shared by the deadline grammar and the TIMEX3 grammar.
    var dayOfMonth: Int? {
        guard kind == .number else { return nil }
        let digits = key.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let day = Int(digits), (1...31).contains(day),
            digits.count == key.count || ["st", "nd", "rd", "th"].contains(String(key.dropFirst(digits.count)))
        else { return nil }
        return day
    }
}
