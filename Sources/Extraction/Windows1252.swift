/// windows-1252, the encoding browsers use for pages labelled ISO-8859-1 or ASCII and for undeclared pages that are
/// not UTF-8.
///
/// It is Latin-1 except for 0x80–0x9F, where it has curly quotes, dashes and the euro sign. Decoded here rather than
/// through iconv: it is the most common legacy encoding by far, and every byte has a meaning, so decoding never fails.
enum Windows1252 {
    /// 0x80–0x9F; zero where windows-1252 leaves the byte to the C1 control of the same number.
    private static let c1: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]

    /// The character a byte 0x80–0x9F stands for, or `nil` when it is a bare C1 control.
    static func c1Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard byte >= 0x80, byte <= 0x9F else { return nil }
        let value = c1[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// The bytes decoded to UTF-8.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                result.append(byte)
                continue
            }
            let scalar = c1Scalar(byte) ?? Unicode.Scalar(byte)
            result.append(contentsOf: UTF8.encode(scalar)!)
        }
        return result
    }
}
