/// The lexicon's single-word lists (``WordList``) as one bit set per vocabulary word, built once per
/// ``CompiledLexicon``: the rules test a token by its word id and a bit, never by hashing its key.
///
/// Tokens that carry no word id (the deadline tagger run on its own, outside fact extraction) are looked up by key in
/// a table built the same way from the built-in lexicon.
struct WordListTable: Sendable {
    /// Per vocabulary id: the lists the word is in.
    private var byWord: [UInt64] = []
    /// Per folded key, for tokens without ids; empty in a table over a vocabulary.
    private var byKey: [String: UInt64] = [:]

    /// The folded words of the lists, each with the lists it is in. A word is folded as a token's key is, not
    /// tokenized, so that a list can hold a clitic or a mark as the tokenizer keys it ("'s", "\u{201C}").
    private static func keys(_ lexicon: Lexicon) -> [String: UInt64] {
        var keys: [String: UInt64] = [:]
        for list in WordList.allCases {
            for word in lexicon.wordLists[list] ?? [] { keys[TextFolding.fold(word), default: 0] |= list.bit }
        }
        return keys
    }

    /// Adds every word of the lists to the vocabulary being built; ``seal(_:)`` then numbers them.
    init(lexicon: Lexicon, vocabulary: inout Vocabulary) {
        byKey = Self.keys(lexicon)
        for key in byKey.keys { _ = vocabulary.add(key) }
    }

    /// A table that looks tokens up by key, for tokens without vocabulary ids.
    private init(keys: [String: UInt64]) {
        byKey = keys
    }

    /// The built-in lexicon's lists by key.
    static let builtin = WordListTable(keys: keys(.builtin))

    /// Turns the key table into the id table once the vocabulary is sealed.
    mutating func seal(_ vocabulary: Vocabulary) {
        byWord = Array(repeating: 0, count: vocabulary.count)
        for (key, bits) in byKey { byWord[Int(vocabulary.id(of: key))] |= bits }
        byKey = [:]
    }

    /// Whether `token` is a word of `list`.
    func contains(_ list: WordList, _ token: Token) -> Bool {
        let word = Int(token.word)
        if word >= 0 { return word < byWord.count && byWord[word] & list.bit != 0 }
        return !byKey.isEmpty && (byKey[token.key] ?? 0) & list.bit != 0
    }
}
