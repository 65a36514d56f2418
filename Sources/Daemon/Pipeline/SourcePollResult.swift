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
    /// New validators for a feed URL itself.
    public var etag: String?
    public var lastModified: String?

    public init(source: String, error: String? = nil) {
        self.source = source
        self.error = error
    }

    public var succeeded: Bool { error == nil }
}
