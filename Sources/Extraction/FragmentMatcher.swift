/// Finds which of several lists of lower-case fragments occur inside a word ("share" in "articlesharetools").
///
/// All lists are matched in one pass: fragments are indexed by their first byte, so each position of the word is
/// compared only with the few fragments that could start there, and the result says which lists had a match.
struct FragmentMatcher: Sendable {
    /// Every fragment's bytes, one after the other.
    private let bytes: [UInt8]
    /// Per fragment: where its bytes start, its length and the bit of its list.
    private let starts: [Int32]
    private let lengths: [Int32]
    private let groupBits: [UInt8]
    /// The fragments that start with byte `b` are `candidates[firstOffsets[b]..<firstOffsets[b + 1]]`.
    private let firstOffsets: [Int32]
    private let candidates: [Int32]
    /// Bit `second` of row `first` (four words of 64 bits per first byte) is set when some fragment starts with
    /// those two bytes: most positions of a word are ruled out by this one test.
    private let pairs: [UInt64]
    /// The shortest fragment: a shorter word holds none.
    private let shortest: Int

    /// - Parameter groups: Up to eight lists; a match in list `i` sets bit `i` of ``groups(in:)``.
    init(groups: [[String]]) {
        precondition(groups.count <= 8)
        var fragments: [([UInt8], UInt8)] = []
        for (group, list) in groups.enumerated() {
            for fragment in list where !fragment.isEmpty { fragments.append((Array(fragment.utf8), 1 << UInt8(group))) }
        }
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var lengths: [Int32] = []
        var bits: [UInt8] = []
        for (fragment, bit) in fragments {
            starts.append(Int32(bytes.count))
            lengths.append(Int32(fragment.count))
            bits.append(bit)
            bytes.append(contentsOf: fragment)
        }
        var offsets = [Int32](repeating: 0, count: 257)
        var candidates: [Int32] = []
        for first in 0..<256 {
            offsets[first] = Int32(candidates.count)
            for (index, (fragment, _)) in fragments.enumerated() where Int(fragment[0]) == first {
                candidates.append(Int32(index))
            }
        }
        offsets[256] = Int32(candidates.count)
        var pairs = [UInt64](repeating: 0, count: 256 * 4)
        for (fragment, _) in fragments {
            let second = fragment.count > 1 ? Int(fragment[1]) : -1
            let row = Int(fragment[0]) * 4
            if second < 0 {
                for word in 0..<4 { pairs[row + word] = .max }
            } else {
                pairs[row + second / 64] |= 1 << UInt64(second % 64)
            }
        }
        self.pairs = pairs
        shortest = fragments.map(\.0.count).min() ?? 0
        self.bytes = bytes
        self.starts = starts
        self.lengths = lengths
        groupBits = bits
        firstOffsets = offsets
        self.candidates = candidates
    }

    init(_ list: [String]) { self.init(groups: [list]) }

    /// The lists with a fragment in `word`, one bit each.
    func groups(in word: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var found: UInt8 = 0
        let count = word.count
        guard count >= shortest else { return 0 }
        bytes.withUnsafeBufferPointer { bytes in
            for start in 0..<count {
                let first = Int(word[start])
                let second = start + 1 < count ? Int(word[start + 1]) : 0
                guard pairs[first * 4 + second / 64] & (1 << UInt64(second % 64)) != 0 else { continue }
                var position = Int(firstOffsets[first])
                let last = Int(firstOffsets[first + 1])
                while position < last {
                    let candidate = Int(candidates[position])
                    position += 1
                    guard found & groupBits[candidate] == 0 else { continue }
                    let length = Int(lengths[candidate])
                    guard start + length <= count else { continue }
                    let fragmentStart = Int(starts[candidate])
                    var offset = 1
                    while offset < length, word[start + offset] == bytes[fragmentStart + offset] { offset += 1 }
                    if offset == length { found |= groupBits[candidate] }
                }
            }
        }
        return found
    }

    /// Whether a fragment of any list occurs in `word`.
    func matches(_ word: UnsafeBufferPointer<UInt8>) -> Bool { groups(in: word) != 0 }
}
