/// Copies bytes that should be UTF-8, replacing every ill-formed sequence with U+FFFD (one per maximal invalid
/// subpart, as browsers do), so that everything downstream can trust its strings.
///
/// Validation runs only over the text the parser keeps (text nodes and a few attribute values), not over scripts
/// and styles, which are most of a modern page's bytes.
enum UTF8Repair {
    /// What a copy found, to tell an undeclared legacy page (many bad bytes, few good sequences) from a UTF-8 page
    /// with a few stray bytes.
    struct Tally: Sendable {
        /// Ill-formed sequences replaced.
        var invalid = 0
        /// Well-formed multi-byte sequences.
        var multibyte = 0

        mutating func add(_ other: Tally) {
            invalid += other.invalid
            multibyte += other.multibyte
        }
    }

    /// Appends `source` to `destination`, repaired.
    @discardableResult
    static func append(_ source: UnsafeBufferPointer<UInt8>, to destination: inout [UInt8]) -> Tally {
        var tally = Tally()
        let count = source.count
        guard count > 0 else { return tally }
        if isASCII(source) {
            destination.append(contentsOf: source)
            return tally
        }
        var runStart = 0
        var index = 0
        while index < count {
            let byte = source[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = validSequenceLength(source, at: index)
            if length > 0 {
                tally.multibyte += 1
                index += length
                continue
            }
            destination.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            destination.append(contentsOf: [0xEF, 0xBF, 0xBD])
            tally.invalid += 1
            index += max(1, invalidPrefixLength(source, at: index))
            runStart = index
        }
        destination.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count]))
        return tally
    }

    /// What a copy of `source` would find, without copying.
    static func tally(_ source: UnsafeBufferPointer<UInt8>) -> Tally {
        var tally = Tally()
        guard !isASCII(source) else { return tally }
        var index = 0
        while index < source.count {
            guard source[index] >= 0x80 else {
                index += 1
                continue
            }
            let length = validSequenceLength(source, at: index)
            if length > 0 {
                tally.multibyte += 1
                index += length
            } else {
                tally.invalid += 1
                index += max(1, invalidPrefixLength(source, at: index))
            }
        }
        return tally
    }

    /// Whether every byte is below 0x80, checked eight bytes at a time.
    static func isASCII(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = source.baseAddress else { return true }
        let count = source.count
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if source[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The length of the well-formed sequence starting at `index` (a byte ≥ 0x80), or 0 when it is ill-formed.
    static func validSequenceLength(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let count = source.count
        let lead = source[index]
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && source[index + offset] >= low && source[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// How many bytes of an ill-formed sequence form its maximal subpart (a lead byte and the continuation bytes
    /// that could still have followed it), so that one replacement character stands for all of them.
    private static func invalidPrefixLength(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = source[index]
        let expected: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: expected = 2
        case 0xE0:
            expected = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: expected = 3
        case 0xED:
            expected = 3
            high = 0x9F
        case 0xF0:
            expected = 4
            low = 0x90
        case 0xF1...0xF3: expected = 4
        case 0xF4:
            expected = 4
            high = 0x8F
        default: return 1
        }
        var length = 1
        while length < expected, index + length < source.count {
            let byte = source[index + length]
            let (lower, upper) = length == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= lower, byte <= upper else { break }
            length += 1
        }
        return length
    }
}
