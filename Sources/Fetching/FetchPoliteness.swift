/// How hard the fetcher may press on servers: transfers at once, per host, and the pause between two requests to one
/// host.
///
/// These rules belong to the whole fetcher, not to one request, because they are about the sum of all requests: two
/// sources on one site share that site's budget. The defaults keep any one publisher at two transfers at a time and
/// one request started per second, while 32 transfers overall keep thousands of sources on many sites moving.
/// ``hosts`` relaxes or tightens the rules for named hosts (a site that asks for a longer crawl delay, or a local
/// mirror that may be hit hard).
public struct FetchPoliteness: Hashable, Sendable {
    /// Transfers running at the same time, all hosts together. Default 32.
    public var maxTransfers: Int
    /// Transfers running at the same time against one host. Default 2.
    public var maxTransfersPerHost: Int
    /// The least time between the starts of two requests to one host. Default 1 s.
    public var hostDelay: Duration
    /// Overrides by lower-cased host name (`example.com`, `127.0.0.1`), matched exactly.
    public var hosts: [String: HostPoliteness]
    /// When a host answered 429 or 503 with `Retry-After`, queued requests to it wait for the pause to end if it ends
    /// within this time; otherwise they fail at once as `deferred`, so one pass never sleeps for an hour. Default 10 s.
    public var maxRetryAfterWait: Duration
    /// The longest pause a `Retry-After` can impose on a host, so a misconfigured server cannot silence it for a
    /// year. Default 1 day.
    public var maxRetryAfter: Duration

    public init(
        maxTransfers: Int = 32,
        maxTransfersPerHost: Int = 2,
        hostDelay: Duration = .seconds(1),
        hosts: [String: HostPoliteness] = [:],
        maxRetryAfterWait: Duration = .seconds(10),
        maxRetryAfter: Duration = .seconds(86_400)
    ) {
        self.maxTransfers = maxTransfers
        self.maxTransfersPerHost = maxTransfersPerHost
        self.hostDelay = hostDelay
        self.hosts = hosts
        self.maxRetryAfterWait = maxRetryAfterWait
        self.maxRetryAfter = maxRetryAfter
    }

    /// No per-host limit and no delay beyond `maxTransfers` at once: for tests and benchmarks against a loopback
    /// server, never for real sites.
    public static func unthrottled(maxTransfers: Int = 32) -> FetchPoliteness {
        FetchPoliteness(maxTransfers: maxTransfers, maxTransfersPerHost: maxTransfers, hostDelay: .zero)
    }

    /// The transfers allowed at once against `host`, at least 1.
    func transfers(for host: String) -> Int {
        max(1, hosts[host]?.maxTransfers ?? maxTransfersPerHost)
    }

    /// The least time between two request starts against `host`, never negative.
    func delay(for host: String) -> Duration {
        max(.zero, hosts[host]?.delay ?? hostDelay)
    }
}

/// The rules for one named host, each replacing the fetcher-wide value when set.
public struct HostPoliteness: Hashable, Sendable {
    /// Transfers at the same time against this host.
    public var maxTransfers: Int?
    /// The least time between the starts of two requests to this host.
    public var delay: Duration?

    public init(maxTransfers: Int? = nil, delay: Duration? = nil) {
        self.maxTransfers = maxTransfers
        self.delay = delay
    }
}
