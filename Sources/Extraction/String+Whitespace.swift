/// Whitespace handling shared by the extraction rules.
///
/// Pages use every kind of space (tabs, newlines from source formatting, no-break spaces, zero-width spaces from
/// CMS editors); the article text must not depend on any of them, so paragraphs are reduced to single ASCII spaces.
extension String {
    /// The text with every run of whitespace (Unicode spaces, line breaks, zero-width spaces) turned into one
    /// space, and none at either end.
    func collapsingWhitespace() -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isExtractionWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.append(" ")
                    pendingSpace = false
                }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// UTF-8 text with whitespace collapsed as ``collapsingWhitespace()`` does, read straight from bytes (which
    /// must be well-formed, as the parser's are).
    init(collapsingWhitespaceIn bytes: UnsafeBufferPointer<UInt8>) {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var length = 1
            let isSpace: Bool
            if byte < 0x80 {
                isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            } else {
                let (scalar, scalarLength) = TextMeasure.decode(bytes, at: index)
                length = scalarLength
                isSpace = scalar.isExtractionWhitespace
            }
            if isSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.append(0x20)
                    pendingSpace = false
                }
                if length == 1 {
                    result.append(byte)
                } else {
                    result.append(
                        contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<Swift.min(index + length, count)])
                    )
                }
            }
            index += length
        }
        self = String(decoding: result, as: UTF8.self)
    }

    /// The text without leading and trailing ASCII spaces, tabs and line breaks.
    func trimmingASCIIWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !$0.isASCIIWhitespace }) else { return "" }
        let last = bytes.lastIndex(where: { !$0.isASCIIWhitespace })!
        return String(self[first...last])
    }

    /// The text with whitespace collapsed, or `nil` when nothing but whitespace is left.
    var nonBlankCollapsed: String? {
        let collapsed = collapsingWhitespace()
        return collapsed.isEmpty ? nil : collapsed
    }
}

extension Unicode.Scalar {
    /// Whitespace for text extraction: Unicode white space plus the zero-width characters editors leave behind.
    ///
    /// The Unicode `White_Space` set is small and fixed, so it is spelled out rather than looked up in the
    /// character database, which made this test the single most expensive call of an extraction.
    var isExtractionWhitespace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0xA0, 0x85: return true
        case 0..<0x80: return false
        // Zero-width space, word joiner and BOM; the zero-width (non-)joiners are left alone, they shape words.
        case 0x200B, 0xFEFF, 0x2060: return true
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

extension UInt8 {
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0C }
}
