/// The signal phrases of the lexicon's `[deadlines]` table, compiled for ``DeadlineSignals/signal(before:)``.
extension DeadlineSignals {
    struct Signals: Sendable {
        /// Folded words and what they say, longest first, so that "on or before" wins over "on" and "as of" over
        /// nothing.
        let phrases: [(words: [String], prefix: Prefix)]

        init(_ deadlines: Lexicon.Deadlines) {
            let groups: [([String], Prefix)] = [
                (deadlines.by, .by), (deadlines.on, .on), (deadlines.starting, .starting),
                (deadlines.within, .within),
            ]
            let all = groups.flatMap { phrases, prefix in
                phrases.map { (words: PhraseTrie<Bool>.keys(of: $0), prefix: prefix) }
            }
            phrases = all.enumerated().sorted {
                ($0.element.words.count, $1.offset) > ($1.element.words.count, $0.offset)
            }.map(\.element).filter { !$0.words.isEmpty }
        }

        static let builtin = Signals(Lexicon.builtin.deadlines)

        /// The last word of every signal ("by", "of" in "as of", "than" in "no later than").
        var lastWords: Set<String> { Set(phrases.compactMap(\.words.last)) }
    }
}
