import CLibXML2

/// A parsed XML document and the few tree queries feed reading needs.
///
/// Owns the `xmlDoc` and frees it in `deinit`. Not Sendable, and never leaves ``FeedParser/parse(_:url:)``:
/// the parser turns it into ``Feed`` values before returning.
final class FeedDocument {
    typealias Node = UnsafeMutablePointer<xmlNode>

    private let document: xmlDocPtr

    /// Parses `bytes` as XML, recovering from the errors real feeds are full of (a bare `&`, a stray tag), with no
    /// network access, no DTD loading and no entity substitution.
    init(bytes: [UInt8], url: String) throws(FeedError) {
        guard !bytes.isEmpty else {
            throw FeedError(code: .malformed, url: url, message: "the document is empty")
        }
        guard bytes.count <= Int(Int32.max) else {
            throw FeedError(code: .malformed, url: url, message: "the document is too large to parse")
        }
        guard let context = xmlNewParserCtxt() else {
            throw FeedError(code: .malformed, url: url, message: "libxml2 could not allocate a parser (out of memory?)")
        }
        defer { xmlFreeParserCtxt(context) }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), url, nil, cxml_xml_parse_options())
            }
        }
        guard let parsed, xmlDocGetRootElement(parsed) != nil else {
            if let parsed { xmlFreeDoc(parsed) }
            let error = context.pointee.lastError
            let message = error.message.map { String(cString: $0).trimmingSpaces() } ?? "no root element"
            throw FeedError(
                code: .malformed,
                url: url,
                message: "not XML: \(message)",
                line: error.line > 0 ? Int(error.line) : nil
            )
        }
        document = parsed
    }

    deinit {
        xmlFreeDoc(document)
    }

    var root: Node? { xmlDocGetRootElement(document) }

    /// The element's name without its prefix (`RDF` for `rdf:RDF`).
    static func localName(_ node: Node) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The element's namespace URI, or nil when it has none.
    static func namespace(_ node: Node) -> String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// The element children of `node`, in order.
    static func elements(of node: Node) -> [Node] {
        var result: [Node] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// The text of `node` and its descendants (text and CDATA only).
    ///
    /// Entity references to DTD-declared entities are skipped rather than expanded, so a "billion laughs" feed
    /// cannot blow up memory here.
    static func text(of node: Node) -> String {
        var text = ""
        appendText(of: node, to: &text)
        return text
    }

    private static func appendText(of node: Node, to text: inout String) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            case XML_ELEMENT_NODE:
                appendText(of: current, to: &text)
            default:
                break
            }
            child = current.pointee.next
        }
    }

    /// The value of an attribute without a namespace.
    static func attribute(_ name: String, of node: Node) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    /// `reference` made absolute against the base in effect at `node`: the nearest `xml:base`, else the URL the
    /// document was read from. Nil when libxml2 cannot parse the reference as a URI.
    func resolve(_ reference: String, at node: Node) -> String? {
        let base = xmlNodeGetBase(document, node)
        defer { if let base { cxml_free(base) } }
        guard let resolved = xmlBuildURI(reference, base) else { return nil }
        defer { cxml_free(resolved) }
        return String(cString: resolved)
    }
}
