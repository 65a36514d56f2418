/// Decodes plain-text bytes to a string in the same order of evidence as HTML pages: the charset the server
/// declared, a byte-order mark, else UTF-8, or windows-1252 when the bytes are mostly not UTF-8.
///
/// Invalid bytes become U+FFFD rather than failing: a few mangled characters must not lose a whole article.
enum TextDecoding {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        bytes.withUnsafeBufferPointer { all in
            let mark = CharacterEncoding.byteOrderMark(all)
            let body = UnsafeBufferPointer(rebasing: all[(mark?.length ?? 0)...])
            let encoding =
                charset.flatMap(CharacterEncoding.init(label:)) ?? mark?.encoding ?? undeclaredEncoding(of: body)
            return String(decoding: Transcoder.utf8(body, from: encoding), as: UTF8.self)
        }
    }

    /// UTF-8, unless invalid sequences outnumber valid multi-byte ones: then the text is in a legacy single-byte
    /// encoding, and windows-1252 is what browsers assume.
    static func undeclaredEncoding(of bytes: UnsafeBufferPointer<UInt8>) -> CharacterEncoding {
        let tally = UTF8Repair.tally(bytes)
        return tally.invalid > 0 && tally.invalid > tally.multibyte ? .windows1252 : .utf8
    }
}
