/// Reads RSS 2.0 (and 0.9x), Atom 1.0 and RSS 1.0 (RDF) feeds into ``Feed`` values.
///
/// Lenient the way feed readers must be: libxml2 recovers from the usual well-formedness slips, elements are matched
/// by name within the format's namespace, dates fall back from publication to update date, and an RSS item without
/// `<link>` uses a permalink `<guid>`. What cannot be read as a feed at all is a ``FeedError``.
public enum FeedParser {
    private static let rss10 = "http://purl.org/rss/1.0/"
    private static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    private static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    private static let atom = "http://www.w3.org/2005/Atom"
    private static let atom03 = "http://purl.org/atom/ns#"
    private static let dublinCore = "http://purl.org/dc/elements/1.1/"
    private static let content = "http://purl.org/rss/1.0/modules/content/"

    /// Parses `bytes` fetched from `url`; relative links are resolved against `url` (and any `xml:base`).
    ///
    /// - Throws: ``FeedError`` with `malformed` when the bytes are not XML, `notAFeed` when the root element is not
    ///   a feed's.
    public static func parse(_ bytes: [UInt8], url: String) throws(FeedError) -> Feed {
        let document = try FeedDocument(bytes: bytes, url: url)
        guard let root = document.root else {
            throw FeedError(code: .malformed, url: url, message: "the document has no root element")
        }
        let name = FeedDocument.localName(root)
        let namespace = FeedDocument.namespace(root)
        switch (name, namespace) {
        case ("rss", _):
            return rss(root, document: document, namespaces: [nil])
        case ("RDF", rdf?):
            return rss(root, document: document, namespaces: [rss10, rss090])
        case ("feed", _):
            return atom(root, document: document)
        default:
            let qualified = namespace.map { "\(name) in namespace \($0)" } ?? name
            throw FeedError(
                code: .notAFeed,
                url: url,
                message: "the root element is <\(qualified)>, not <rss>, <feed> or <rdf:RDF>"
            )
        }
    }

    /// RSS 2.0: items inside `<channel>`. RSS 1.0: items beside `<channel>`, in the RSS 1.0 namespace.
    private static func rss(_ root: FeedDocument.Node, document: FeedDocument, namespaces: [String?]) -> Feed {
        let channel = first("channel", in: root, namespaces: namespaces)
        var itemNodes = channel.map { children("item", of: $0, namespaces: namespaces) } ?? []
        itemNodes += children("item", of: root, namespaces: namespaces)
        let items = itemNodes.compactMap { node -> FeedItem? in
            var reference = first("link", in: node, namespaces: namespaces).map(FeedDocument.text(of:))
            if reference?.trimmingSpaces().isEmpty ?? true, let guid = first("guid", in: node, namespaces: namespaces),
                FeedDocument.attribute("isPermaLink", of: guid)?.lowercased() != "false"
            {
                reference = FeedDocument.text(of: guid)
            }
            guard let link = absolute(reference, at: node, in: document) else { return nil }
            let date =
                first("pubDate", in: node, namespaces: namespaces) ?? first("date", in: node, namespaces: [dublinCore])
            let summary =
                first("description", in: node, namespaces: namespaces)
                ?? first("encoded", in: node, namespaces: [content])
            return FeedItem(
                title: title(first("title", in: node, namespaces: namespaces)),
                link: link,
                published: date.flatMap { FeedDate.parse(FeedDocument.text(of: $0)) },
                summary: summary.flatMap { nonEmpty(FeedDocument.text(of: $0).trimmingSpaces()) }
            )
        }
        return Feed(title: title(channel.flatMap { first("title", in: $0, namespaces: namespaces) }), items: items)
    }

    private static func atom(_ root: FeedDocument.Node, document: FeedDocument) -> Feed {
        let namespaces: [String?] = [atom, atom03]
        let items = children("entry", of: root, namespaces: namespaces).compactMap { entry -> FeedItem? in
            let links = children("link", of: entry, namespaces: namespaces)
            let alternate =
                links.first {
                    let relation = FeedDocument.attribute("rel", of: $0)
                    return relation == nil || relation == "alternate"
                } ?? links.first
            guard let alternate,
                let link = absolute(FeedDocument.attribute("href", of: alternate), at: alternate, in: document)
            else { return nil }
            let date = ["published", "updated", "issued", "modified"].lazy
                .compactMap { first($0, in: entry, namespaces: namespaces) }.first
            let summary =
                first("summary", in: entry, namespaces: namespaces)
                ?? first("content", in: entry, namespaces: namespaces)
            return FeedItem(
                title: title(first("title", in: entry, namespaces: namespaces)),
                link: link,
                published: date.flatMap { FeedDate.parse(FeedDocument.text(of: $0)) },
                summary: summary.flatMap { nonEmpty(FeedDocument.text(of: $0).trimmingSpaces()) }
            )
        }
        return Feed(title: title(first("title", in: root, namespaces: namespaces)), items: items)
    }

    // MARK: - Helpers

    private static func children(
        _ name: String,
        of node: FeedDocument.Node,
        namespaces: [String?]
    ) -> [FeedDocument.Node] {
        FeedDocument.elements(of: node).filter {
            FeedDocument.localName($0) == name && namespaces.contains(FeedDocument.namespace($0))
        }
    }

    private static func first(_ name: String, in node: FeedDocument.Node, namespaces: [String?]) -> FeedDocument.Node? {
        children(name, of: node, namespaces: namespaces).first
    }

    private static func absolute(_ reference: String?, at node: FeedDocument.Node, in document: FeedDocument) -> String?
    {
        guard let reference = reference?.trimmingSpaces(), !reference.isEmpty else { return nil }
        return document.resolve(reference, at: node)
    }

    /// Title text with runs of white space (line breaks in the XML) collapsed to one space.
    private static func title(_ node: FeedDocument.Node?) -> String? {
        guard let node else { return nil }
        let words = FeedDocument.text(of: node).split(whereSeparator: { $0.isWhitespace })
        return nonEmpty(words.joined(separator: " "))
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
