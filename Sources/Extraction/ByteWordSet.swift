/// Fixed lists of short lower-case words, looked up by their UTF-8 bytes without building a string.
///
/// The class-name rules ask "is this token a furniture word?" thousands of times per page; hashing a few bytes
/// and comparing them is several times cheaper than a `Set<String>` lookup. Several lists share one table, and a
/// lookup says which of them hold the word.
struct ByteWordSet: Sendable {
    private let bytes: [UInt8]
    /// Per slot: the word's start in ``bytes`` (-1 when the slot is empty), its length and its lists' bits.
    private let starts: [Int32]
    private let lengths: [Int32]
    private let bits: [UInt8]
    private let mask: Int
    /// The shortest and longest words: anything else is rejected without hashing.
    private let wordLengths: ClosedRange<Int>

    /// - Parameter groups: Up to eight lists; a word of list `i` has bit `i` set in ``groups(of:)``.
    init(groups: [[String]]) {
        precondition(groups.count <= 8)
        var membership: [String: UInt8] = [:]
        for (group, list) in groups.enumerated() {
            for word in list { membership[word, default: 0] |= 1 << UInt8(group) }
        }
        var size = 16
        while size < membership.count * 4 { size *= 2 }
        var bytes: [UInt8] = []
        var starts = [Int32](repeating: -1, count: size)
        var lengths = [Int32](repeating: 0, count: size)
        var bits = [UInt8](repeating: 0, count: size)
        for (word, groupBits) in membership {
            let utf8 = Array(word.utf8)
            var slot = utf8.withUnsafeBufferPointer { Self.hash($0) } & (size - 1)
            while starts[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            starts[slot] = Int32(bytes.count)
            lengths[slot] = Int32(utf8.count)
            bits[slot] = groupBits
            bytes.append(contentsOf: utf8)
        }
        self.bytes = bytes
        self.starts = starts
        self.lengths = lengths
        self.bits = bits
        mask = size - 1
        let counts = membership.keys.map(\.utf8.count)
        wordLengths = (counts.min() ?? 0)...(counts.max() ?? 0)
    }

    init(_ words: [String]) { self.init(groups: [words]) }

    /// The lists that hold `word`, one bit each.
    func groups(of word: UnsafeBufferPointer<UInt8>) -> UInt8 {
        guard wordLengths.contains(word.count) else { return 0 }
        var slot = Self.hash(word) & mask
        while true {
            let start = Int(starts[slot])
            if start < 0 { return 0 }
            if Int(lengths[slot]) == word.count {
                var equal = true
                for offset in 0..<word.count where bytes[start + offset] != word[offset] {
                    equal = false
                    break
                }
                if equal { return bits[slot] }
            }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool { groups(of: word) != 0 }

    /// FNV-1a: short words, one multiply per byte.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }
}
