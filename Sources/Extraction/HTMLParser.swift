/// Parses a page's bytes into an ``HTMLTree``: decides the encoding, then scans and builds the tree in one pass.
///
/// The encoding comes from the charset the server declared, else a byte-order mark, else the page's own `<meta>`
/// declaration; an undeclared page is UTF-8 unless its text is mostly invalid UTF-8, which makes it windows-1252
/// (what browsers assume for undeclared legacy pages). Invalid sequences become U+FFFD; nothing in the bytes can
/// make parsing fail.
///
/// Why not libxml2, which factwatch used before: its HTML parser reads a page a character at a time and allocates
/// every node and attribute; with no-op SAX callbacks it alone costs about 1.4 ms per page on the development pages,
/// more than the whole extraction may take (see README, "Extraction"). This parser skips what the rules never read
/// (scripts, styles, most attributes) with vectorised byte searches and builds the compact tree directly.
public enum HTMLParser {
    /// Larger inputs are refused: far beyond any article, and the tree's 32-bit offsets stay safe.
    public static let maximumBytes = 512 * 1024 * 1024

    /// Parses `html`.
    ///
    /// - Parameters:
    ///   - html: The bytes as served.
    ///   - url: Where they came from; only used in errors.
    ///   - charset: The charset from the HTTP `Content-Type` header, which wins over the page's own declaration.
    ///     An unknown label is ignored.
    /// - Throws: ``ExtractionError`` `.empty` for no bytes, `.tooLarge` beyond ``maximumBytes``.
    public static func parse(html: [UInt8], url: String, charset: String? = nil) throws(ExtractionError) -> HTMLTree {
        guard !html.isEmpty else {
            throw ExtractionError(code: .empty, url: url, detail: "the page has no bytes")
        }
        guard html.count <= maximumBytes else {
            throw ExtractionError(
                code: .tooLarge,
                url: url,
                detail: "\(html.count) bytes is more than the \(maximumBytes) an HTML page may have"
            )
        }
        return html.withUnsafeBufferPointer { bytes in
            let mark = CharacterEncoding.byteOrderMark(bytes)
            let body = UnsafeBufferPointer(rebasing: bytes[(mark?.length ?? 0)...])
            if let declared = charset.flatMap(CharacterEncoding.init(label:)) { return parse(body, in: declared) }
            if let mark { return parse(body, in: mark.encoding) }
            // Every encoding a <meta> can name reads ASCII as ASCII, so the markup can be read before deciding.
            var scanner = HTMLScanner(input: body)
            scanner.run()
            if let label = scanner.builder.declaredCharset, let named = CharacterEncoding(label: label) {
                // A page cannot declare UTF-16 in markup it could be read in; the standard reads that as UTF-8.
                let encoding = named.isASCIICompatible ? named : .utf8
                return encoding == .utf8 ? scanner.finish() : parse(body, in: encoding)
            }
            let tally = scanner.builder.tally
            if tally.invalid > 0, tally.invalid > tally.multibyte { return parse(body, in: .windows1252) }
            return scanner.finish()
        }
    }

    /// Parses bytes known to be in `encoding`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, in encoding: CharacterEncoding) -> HTMLTree {
        guard encoding != .utf8 else {
            var scanner = HTMLScanner(input: bytes)
            scanner.run()
            return scanner.finish()
        }
        let decoded = Transcoder.utf8(bytes, from: encoding)
        return decoded.withUnsafeBufferPointer { utf8 in
            var scanner = HTMLScanner(input: utf8)
            scanner.run()
            return scanner.finish()
        }
    }
}
