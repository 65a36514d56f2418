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

    public init(url: String, etag: String? = nil, lastModified: String? = nil, limits: FetchLimits? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.limits = limits
    }
}
