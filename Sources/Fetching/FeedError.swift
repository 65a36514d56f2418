/// Why bytes could not be read as a feed, naming the feed URL and, for XML errors, the line.
public struct FeedError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The bytes are not XML at all (or empty), even with libxml2's error recovery.
        public static let malformed = Code("malformed")
        /// Well-formed enough, but the root element is not `rss`, Atom `feed` or `rdf:RDF` (often an HTML page).
        public static let notAFeed = Code("notAFeed")

        public var description: String { name }
    }

    public var code: Code
    /// The URL the feed was fetched from.
    public var url: String
    public var message: String
    /// The line of the XML error, when libxml2 reported one.
    public var line: Int?

    public init(code: Code, url: String, message: String, line: Int? = nil) {
        self.code = code
        self.url = url
        self.message = message
        self.line = line
    }

    public var description: String {
        var text = "feed at \(FetchError.redacted(url)) is unusable (\(code)): \(message)"
        if let line { text += " (line \(line))" }
        if code == .notAFeed {
            text += "; if the source is an article page, configure it as a page rather than a feed"
        }
        return text
    }
}
