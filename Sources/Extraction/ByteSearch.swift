#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches over a page, through the C library's vectorised `memchr`.
///
/// Most of a page's bytes are script, style and attribute values that the parser only needs to skip; finding the
/// next `<` or closing quote sixteen or more bytes at a time is what makes skipping them nearly free.
enum ByteSearch {
    /// The index of the first `byte` in `input[from..<to]`, or `to` when there is none.
    @inline(__always)
    static func first(_ byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = input.baseAddress else { return to }
        guard let found = memchr(base + from, Int32(byte), to - from) else { return to }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first occurrence of `needle` in `input[from..<to]`, or `to` when there is none.
    static func first(_ needle: StaticString, in input: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let length = needle.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: length)
        var start = from
        while start + length <= to {
            let candidate = first(pattern[0], in: input, from: start, to: to - length + 1)
            guard candidate <= to - length else { return to }
            var offset = 1
            while offset < length, input[candidate + offset] == pattern[offset] { offset += 1 }
            if offset == length { return candidate }
            start = candidate + 1
        }
        return to
    }
}
