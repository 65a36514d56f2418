internal import Foundation

/// Decodes plain-text bytes in the charset a server declared, UTF-8 when it declared none.
///
/// HTML decoding is libxml2's job; this only serves text files and `text/plain` responses. Invalid bytes become
/// U+FFFD rather than failing: a few mangled characters must not lose a whole article.
enum TextDecoding {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let charset = charset?.lowercased().trimmingASCIIWhitespace(), !charset.isEmpty,
            let encoding = encoding(named: charset), encoding != .utf8,
            let decoded = String(bytes: body, encoding: encoding)
        else {
            return String(decoding: body, as: UTF8.self)
        }
        return decoded
    }

    /// The Foundation encoding for an IANA charset name, for the charsets news servers actually send.
    static func encoding(named name: String) -> String.Encoding? {
        switch name {
        case "utf-8", "utf8": return .utf8
        case "us-ascii", "ascii": return .ascii
        case "iso-8859-1", "latin1", "iso_8859-1", "l1": return .isoLatin1
        case "iso-8859-2", "latin2": return .isoLatin2
        case "windows-1252", "cp1252": return .windowsCP1252
        case "windows-1250", "cp1250": return .windowsCP1250
        case "windows-1251", "cp1251": return .windowsCP1251
        case "windows-1253", "cp1253": return .windowsCP1253
        case "windows-1254", "cp1254": return .windowsCP1254
        case "utf-16", "utf16": return .utf16
        case "utf-16le": return .utf16LittleEndian
        case "utf-16be": return .utf16BigEndian
        case "shift_jis", "shift-jis", "sjis": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        default: return nil
        }
    }
}
