/// The last bytes a hook wrote to one of its output streams, within a fixed memory budget.
///
/// A hook may print megabytes (a verbose `curl -v`, a stack trace loop); the daemon must neither run out of memory
/// nor fail the delivery for it. Keeping the *end* of the stream is what helps when diagnosing a failure: the
/// error message is usually the last thing a program prints.
struct OutputTail: Hashable, Sendable {
    /// How many bytes to keep.
    let limit: Int
    /// Every byte the stream produced, kept or not.
    private(set) var totalBytes = 0
    /// Holds up to twice `limit` bytes between trims, so that appending is amortised O(1) per byte.
    private var buffer: [UInt8] = []

    init(limit: Int) {
        precondition(limit > 0, "an output tail needs room for at least one byte")
        self.limit = limit
    }

    mutating func append(contentsOf bytes: some Collection<UInt8>) {
        totalBytes += bytes.count
        if bytes.count >= limit {
            buffer = Array(bytes.suffix(limit))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count > 2 * limit {
            buffer.removeFirst(buffer.count - limit)
        }
    }

    /// The kept bytes: at most `limit`, the end of the stream.
    var keptBytes: ArraySlice<UInt8> { buffer.suffix(limit) }

    /// How many bytes from the start of the stream were dropped.
    var omittedBytes: Int { totalBytes - keptBytes.count }

    /// The tail as text, with a marker in front when the start was dropped. Invalid UTF-8 is replaced, and a
    /// multi-byte character cut in half by the truncation is skipped rather than shown as a replacement character.
    var text: String {
        var kept = keptBytes
        guard omittedBytes > 0 else { return String(decoding: kept, as: UTF8.self) }
        while let first = kept.first, first & 0b1100_0000 == 0b1000_0000 {
            kept = kept.dropFirst()
        }
        return Self.truncationMarker(omittedBytes: totalBytes - kept.count) + String(decoding: kept, as: UTF8.self)
    }

    /// The line that replaces the dropped start of a stream.
    static func truncationMarker(omittedBytes: Int) -> String {
        "[factwatch: \(omittedBytes) earlier bytes omitted]\n"
    }
}
