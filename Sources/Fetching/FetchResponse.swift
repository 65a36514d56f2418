public import Foundation

/// The bytes and metadata of one successful fetch.
///
/// The body is exactly what the server sent after content decoding (gzip, deflate, br): it is not transcoded, so the
/// HTML parser can honour `charset` or the page's own `<meta charset>`.
public struct FetchResponse: Hashable, Sendable {
    /// The URL the caller asked for.
    public var requestedURL: String
    /// The URL the body came from after redirects; for files, the `file://` URL of the absolute path.
    public var finalURL: String
    /// The HTTP status of the final response (200 for files).
    public var status: Int
    /// The decoded body; empty for `304 Not Modified`.
    public var body: [UInt8]
    /// The `Content-Type` header as sent (for files, a guess from the extension).
    public var contentType: String?
    /// The `charset` parameter of `Content-Type`, when present.
    public var charset: String?
    /// The validator to send as `If-None-Match` next time.
    ///
    /// On a 304 without its own `ETag` this carries the request's, so a caller can always store what it gets.
    public var etag: String?
    /// The validator to send as `If-Modified-Since` next time (same 304 rule as ``etag``).
    public var lastModified: String?
    /// When the response was complete.
    public var fetchedAt: Date
    /// How long the transfer took once it started (connect, redirects, body), not counting time spent waiting for
    /// a politeness slot.
    public var duration: Duration

    public init(
        requestedURL: String,
        finalURL: String,
        status: Int,
        body: [UInt8],
        contentType: String? = nil,
        charset: String? = nil,
        etag: String? = nil,
        lastModified: String? = nil,
        fetchedAt: Date = Date(),
        duration: Duration = .zero
    ) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.body = body
        self.contentType = contentType
        self.charset = charset
        self.etag = etag
        self.lastModified = lastModified
        self.fetchedAt = fetchedAt
        self.duration = duration
    }

    /// True for `304 Not Modified`: the validators matched and the caller's stored copy is current.
    public var notModified: Bool { status == 304 }
}
