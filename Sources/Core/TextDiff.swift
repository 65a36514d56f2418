/// What an article edit added and removed, sentence by sentence, in reading order.
public struct TextDiff: Hashable, Codable, Sendable {
    public var added: [String]
    public var removed: [String]

    public init(added: [String], removed: [String]) {
        self.added = added
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty }

    /// The sentences of `new` not in `old` and of `old` not in `new`, by a longest-common-subsequence alignment,
    /// so a sentence moved within the text counts as removed and added only if the order of the rest requires it.
    ///
    /// Quadratic in the number of sentences; texts beyond `limit` sentences are compared as sets instead, which a
    /// news article never reaches but a hostile page might.
    public static func between(_ old: [String], _ new: [String], limit: Int = 2000) -> TextDiff {
        guard old.count <= limit, new.count <= limit else {
            let oldSet = Set(old)
            let newSet = Set(new)
            return TextDiff(added: new.filter { !oldSet.contains($0) }, removed: old.filter { !newSet.contains($0) })
        }
        // lengths[i][j]: the LCS length of old[i...] and new[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var added: [String] = []
        var removed: [String] = []
        var i = 0
        var j = 0
        while i < old.count && j < new.count {
            if old[i] == new[j] {
                i += 1
                j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                removed.append(old[i])
                i += 1
            } else {
                added.append(new[j])
                j += 1
            }
        }
        removed += old[i...]
        added += new[j...]
        return TextDiff(added: added, removed: removed)
    }
}
