public import Core

/// The parts of an RSS, Atom or RDF feed the daemon uses: which articles the feed currently lists.
public struct Feed: Hashable, Sendable {
    /// The channel's or feed's title.
    public var title: String?
    /// Entries in document order. Entries without a usable link are left out: the daemon can only follow links.
    public var items: [FeedItem]

    public init(title: String?, items: [FeedItem]) {
        self.title = title
        self.items = items
    }
}

/// One entry of a ``Feed``.
public struct FeedItem: Hashable, Sendable {
    /// The entry's title, with runs of white space collapsed.
    public var title: String?
    /// The article's absolute URL, resolved against `xml:base` and the feed's own URL.
    public var link: String
    /// The publication (else last update) date and time as the feed writes it, in the publisher's local time: the
    /// zone offset is dropped, not applied, matching how the rest of factwatch keeps dates.
    public var published: LocalDateTime?
    /// The description or summary as published; it may contain HTML markup.
    public var summary: String?

    public init(title: String?, link: String, published: LocalDateTime?, summary: String?) {
        self.title = title
        self.link = link
        self.published = published
        self.summary = summary
    }
}
