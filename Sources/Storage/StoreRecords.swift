public import Core
public import Foundation

/// One fetched and extracted article version, ready to be stored with its facts.
public struct Observation: Sendable {
    /// The configured source name.
    public var source: String
    /// The article's URL: the page itself, or a feed item's link.
    public var url: String
    public var article: Article
    /// Every fact the extractor produced, asserted or not (non-asserted ones are kept for explanation only).
    public var facts: [Fact]
    /// ``ContentHash`` of the article text: the same hash as the document's latest version means no new version.
    public var contentHash: String
    public var fetchedAt: Date
    /// HTTP validators to send next time.
    public var etag: String?
    public var lastModified: String?

    public init(
        source: String,
        url: String,
        article: Article,
        facts: [Fact],
        contentHash: String,
        fetchedAt: Date,
        etag: String? = nil,
        lastModified: String? = nil
    ) {
        self.source = source
        self.url = url
        self.article = article
        self.facts = facts
        self.contentHash = contentHash
        self.fetchedAt = fetchedAt
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What storing an observation did.
public struct IngestOutcome: Sendable {
    /// The new version's id; `nil` when the text was the same as the document's latest version.
    public var versionID: Int64?
    /// The changes logged, with their ids, in log order.
    public var changes: [Change]

    public init(versionID: Int64?, changes: [Change]) {
        self.versionID = versionID
        self.changes = changes
    }

    public var isNewVersion: Bool { versionID != nil }
}

/// The result of change detection inside the ingest transaction.
public struct Detection: Sendable {
    public var changes: [Change]
    /// The new record of every facility whose state moved.
    public var facilities: [FacilityRecord]

    public init(changes: [Change], facilities: [FacilityRecord]) {
        self.changes = changes
        self.facilities = facilities
    }
}

/// What change detection sees of a new version, inside the store's transaction.
public struct DetectionInput: Sendable {
    /// The new version's facts, asserted or not.
    public var facts: [Fact]
    /// The facts of the same document's previous version; empty for a new document.
    public var previousFacts: [Fact]
    /// The current record of every facility the new facts mention (absent: never seen).
    public var current: [FacilityKey: FacilityRecord]
    /// The new version's id.
    public var versionID: Int64
    /// The text of the document's previous version, `nil` for a new document (for a text diff).
    public var previousText: String?

    public init(
        facts: [Fact],
        previousFacts: [Fact],
        current: [FacilityKey: FacilityRecord],
        versionID: Int64,
        previousText: String?
    ) {
        self.facts = facts
        self.previousFacts = previousFacts
        self.current = current
        self.versionID = versionID
        self.previousText = previousText
    }
}

/// Computes the changes a new version causes, inside the store's transaction.
///
/// It must be pure (it may run again if the transaction is retried).
public typealias ChangeDetection = @Sendable (DetectionInput) -> Detection

public typealias HookRouting = @Sendable (Change) -> [String]

/// What the store knows about a configured source: its poll schedule and health.
public struct SourceState: Hashable, Sendable {
    public var name: String
    public var url: String
    public var kind: Source.Kind
    /// Validators for the source URL itself (a feed); page validators are kept per document.
    public var etag: String?
    public var lastModified: String?
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    public var nextDueAt: Date?
    public var failureStreak: Int
    public var lastError: String?
    /// The HTTP status of the last attempt (200 for a file that was read); nil when nothing answered.
    public var lastStatus: Int?
    /// Body bytes of the last attempt, after decoding; nil when it failed before a body came.
    public var lastBytes: Int?
    /// How long the last attempt's transfer took; nil when it failed before a response came.
    public var lastDuration: Duration?
    /// Until when the server asked (`Retry-After`) not to be polled, when its last answer said so.
    public var retryAfterAt: Date?
    public var documentCount: Int
    public var versionCount: Int

    public init(
        name: String,
        url: String,
        kind: Source.Kind,
        etag: String? = nil,
        lastModified: String? = nil,
        lastAttemptAt: Date? = nil,
        lastSuccessAt: Date? = nil,
        nextDueAt: Date? = nil,
        failureStreak: Int = 0,
        lastError: String? = nil,
        lastStatus: Int? = nil,
        lastBytes: Int? = nil,
        lastDuration: Duration? = nil,
        retryAfterAt: Date? = nil,
        documentCount: Int = 0,
        versionCount: Int = 0
    ) {
        self.name = name
        self.url = url
        self.kind = kind
        self.etag = etag
        self.lastModified = lastModified
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.nextDueAt = nextDueAt
        self.failureStreak = failureStreak
        self.lastError = lastError
        self.lastStatus = lastStatus
        self.lastBytes = lastBytes
        self.lastDuration = lastDuration
        self.retryAfterAt = retryAfterAt
        self.documentCount = documentCount
        self.versionCount = versionCount
    }
}

/// The outcome of one poll of a source, as the scheduler decided it.
public struct PollRecord: Sendable {
    public var attemptedAt: Date
    /// `nil` when the poll succeeded.
    public var error: String?
    public var failureStreak: Int
    public var nextDueAt: Date
    /// New validators for the source URL, when the fetch returned them.
    public var etag: String?
    public var lastModified: String?
    /// The HTTP status the source URL answered with; nil when nothing answered.
    public var status: Int?
    /// Body bytes received for the source URL; nil without a response.
    public var bytes: Int?
    /// How long the source URL's transfer took; nil without a response.
    public var duration: Duration?
    /// Until when the server asked not to be polled (`Retry-After`).
    public var retryAfterAt: Date?

    public init(
        attemptedAt: Date,
        error: String?,
        failureStreak: Int,
        nextDueAt: Date,
        etag: String? = nil,
        lastModified: String? = nil,
        status: Int? = nil,
        bytes: Int? = nil,
        duration: Duration? = nil,
        retryAfterAt: Date? = nil
    ) {
        self.attemptedAt = attemptedAt
        self.error = error
        self.failureStreak = failureStreak
        self.nextDueAt = nextDueAt
        self.etag = etag
        self.lastModified = lastModified
        self.status = status
        self.bytes = bytes
        self.duration = duration
        self.retryAfterAt = retryAfterAt
    }
}

/// What the store remembers of one article URL between polls.
public struct DocumentState: Hashable, Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var latestContentHash: String?
    public var latestVersionID: Int64?

    public init(
        url: String,
        etag: String?,
        lastModified: String?,
        latestContentHash: String?,
        latestVersionID: Int64?
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.latestContentHash = latestContentHash
        self.latestVersionID = latestVersionID
    }
}
