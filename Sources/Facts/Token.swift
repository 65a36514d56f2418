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
}
