/// A trie over folded token keys, so that every multi-word phrase of the lexicon and gazetteer is matched in one
/// pass over the tokens instead of one search per phrase.
struct PhraseTrie<Payload: Sendable>: Sendable {
    private struct Node: Sendable {
        var children: [String: Int] = [:]
        var payloads: [Payload] = []
    }

    private var nodes: [Node] = [Node()]

    /// Adds a phrase, tokenized the same way as article text.
    mutating func insert(_ phrase: String, _ payload: Payload) {
        let keys = Self.keys(of: phrase)
        guard !keys.isEmpty else { return }
        var node = 0
        for key in keys {
            if let next = nodes[node].children[key] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[key] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].payloads.append(payload)
    }

    /// Every phrase that starts at `start`, as (token count, payloads), shortest first.
    func matches(_ tokens: [Token], at start: Int, limit: Int) -> [(length: Int, payloads: [Payload])] {
        var result: [(Int, [Payload])] = []
        var node = 0
        var index = start
        while index < limit, let next = nodes[node].children[tokens[index].key] {
            node = next
            index += 1
            if !nodes[node].payloads.isEmpty { result.append((index - start, nodes[node].payloads)) }
        }
        return result
    }

    /// The longest phrase that starts at `start`.
    func longest(_ tokens: [Token], at start: Int, limit: Int) -> (length: Int, payloads: [Payload])? {
        matches(tokens, at: start, limit: limit).last
    }

    static func keys(of phrase: String) -> [String] {
        Tokenizer.tokenize(Array(phrase.unicodeScalars)).map(\.key)
    }
}
