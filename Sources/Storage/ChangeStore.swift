public import Core
public import Foundation

/// Everything factwatch keeps between passes: sources' health, article versions, facts, facility state, the
/// change log and the delivery outbox.
///
/// ``SQLiteStore`` is the implementation; the protocol is the seam for a shared PostgreSQL store when several
/// daemons poll one source list.
public protocol ChangeStore: Sendable {
    /// Adds the configured sources, or updates their URL and kind; sources no longer configured keep their history.
    func register(_ sources: [Source]) async throws
    func sources() async throws -> [SourceState]
    /// One source's state, without counting its documents and versions (a cheap lookup for every feed poll).
    func source(named name: String) async throws -> SourceState?
    func recordPoll(source: String, _ record: PollRecord) async throws
    /// Records the polls of a whole pass in one transaction, so ten thousand sources cost one commit, not ten
    /// thousand. Polls of sources that are not registered are left out and named in the error thrown afterwards.
    func recordPolls(_ records: [String: PollRecord]) async throws

    func document(source: String, url: String) async throws -> DocumentState?
    /// The stored document of each named page source (the document at the source's own URL), read at once for a
    /// whole pass instead of one read per source. Sources never read are absent.
    func pageDocuments(sources names: [String]) async throws -> [String: DocumentState]
    /// Notes that a document was checked and found unchanged (304, or the same text).
    func recordUnchanged(
        source: String,
        url: String,
        etag: String?,
        lastModified: String?,
        checkedAt: Date
    )
        async throws

    /// Stores a version, its facts, the changes they cause and the delivery rows for them, in one transaction.
    /// Returns without writing a version when the text equals the document's latest version.
    func ingest(
        _ observation: Observation,
        detect: @escaping ChangeDetection,
        route: @escaping HookRouting
    ) async throws
        -> IngestOutcome

    /// Logs the deadline timer changes `evaluate` finds due, with their deliveries.
    func fireDeadlineTimers(evaluate: @escaping TimerEvaluation, route: @escaping HookRouting) async throws -> [Change]

    /// Changes with an id greater than `id`, oldest first.
    func changes(after id: Int64, limit: Int) async throws -> [Change]
    /// The id of the newest change, 0 when the log is empty.
    func latestChangeID() async throws -> Int64
    func facilities() async throws -> [FacilityRecord]
    /// Every change of one facility, oldest first.
    func history(of key: FacilityKey) async throws -> [Change]

    /// Pending deliveries whose next attempt is due, oldest change first.
    func dueDeliveries(now: Date, limit: Int) async throws -> [PendingDelivery]
    func update(delivery id: Int64, _ update: DeliveryUpdate) async throws
    func deliveries(states: Set<DeliveryState>, limit: Int) async throws -> [DeliveryRecord]
    /// Puts dead deliveries back in the queue, due now; returns how many.
    func retryDeadDeliveries(now: Date) async throws -> Int
    /// Puts the given deliveries (dead, or pending and waiting for a retry) back in the queue, due now; returns the
    /// ids re-queued (a delivered one is left alone).
    func retryDeliveries(ids: [Int64], now: Date) async throws -> [Int64]

    /// Counts for `factwatch status`: sources due and failing, the last pass, changes, deliveries, size.
    func summary(now: Date) async throws -> StoreSummary
}
