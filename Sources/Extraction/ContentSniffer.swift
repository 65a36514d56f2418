/// Decides whether bytes are an HTML page or plain text, from the cheapest reliable signal first.
///
/// Order: the declared content type (when it is specific), the file extension, then the bytes themselves: a
/// document that starts (after a byte-order mark and whitespace) with `<` followed by a letter, `!` or `?` is markup.
enum ContentSniffer {
    enum Format: Sendable, Equatable {
        case html
        case plainText
    }

    static func format(of bytes: [UInt8], url: String, contentType: String?) -> Format {
        if let contentType = contentType?.lowercased() {
            let mime = contentType.split(separator: ";").first.map { $0.trimmingCharacters() } ?? ""
            if mime == "text/html" || mime == "application/xhtml+xml" { return .html }
            if mime == "text/plain" || mime == "text/markdown" { return .plainText }
        }
        let path = URLText.path(url).lowercased()
        if path.hasSuffix(".html") || path.hasSuffix(".htm") || path.hasSuffix(".xhtml") { return .html }
        if path.hasSuffix(".txt") || path.hasSuffix(".text") || path.hasSuffix(".md") { return .plainText }
        return startsWithMarkup(bytes) ? .html : .plainText
    }

    /// Whether the bytes are not text: a PDF signature, or in the first 4 KiB several NUL bytes or more than 5%
    /// control characters (text has none but tab and line breaks; images, archives and compressed data are full of
    /// them). UTF-16, announced by a byte-order mark or the declared `charset`, is text with NUL bytes.
    static func isBinary(_ bytes: [UInt8], charset: String?) -> Bool {
        if bytes.starts(with: Array("%PDF-".utf8)) { return true }
        let head = bytes.prefix(4096)
        var nuls = 0
        var controls = 0
        for byte in head where byte < 0x20 {
            if byte == 0 { nuls += 1 }
            if byte < 0x09 || (byte > 0x0D && byte != 0x1B) { controls += 1 }
        }
        guard nuls >= 4 || controls * 20 > head.count else { return false }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return false
        }
        switch charset.flatMap(CharacterEncoding.init(label:)) {
        case .utf16LittleEndian?, .utf16BigEndian?: return false
        case .iconv(let name)?: return !name.hasPrefix("UTF-16") && !name.hasPrefix("UTF-32")
        default: return true
        }
    }

    static func startsWithMarkup(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count, bytes[index].isASCIIWhitespace { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "<") else { return false }
        let next = bytes[index + 1]
        return next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
            || (next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z"))
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(self).trimmingASCIIWhitespace()
    }
}
