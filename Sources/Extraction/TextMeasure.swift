/// Counts what the rules measure text by, straight from UTF-8 bytes: letters (non-space characters) and commas.
///
/// Letters rather than bytes, so that link density and length thresholds mean the same for English, Russian and
/// Japanese pages; commas (Latin, CJK and Arabic) are Readability's measure of prose.
enum TextMeasure {
    static func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> (letters: Int32, commas: Int32) {
        var letters: Int32 = 0
        var commas: Int32 = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B: continue
                case UInt8(ascii: ","): commas += 1
                default: break
                }
                letters += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            index += length
            if scalar.isExtractionWhitespace { continue }
            letters += 1
            if scalar == "\u{FF0C}" || scalar == "\u{3001}" || scalar == "\u{060C}" { commas += 1 }
        }
        return (letters, commas)
    }

    /// The scalar starting at `index` of well-formed UTF-8 (the parser repaired it), and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let count = bytes.count
        func next(_ offset: Int) -> UInt32 { index + offset < count ? UInt32(bytes[index + offset]) & 0x3F : 0 }
        if lead < 0xE0 { return (Unicode.Scalar((lead & 0x1F) << 6 | next(1)) ?? "\u{FFFD}", 2) }
        if lead < 0xF0 { return (Unicode.Scalar((lead & 0x0F) << 12 | next(1) << 6 | next(2)) ?? "\u{FFFD}", 3) }
        return (Unicode.Scalar((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)) ?? "\u{FFFD}", 4)
    }
}
