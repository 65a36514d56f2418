/// Finds whether any of a fixed list of lower-case fragments occurs inside a word ("share" in "articlesharetools").
///
/// Fragments are indexed by their first byte, so each position of the word is compared only with the few fragments
/// that could start there.
struct FragmentMatcher: Sendable {
    private let fragments: [[UInt8]]
    /// For each byte value, the fragments that start with it.
    private let byFirstByte: [[Int]]

    init(_ list: [String]) {
        fragments = list.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var index = [[Int]](repeating: [], count: 256)
        for (position, fragment) in fragments.enumerated() { index[Int(fragment[0])].append(position) }
        byFirstByte = index
    }

    /// Whether some fragment occurs in `word`.
    func matches(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = word.count
        for start in 0..<count {
            for candidate in byFirstByte[Int(word[start])] {
                let fragment = fragments[candidate]
                guard start + fragment.count <= count else { continue }
                var offset = 1
                while offset < fragment.count, word[start + offset] == fragment[offset] { offset += 1 }
                if offset == fragment.count { return true }
            }
        }
        return false
    }

    func matches(_ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { matches($0) }
    }
}
