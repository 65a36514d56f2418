/// A configured place to watch: a news page, a feed, or a local file.
public struct Source: Hashable, Sendable {
    /// How a source's bytes are read.
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        /// One article page (or a plain-text file); each fetch is a version of that article.
        case page
        /// An RSS, Atom or RDF feed; each item links to an article page.
        case feed
    }

    /// Unique, stable name: the identity of the source in the database and in logs.
    public var name: String
    /// `http://`, `https://` or `file://` URL.
    public var url: String
    public var kind: Kind
    /// How often to poll it.
    public var interval: Duration

    public init(name: String, url: String, kind: Kind, interval: Duration) {
        self.name = name
        self.url = url
        self.kind = kind
        self.interval = interval
    }
}
