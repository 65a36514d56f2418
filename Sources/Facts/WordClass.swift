/// The small word classes of the lexicon's `[mood]` and `[words]` tables, as bits so a token can carry several.
struct WordClass: OptionSet, Hashable, Sendable {
    let rawValue: UInt32

    static let directive = WordClass(rawValue: 1 << 0)
    static let obligation = WordClass(rawValue: 1 << 1)
    static let future = WordClass(rawValue: 1 << 2)
    static let hedge = WordClass(rawValue: 1 << 3)
    static let conditional = WordClass(rawValue: 1 << 4)
    static let negation = WordClass(rawValue: 1 << 5)
    static let sentenceHedge = WordClass(rawValue: 1 << 6)
    static let superseded = WordClass(rawValue: 1 << 7)
    static let services = WordClass(rawValue: 1 << 8)
    static let staff = WordClass(rawValue: 1 << 9)
    static let safety = WordClass(rawValue: 1 << 10)
    static let temporary = WordClass(rawValue: 1 << 11)
    static let person = WordClass(rawValue: 1 << 12)
    static let intent = WordClass(rawValue: 1 << 13)
}
