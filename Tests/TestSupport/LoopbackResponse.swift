/// What a ``LoopbackHTTPServer`` route answers: status, headers, body, and how (and how slowly) to send it.
public struct LoopbackResponse: Sendable {
    /// How the body is framed on the wire.
    public enum Framing: Sendable {
        /// A `Content-Length` header, then the body.
        case contentLength
        /// `Transfer-Encoding: chunked` in pieces of `chunkSize` bytes, pausing `pause` between pieces: a body of
        /// unknown length, or a slow stream.
        case chunked(chunkSize: Int, pause: Duration? = nil)
        /// No length at all: the body ends when the server closes the connection.
        case untilClose
    }

    public var status: Int
    public var reason: String?
    /// Sent in order; `Content-Length`, `Transfer-Encoding` and `Connection` are added by the server.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Wait this long before sending anything (a slow server). Interrupted when the server stops.
    public var delay: Duration?
    public var framing: Framing

    public init(
        status: Int = 200,
        reason: String? = nil,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        delay: Duration? = nil,
        framing: Framing = .contentLength
    ) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.delay = delay
        self.framing = framing
    }

    /// A text body with its `Content-Type`.
    public static func text(
        _ text: String,
        status: Int = 200,
        contentType: String = "text/plain; charset=utf-8",
        headers: [(name: String, value: String)] = []
    ) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", contentType)] + headers, body: Array(text.utf8))
    }

    /// A redirect to `location` (absolute or relative), with any extra headers on this hop.
    public static func redirect(
        to location: String,
        status: Int = 302,
        headers: [(name: String, value: String)] = []
    ) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Location", location)] + headers)
    }

    /// The standard reason phrase for common statuses, used when ``reason`` is nil.
    var reasonPhrase: String {
        if let reason { return reason }
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 307: return "Temporary Redirect"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status \(status)"
        }
    }
}
