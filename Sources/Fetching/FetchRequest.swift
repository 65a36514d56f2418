/// What to fetch, and the validators from the previous fetch of the same URL.
///
/// The validators are sent back exactly as the server sent them (`If-None-Match: W/"abc"`), because servers compare
/// them as opaque strings; re-formatting a date or dropping a weak-ETag prefix would turn every poll into a full
/// download.
public struct FetchRequest: Hashable, Sendable {
    /// An `http://`, `https://` or `file://` URL, or a plain file path.
    public var url: String
    /// The `ETag` of the last response, sent as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the last response, sent as `If-Modified-Since`.
    public var lastModified: String?
    /// This request's own timeouts, body cap and redirect limit (a source configured apart from the rest); nil uses
    /// the fetcher's.
    public var limits: FetchLimits?
    /// `GET`, or `POST` with ``body`` (a webhook). A POST follows no redirect: an endpoint that moved is an error
    /// to fix, not a place to resend a signed body to.
    public var method: String
    public var body: [UInt8]?
    /// Extra request headers; line breaks in names and values are removed.
    public var headers: [String: String]
    /// Whether the per-host politeness rules (concurrency, delay, Retry-After) apply. They are for publishers'
    /// servers; a user's own webhook endpoint is not crawled and is not kept waiting.
    public var polite: Bool

    public init(
        url: String,
        etag: String? = nil,
        lastModified: String? = nil,
        limits: FetchLimits? = nil,
        method: String = "GET",
        body: [UInt8]? = nil,
        headers: [String: String] = [:],
        polite: Bool = true
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.limits = limits
        self.method = method
        self.body = body
        self.headers = headers
        self.polite = polite
    }
}
