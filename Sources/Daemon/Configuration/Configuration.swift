public import Alerts
public import Core
public import Fetching
import Foundation

/// What the daemon runs with: the database, the sources to poll, the hooks to run, and fetch limits.
///
/// Loaded from TOML (see `config/factwatch.toml` for the documented example and README, "Configuration") by
/// ``load(path:environment:)``, which checks everything at once and reports every problem with its line.
public struct Configuration: Sendable {
    /// The configuration file, when there was one.
    public var path: String?
    /// The SQLite file, absolute or relative to the working directory.
    public var database: String
    /// The poll interval of sources that do not set their own.
    public var interval: Duration
    /// An extra lexicon file merged into the built-in one.
    public var lexicon: String?
    public var fetch: FetchSettings
    /// How many feed items (distinct articles, in feed order) are fetched per pass of a feed source.
    public var maxFeedItems: Int
    /// The most transfers running at once overall; a pass works on twice as many sources at once (see ``Engine``).
    public var concurrency: Int
    public var sources: [Source]
    /// Fetch limits of the sources that set their own, by source name.
    public var sourceFetch: [String: SourceFetchSettings]
    public var hooks: [HookConfiguration]
    /// The daemon's log level (`--log-level` overrides it): trace, debug, info, notice, warning, error, critical.
    public var logLevel: String?
    /// How long SIGTERM waits for the work in progress (a pass, hook runs) before abandoning it.
    public var shutdownGrace: Duration
    /// How long before a deadline `deadline_approaching` fires (once per lead).
    public var deadlineLeads: [Duration] = [.seconds(24 * 3600), .seconds(2 * 3600)]
    /// Hooks running at the same time, at most.
    public var deliveryConcurrency: Int = 4
    /// Failed attempts after which a delivery is dead.
    public var deliveryAttempts: Int = 12
    /// A JSON Lines file every logged change is appended to, for tools that tail files; reopened on SIGHUP.
    public var changeLogFile: String?

    /// Limits for every fetch, and the politeness rules for every host.
    public struct FetchSettings: Sendable, Hashable {
        public var userAgent: String?
        public var timeout: Duration
        public var connectTimeout: Duration
        public var maxBodyBytes: Int
        public var maxRedirects: Int
        /// Bytes per second under which a transfer counts as stalled.
        public var lowSpeedLimit: Int
        /// How long a transfer may stay stalled before it is aborted.
        public var lowSpeedTime: Duration
        /// Transfers at the same time against one host.
        public var concurrencyPerHost: Int
        /// The least time between the starts of two requests to one host.
        public var hostDelay: Duration
        /// `[[host]]` overrides by lower-cased host name.
        public var hosts: [String: HostPoliteness]

        public init(
            userAgent: String? = nil,
            timeout: Duration = .seconds(30),
            connectTimeout: Duration = .seconds(10),
            maxBodyBytes: Int = 10 * 1024 * 1024,
            maxRedirects: Int = 5,
            lowSpeedLimit: Int = 100,
            lowSpeedTime: Duration = .seconds(15),
            concurrencyPerHost: Int = 2,
            hostDelay: Duration = .seconds(1),
            hosts: [String: HostPoliteness] = [:]
        ) {
            self.userAgent = userAgent
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.maxBodyBytes = maxBodyBytes
            self.maxRedirects = maxRedirects
            self.lowSpeedLimit = lowSpeedLimit
            self.lowSpeedTime = lowSpeedTime
            self.concurrencyPerHost = concurrencyPerHost
            self.hostDelay = hostDelay
            self.hosts = hosts
        }
    }

    /// One source's own fetch limits; each one set replaces the global value for that source only.
    public struct SourceFetchSettings: Sendable, Hashable {
        public var timeout: Duration?
        public var connectTimeout: Duration?
        public var maxBodyBytes: Int?
        public var maxRedirects: Int?
        public var lowSpeedLimit: Int?
        public var lowSpeedTime: Duration?

        public init(
            timeout: Duration? = nil,
            connectTimeout: Duration? = nil,
            maxBodyBytes: Int? = nil,
            maxRedirects: Int? = nil,
            lowSpeedLimit: Int? = nil,
            lowSpeedTime: Duration? = nil
        ) {
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.maxBodyBytes = maxBodyBytes
            self.maxRedirects = maxRedirects
            self.lowSpeedLimit = lowSpeedLimit
            self.lowSpeedTime = lowSpeedTime
        }

        /// True when nothing is set, so the source simply uses the global limits.
        public var isEmpty: Bool { self == SourceFetchSettings() }
    }

    public static let defaultInterval: Duration = .seconds(15 * 60)
    /// Below the unit's `TimeoutStopSec=45s`, so the daemon stops on its own terms before systemd's SIGKILL.
    public static let defaultShutdownGrace: Duration = .seconds(30)
    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
    public static let defaultDatabaseName = "factwatch.sqlite"

    public init(
        path: String? = nil,
        database: String,
        interval: Duration = Configuration.defaultInterval,
        lexicon: String? = nil,
        fetch: FetchSettings = FetchSettings(),
        maxFeedItems: Int = 20,
        concurrency: Int = 32,
        sources: [Source] = [],
        sourceFetch: [String: SourceFetchSettings] = [:],
        hooks: [HookConfiguration] = [],
        logLevel: String? = nil,
        shutdownGrace: Duration = Configuration.defaultShutdownGrace
    ) {
        self.path = path
        self.database = database
        self.interval = interval
        self.lexicon = lexicon
        self.fetch = fetch
        self.maxFeedItems = maxFeedItems
        self.concurrency = concurrency
        self.sources = sources
        self.sourceFetch = sourceFetch
        self.hooks = hooks
        self.logLevel = logLevel
        self.shutdownGrace = shutdownGrace
    }

    /// The database to use when neither the configuration nor `--database` names one: `factwatch.sqlite` in
    /// systemd's `$STATE_DIRECTORY` when running as a service, else in `/var/lib/factwatch/` when that directory
    /// exists and is writable, else in the working directory (a user's own run).
    public static func defaultDatabase(
        environment: [String: String],
        isWritableDirectory: (String) -> Bool = Configuration.isWritableDirectory
    ) -> String {
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first, !state.isEmpty {
            return "\(state)/\(defaultDatabaseName)"
        }
        if isWritableDirectory(systemStateDirectory) {
            return "\(systemStateDirectory)/\(defaultDatabaseName)"
        }
        return defaultDatabaseName
    }

    public static let systemStateDirectory = "/var/lib/factwatch"

    public static func isWritableDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            && FileManager.default.isWritableFile(atPath: path)
    }
}
