/// Folded words of the lexicon and gazetteer, numbered densely, so that tokens are looked up once per article and
/// every trie then matches by integer.
///
/// After ``seal()`` lookups use an open-addressing table keyed by the FNV-1a hash the tokenizer computes while it
/// folds each word, so a token costs one probe and one short string comparison instead of a full `Hasher` pass.
struct Vocabulary: Sendable {
    private(set) var ids: [String: Int32] = [:]
    private var slots: [Int32] = []
    private var words: [String] = []
    private var mask: UInt64 = 0

    var count: Int { ids.count }

    /// The id of `key`, adding it when new.
    mutating func add(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }

    /// Builds the lookup table; call once every word is added.
    mutating func seal() {
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        slots = Array(repeating: -1, count: capacity)
        words = Array(repeating: "", count: ids.count)
        mask = UInt64(capacity - 1)
        for (word, id) in ids {
            words[Int(id)] = word
            var slot = Int(Self.hash(word) & mask)
            while slots[slot] >= 0 { slot = (slot + 1) & Int(mask) }
            slots[slot] = id
        }
    }

    /// The id of `key`, or -1 for a word no phrase uses.
    func id(of key: String) -> Int32 { id(of: key, hash: Self.hash(key)) }

    /// The id of `key` whose ``hash(_:)`` is already known (tokens carry it).
    func id(of key: String, hash: UInt64) -> Int32 {
        guard !slots.isEmpty else { return ids[key] ?? -1 }
        var slot = Int(hash & mask)
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            if words[Int(id)] == key { return id }
            slot = (slot + 1) & Int(mask)
        }
    }

    /// FNV-1a over the UTF-8 bytes.
    static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// A trie over the vocabulary ids of folded token keys, so that every multi-word phrase of the lexicon and gazetteer
/// is matched in one pass over the tokens instead of one search per phrase.
///
/// The first word is looked up in a dense array indexed by word id (most tokens start no phrase, and this answers
/// them without hashing); deeper words in small per-node tables.
struct PhraseTrie<Payload: Sendable>: Sendable {
    private struct Node: Sendable {
        /// Filled while phrases are inserted; ``seal(vocabularySize:)`` copies it into the sorted arrays below.
        var children: [Int32: Int32] = [:]
        /// Child word ids, ascending, and the child node of each: a node has a handful of children, so a short scan
        /// of integers beats hashing into a dictionary on every token.
        var childWords: [Int32] = []
        var childNodes: [Int32] = []
        var payloads: [Payload] = []

        func child(_ word: Int32) -> Int32? {
            for (index, candidate) in childWords.enumerated() {
                if candidate == word { return childNodes[index] }
                if candidate > word { return nil }
            }
            return nil
        }
    }

    private var nodes: [Node] = [Node()]
    /// Word id → child of the root (-1: none); filled by ``seal(vocabularySize:)``.
    private var roots: [Int32] = []

    /// Adds a phrase, tokenized the same way as article text.
    mutating func insert(_ phrase: String, _ payload: Payload, vocabulary: inout Vocabulary) {
        let keys = Self.keys(of: phrase)
        guard !keys.isEmpty else { return }
        var node = 0
        for key in keys {
            let word = vocabulary.add(key)
            if let next = nodes[node].children[word] {
                node = Int(next)
            } else {
                nodes.append(Node())
                nodes[node].children[word] = Int32(nodes.count - 1)
                node = nodes.count - 1
            }
        }
        nodes[node].payloads.append(payload)
    }

    /// Builds the dense root table once every phrase of every trie sharing the vocabulary is inserted.
    mutating func seal(vocabularySize: Int) {
        roots = Array(repeating: -1, count: vocabularySize)
        for (word, child) in nodes[0].children where Int(word) < vocabularySize {
            roots[Int(word)] = child
        }
        for index in nodes.indices {
            let sorted = nodes[index].children.sorted { $0.key < $1.key }
            nodes[index].childWords = sorted.map(\.key)
            nodes[index].childNodes = sorted.map(\.value)
        }
    }

    /// Every phrase that starts at `start`, as (token count, payloads), shortest first.
    func matches(_ tokens: [Token], at start: Int, limit: Int) -> [(length: Int, payloads: [Payload])] {
        guard start < limit else { return [] }
        let first = Int(tokens[start].word)
        guard first >= 0, first < roots.count, roots[first] >= 0 else { return [] }
        var node = Int(roots[first])
        var index = start + 1
        var result: [(Int, [Payload])] = []
        if !nodes[node].payloads.isEmpty { result.append((1, nodes[node].payloads)) }
        while index < limit, !nodes[node].childWords.isEmpty, tokens[index].word >= 0,
            let next = nodes[node].child(tokens[index].word)
        {
            node = Int(next)
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
