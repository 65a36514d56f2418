public import Core

/// What one poll of one source did: the scheduler records it, `once` prints it, the status line counts it.
public struct SourcePollResult: Sendable {
    public var source: String
    /// Why the poll failed; `nil` when it succeeded. A feed whose items partly failed still succeeded.
    public var error: String?
    /// Articles looked at (1 for a page; the items taken from a feed).
    public var documentsChecked: Int = 0
    /// Articles whose text differed from the stored latest version.
    public var newVersions: Int = 0
    /// Changes logged, in log order.
    public var changes: [Change] = []
    /// Feed items that could not be fetched or read, one line each.
    public var itemErrors: [String] = []
    /// Feed items left out because another item of the same feed already links to the same article.
    public var duplicateItems: Int = 0
    /// New validators for a feed URL itself.
    public var etag: String?
    public var lastModified: String?
    /// The HTTP status the source's own URL (the page, or the feed) answered with: 200 for a file read, 304 when
    /// unchanged, the error status of a failure; nil when nothing answered.
    public var status: Int?
    /// Body bytes of the source's own URL, after decoding (0 for a 304); nil without a response.
    public var bytes: Int?
    /// How long the source's own transfer took once it started; nil without a response.
    public var duration: Duration?
    /// How long the server asked to be left alone (`Retry-After` on a 429 or 503).
    public var retryAfter: Duration?

    public init(source: String, error: String? = nil) {
        self.source = source
        self.error = error
    }

    public var succeeded: Bool { error == nil }
}
