internal import CLibXML2

/// A page parsed by libxml2's HTML parser, which recovers from broken markup the way browsers do.
///
/// It owns the `htmlDocPtr` and frees it in `deinit`, so it is a non-`Sendable` class confined to the thread that
/// parsed it: parse, convert with ``tree()``, drop. Nothing that points into libxml2 leaves this type; the
/// extraction rules read the ``HTMLTree`` value instead.
public final class HTMLDocument {
    private let document: htmlDocPtr
    /// The page's address, used as the base URL by libxml2 and in error messages.
    public let url: String

    /// Parses `html`.
    ///
    /// - Parameters:
    ///   - html: The bytes as served. libxml2 gets the buffer and its length, so NUL bytes cannot cut it short.
    ///   - url: Where the bytes came from; only used as the document URL and for errors.
    ///   - charset: The charset from the HTTP `Content-Type` header, which wins over the page's own declaration.
    ///     With `nil`, libxml2 reads a byte-order mark or `<meta charset>` and otherwise assumes UTF-8 (falling back
    ///     to Latin-1 on invalid sequences). An unknown name is ignored.
    /// - Throws: ``ExtractionError`` `.empty` for an empty buffer, `.tooLarge` beyond what libxml2 accepts,
    ///   `.unparseable` when libxml2 returns no document.
    public init(html: [UInt8], url: String, charset: String? = nil) throws(ExtractionError) {
        guard !html.isEmpty else {
            throw ExtractionError(code: .empty, url: url, detail: "the page has no bytes")
        }
        guard html.count < Int(Int32.max) else {
            throw ExtractionError(code: .tooLarge, url: url, detail: "\(html.count) bytes is more than libxml2 parses")
        }
        _ = Self.parserReady
        let encoding = charset.flatMap(Self.charsetName)
        let parsed = html.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), url, encoding, cxml_html_parse_options())
            }
        }
        guard let parsed else {
            throw ExtractionError(code: .unparseable, url: url, detail: "libxml2 could not build a document")
        }
        document = parsed
        self.url = url
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// libxml2's global tables must be set up once before parsers run on several threads at a time; a static
    /// `let` initialiser runs exactly once, whichever thread gets there first.
    private static let parserReady: Void = xmlInitParser()

    /// A charset label as servers send it (`utf-8`, ` "ISO-8859-1" `), or `nil` when blank.
    private static func charsetName(_ label: String) -> String? {
        var name = label.trimmingASCIIWhitespace()
        if name.count >= 2, let first = name.first, first == "\"" || first == "'", name.last == first {
            name = String(name.dropFirst().dropLast()).trimmingASCIIWhitespace()
        }
        return name.isEmpty ? nil : name
    }

    /// Copies the document into an ``HTMLTree``: elements with their attributes, and text (character data and
    /// CDATA). Comments and processing instructions are left out.
    public func tree() -> HTMLTree {
        var builder = HTMLTreeBuilder()
        // An explicit walk over children/next/parent links: pages nest deeply enough to make recursion a risk.
        var current = document.pointee.children
        var depth = 0
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                builder.openElement(Self.string(node.pointee.name), attributes: Self.attributes(of: node))
                descend = node.pointee.children != nil
                if !descend { builder.closeElement() }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { builder.addText(String(cString: content)) }
            default:
                break
            }
            if descend {
                depth += 1
                current = node.pointee.children
                continue
            }
            // Move to the next sibling, closing every element whose children are all done on the way up.
            var cursor: xmlNodePtr? = node
            current = nil
            while let done = cursor {
                if let next = done.pointee.next {
                    current = next
                    break
                }
                guard depth > 0 else { break }
                depth -= 1
                builder.closeElement()
                cursor = done.pointee.parent
            }
        }
        return builder.finish()
    }

    private static func string(_ chars: UnsafePointer<xmlChar>?) -> String {
        guard let chars else { return "" }
        return String(cString: chars)
    }

    private static func attributes(of node: xmlNodePtr) -> [HTMLAttribute] {
        var result: [HTMLAttribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            var value = ""
            var child = attribute.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            result.append(HTMLAttribute(name: string(attribute.pointee.name), value: value))
            property = attribute.pointee.next
        }
        return result
    }
}

@available(*, unavailable)
extension HTMLDocument: Sendable {}
