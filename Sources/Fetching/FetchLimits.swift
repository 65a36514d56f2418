/// Bounds on one fetch, so that one slow, huge or hostile source cannot stall or exhaust the daemon.
///
/// The fetcher has a default set, and a request may carry its own (a source configured apart). How many fetches run
/// at once, and how often one host is asked, is ``FetchPoliteness``'s business, not this.
///
/// The defaults suit news pages and feeds polled every few minutes: a real article is well under 2 MiB, and a
/// server that has not answered within 30 seconds will be tried again at the next poll anyway. As in libcurl, a zero
/// timeout means "no limit", so configuration should keep them positive.
public struct FetchLimits: Hashable, Sendable {
    /// Time allowed to establish the TCP (and TLS) connection. Default 10 s.
    public var connectTimeout: Duration
    /// Time allowed for the whole transfer, redirects included. Default 30 s.
    public var totalTimeout: Duration
    /// Redirects followed before giving up with `tooManyRedirects`. Default 5.
    public var maxRedirects: Int
    /// Largest body accepted, counted after content decoding so a gzip bomb is stopped too. Default 10 MiB.
    public var maxBodyBytes: Int
    /// Identifies the daemon to site operators, with a URL where they can learn what it is.
    public var userAgent: String
    /// A transfer slower than this many bytes per second for ``lowSpeedTime`` is aborted as timed out.
    /// Default 100 bytes/s: it stops servers that trickle a byte at a time to hold a connection open. It also
    /// bounds how long a server may take before its first byte, since nothing arriving counts as slow.
    public var lowSpeedLimit: Int
    /// How long a transfer may stay below ``lowSpeedLimit``. Default 15 s.
    public var lowSpeedTime: Duration

    public init(
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30),
        maxRedirects: Int = 5,
        maxBodyBytes: Int = 10 * 1024 * 1024,
        userAgent: String = "factwatch/0.1 (+https://github.com/factwatch/factwatch)",
        lowSpeedLimit: Int = 100,
        lowSpeedTime: Duration = .seconds(15)
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxRedirects = maxRedirects
        self.maxBodyBytes = maxBodyBytes
        self.userAgent = userAgent
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 for any positive duration: curl treats 0 as "no timeout".
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds <= 0 { return self > .zero ? 1 : 0 }
        return Int(clamping: milliseconds)
    }

    /// Whole seconds, at least 1 for any positive duration (for curl options counted in seconds).
    var wholeSecondsRoundingUp: Int {
        let milliseconds = wholeMilliseconds
        return milliseconds == 0 ? 0 : (milliseconds + 999) / 1000
    }
}
