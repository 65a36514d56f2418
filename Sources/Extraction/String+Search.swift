/// Substring search on UTF-8 bytes.
///
/// The standard library's `contains(_: some StringProtocol)` builds a search table on every call; the extractor asks
/// thousands of short "does this class name contain 'share'" questions per page, where a plain byte loop is an
/// order of magnitude faster.
extension StringProtocol {
    /// Whether `needle` occurs in the string, comparing UTF-8 bytes exactly.
    func includes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard !pattern.isEmpty else { return true }
            if let found = utf8.withContiguousStorageIfAvailable({ Self.search(pattern, in: $0) }) { return found }
            return Array(utf8).withUnsafeBufferPointer { Self.search(pattern, in: $0) }
        }
    }

    private static func search(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard pattern.count <= text.count else { return false }
        let first = pattern[0]
        var start = 0
        let lastStart = text.count - pattern.count
        while start <= lastStart {
            if text[start] == first {
                var offset = 1
                while offset < pattern.count, text[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            start += 1
        }
        return false
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes start with the ASCII `prefix`, compared exactly.
    func hasPrefix(_ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard count >= length else { return false }
        let pattern = prefix.utf8Start
        for offset in 0..<length where self[offset] != pattern[offset] { return false }
        return true
    }

    /// Whether the bytes spell `text` (ASCII) in any letter case.
    func equalsIgnoringASCIICase(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        let pattern = text.utf8Start
        for offset in 0..<count {
            let byte = self[offset]
            let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if lowered != pattern[offset] { return false }
        }
        return true
    }
}
