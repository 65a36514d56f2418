import Foundation

/// Why a fetch failed, with enough context for one log line and for the scheduler's retry decision.
///
/// `message` is curl's own error text (its ERRORBUFFER) or the system's `strerror`, so operators see what the
/// network stack saw. URLs in ``description`` have any `user:password@` removed: descriptions go to the journal.
public struct FetchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure. Opaque so that new kinds can be added without breaking exhaustive switches.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The total or low-speed timeout expired.
        public static let timedOut = Code("timedOut")
        /// Nothing accepted the TCP connection (refused, unreachable, connect timeout).
        public static let connectFailed = Code("connectFailed")
        /// The host name did not resolve.
        public static let dnsFailed = Code("dnsFailed")
        /// More redirects than ``FetchLimits/maxRedirects``.
        public static let tooManyRedirects = Code("tooManyRedirects")
        /// The (decoded) body or the file exceeded ``FetchLimits/maxBodyBytes``.
        public static let bodyTooLarge = Code("bodyTooLarge")
        /// The server answered with a status of 400 or more; see ``FetchError/httpStatus``.
        public static let httpStatus = Code("httpStatus")
        /// The file does not exist.
        public static let fileNotFound = Code("fileNotFound")
        /// The file exists but cannot be read: permissions, a directory, a corrupt `.gz`.
        public static let fileUnreadable = Code("fileUnreadable")
        /// Not http, https or file, including a redirect to any other scheme.
        public static let unsupportedScheme = Code("unsupportedScheme")
        /// The URL could not be parsed.
        public static let badURL = Code("badURL")
        /// TLS handshake or certificate verification failed.
        public static let tls = Code("tls")
        /// The calling task was cancelled, or the client shut down, before the fetch finished.
        public static let cancelled = Code("cancelled")
        /// Not sent: the host answered an earlier request with 429 or 503 and a `Retry-After` that has not run out;
        /// ``FetchError/retryAfter`` says how long is left.
        public static let deferred = Code("deferred")
        /// Anything else (connection reset mid-transfer, protocol errors, out of memory).
        public static let other = Code("other")

        public var description: String { name }
    }

    public var code: Code
    /// The URL or path the fetch was for.
    public var url: String
    /// What went wrong, in the words of curl, the kernel or this module.
    public var message: String
    /// The HTTP status, when the server answered at all.
    public var httpStatus: Int?
    /// How long the server asked to be left alone (`Retry-After` on a 429 or 503, or what is left of it for a
    /// `deferred` request); the scheduler waits at least this long before the next attempt.
    public var retryAfter: Duration?

    public init(code: Code, url: String, message: String, httpStatus: Int? = nil, retryAfter: Duration? = nil) {
        self.code = code
        self.url = url
        self.message = message
        self.httpStatus = httpStatus
        self.retryAfter = retryAfter
    }

    /// True for failures that may well go away on their own, so the scheduler should retry with backoff rather than
    /// flag the source as misconfigured.
    public var isTransient: Bool {
        switch code {
        case .timedOut, .connectFailed, .dnsFailed, .tls, .deferred, .other: return true
        case .httpStatus:
            guard let httpStatus else { return false }
            return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500
        default: return false
        }
    }

    /// One line: what failed, on which URL, and what to do about it when that is clear.
    public var description: String {
        var line = "fetch of \(FetchError.redacted(url)) failed (\(code)): \(FetchError.singleLine(message))"
        if let hint { line += "; \(hint)" }
        return line
    }

    /// A suggestion for the operator, or nil when the message says it all.
    public var hint: String? {
        switch code {
        case .timedOut: return "the server is slow or down; retry later or raise the timeout"
        case .connectFailed: return "check the host and port, or whether the site is down"
        case .dnsFailed: return "check the host name and this machine's DNS"
        case .tooManyRedirects: return "the URL redirects in a loop or too often; configure the final URL"
        case .bodyTooLarge:
            return "raise max_body_bytes (for all sources or this one) if the page is legitimately this large"
        case .fileNotFound: return "check the path (relative paths in a configuration start at its directory)"
        case .fileUnreadable: return "check that it is a readable regular file"
        case .unsupportedScheme: return "use an http, https or file URL"
        case .badURL: return "fix the URL (the source's url, or the argument given)"
        case .tls: return "check the site's certificate and this machine's CA bundle"
        case .deferred: return "the site asked for a pause; the source is retried once it is over"
        case .httpStatus: return httpStatus.flatMap(FetchError.hint(forStatus:))
        default: return nil
        }
    }

    private static func hint(forStatus status: Int) -> String? {
        switch status {
        case 401, 403: return "the site refuses access; it may block automated clients"
        case 404, 410: return "the page is gone; update or remove the source"
        case 429: return "the site is rate limiting; poll it less often or raise host_delay for it"
        case 500...599: return "server error; retry later"
        default: return nil
        }
    }

    /// Removes `user:password@` from a URL, so credentials never reach a log.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        guard let at = afterScheme[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + String(url[url.index(after: at)...])
    }

    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined(separator: " ")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
