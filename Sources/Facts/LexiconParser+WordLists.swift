import TOMLKit

/// The single-word lists of `[grammar]`, `[words]` and `[deadlines]`, and the deadline signal phrases.
extension LexiconParser {
    static let wordsKeys: Set<String> = Set(
        ["services", "staff", "safety", "temporary", "person"] + WordList.lists(in: "words").map(\.key)
    )
    static let moodKeys: Set<String> = [
        "directive", "obligation", "future", "hedge", "conditional", "negation", "sentence_hedge", "superseded",
        "intent",
    ]
    static let deadlineSignalKeys = ["by", "on", "starting", "within"]

    func parseDeadlines(_ deadlines: TOMLTable, into lexicon: inout Lexicon) throws(LexiconError) {
        let lists = WordList.lists(in: "deadlines").map(\.key)
        try allowOnly(deadlines, Set(Self.deadlineSignalKeys + lists), path: "deadlines")
        lexicon.deadlines.by = try phrases(deadlines, "by", path: "deadlines") ?? []
        lexicon.deadlines.on = try phrases(deadlines, "on", path: "deadlines") ?? []
        lexicon.deadlines.starting = try phrases(deadlines, "starting", path: "deadlines") ?? []
        lexicon.deadlines.within = try phrases(deadlines, "within", path: "deadlines") ?? []
        try parseWordLists(deadlines, table: "deadlines", into: &lexicon)
    }

    /// The ``WordList``s written in `table`: each entry must be one word (or one punctuation mark) without spaces,
    /// since the rules test single tokens.
    func parseWordLists(_ entry: TOMLTable, table: String, into lexicon: inout Lexicon) throws(LexiconError) {
        for list in WordList.lists(in: table) {
            guard let words = try phrases(entry, list.key, path: table) else { continue }
            for (index, word) in words.enumerated() where word.contains(where: \.isWhitespace) {
                throw error(
                    .invalidValue,
                    "\(table).\(list.key)[\(index)]",
                    "\"\(word)\" is not one word; this list holds single words"
                )
            }
            lexicon.wordLists[list] = words
        }
    }
}
