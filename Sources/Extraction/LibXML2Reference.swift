internal import CLibXML2

/// libxml2's HTML parser, kept as a yardstick for ``HTMLParser``: `factwatch bench extract` reports its parse time
/// as the baseline of the same run, and tests compare the text both parsers find in a page.
///
/// Not used by the extraction itself (see ``HTMLParser`` for why).
public enum LibXML2Reference {
    /// libxml2's global tables must be set up once before parsers run on several threads at a time; a static
    /// `let` initialiser runs exactly once, whichever thread gets there first.
    private static let parserReady: Void = xmlInitParser()

    /// Parses `html` into libxml2's DOM and frees it: the cost every libxml2-based extractor pays before its rules
    /// run. Returns whether libxml2 produced a document.
    @discardableResult
    public static func parse(_ html: [UInt8]) -> Bool {
        guard let document = document(html) else { return false }
        xmlFreeDoc(document)
        return true
    }

    /// The text libxml2 finds under `<body>`, outside scripts, styles and comments, with whitespace collapsed:
    /// what a reader of the page could see.
    public static func bodyText(_ html: [UInt8]) -> String {
        guard let document = document(html) else { return "" }
        defer { xmlFreeDoc(document) }
        var bytes: [UInt8] = []
        // An explicit walk over children/next/parent links: pages nest deeply enough to make recursion a risk.
        var current = document.pointee.children
        while let node = current {
            if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content, isReadable(node) {
                bytes.append(contentsOf: Array(String(cString: content).utf8))
                bytes.append(0x20)
            }
            if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
                current = child
                continue
            }
            var cursor: xmlNodePtr? = node
            current = nil
            while let done = cursor {
                if let next = done.pointee.next {
                    current = next
                    break
                }
                cursor = done.pointee.parent
            }
        }
        return String(decoding: bytes, as: UTF8.self).collapsingWhitespace()
    }

    /// Whether a text node lies under `<body>` and outside anything whose text is not shown.
    private static func isReadable(_ node: xmlNodePtr) -> Bool {
        var inBody = false
        var ancestor = node.pointee.parent
        while let element = ancestor {
            let name = element.pointee.name.map { String(cString: $0) } ?? ""
            if ["script", "style", "noscript", "template", "iframe", "title"].contains(name) { return false }
            if name == "body" { inBody = true }
            ancestor = element.pointee.parent
        }
        return inBody
    }

    private static func document(_ html: [UInt8]) -> htmlDocPtr? {
        guard !html.isEmpty, html.count < Int(Int32.max) else { return nil }
        _ = parserReady
        return html.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), "", nil, cxml_html_parse_options())
            }
        }
    }
}
