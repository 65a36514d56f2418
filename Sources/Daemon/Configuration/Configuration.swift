public import Alerts
public import Core

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
    /// How many feed items (newest first) are fetched per pass of a feed source.
    public var maxFeedItems: Int
    /// How many sources are polled at the same time.
    public var concurrency: Int
    public var sources: [Source]
    public var hooks: [HookConfiguration]

    /// Limits for every fetch.
    public struct FetchSettings: Sendable, Hashable {
        public var userAgent: String?
        public var timeout: Duration
        public var connectTimeout: Duration
        public var maxBodyBytes: Int

        public init(
            userAgent: String? = nil,
            timeout: Duration = .seconds(30),
            connectTimeout: Duration = .seconds(10),
            maxBodyBytes: Int = 10 * 1024 * 1024
        ) {
            self.userAgent = userAgent
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.maxBodyBytes = maxBodyBytes
        }
    }

    public static let defaultInterval: Duration = .seconds(15 * 60)
    public static let defaultDatabaseName = "factwatch.sqlite"

    public init(
        path: String? = nil,
        database: String,
        interval: Duration = Configuration.defaultInterval,
        lexicon: String? = nil,
        fetch: FetchSettings = FetchSettings(),
        maxFeedItems: Int = 20,
        concurrency: Int = 8,
        sources: [Source] = [],
        hooks: [HookConfiguration] = []
    ) {
        self.path = path
        self.database = database
        self.interval = interval
        self.lexicon = lexicon
        self.fetch = fetch
        self.maxFeedItems = maxFeedItems
        self.concurrency = concurrency
        self.sources = sources
        self.hooks = hooks
    }

    /// The database to use when neither the configuration nor `--database` names one: `factwatch.sqlite` in
    /// systemd's `$STATE_DIRECTORY` when running as a service, else in the working directory.
    public static func defaultDatabase(environment: [String: String]) -> String {
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first, !state.isEmpty {
            return "\(state)/\(defaultDatabaseName)"
        }
        return defaultDatabaseName
    }
}
