public import Alerts
import Changes
public import Core
import Extraction
public import Facts
public import Fetching
public import Foundation
public import Logging
public import Storage

/// Everything a pass needs, built from one configuration: rebuilt on reload, shared by `once`, `run` and `demo`.
///
/// The engine polls sources with bounded concurrency, records each source's health and next due time, and then
/// works through the delivery outbox.
public struct Engine: Sendable {
    public let configuration: Configuration
    public let store: any ChangeStore
    public let pipeline: Pipeline
    public let dispatcher: DeliveryDispatcher
    public let logger: Logger

    /// - Parameter facts: The configuration's fact extractor when the caller built it already (alongside other
    ///   start-up work); built here otherwise.
    /// - Throws: ``ConfigurationError`` when the configured lexicon file cannot be read.
    public init(
        configuration: Configuration,
        store: any ChangeStore,
        fetcher: Fetcher,
        logger: Logger,
        facts: FactExtractor? = nil,
        now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        pipeline = Pipeline(
            fetcher: fetcher,
            facts: try facts ?? configuration.makeFactExtractor(),
            store: store,
            hooks: configuration.hooks,
            maxFeedItems: configuration.maxFeedItems,
            sourceLimits: configuration.sourceFetchLimits,
            logger: logger,
            now: now
        )
        dispatcher = DeliveryDispatcher(
            store: store,
            hooks: configuration.hooks,
            runner: HookRunner(
                logger: logger,
                workingDirectory: URL(fileURLWithPath: configuration.database).deletingLastPathComponent().path
            ),
            webhooks: WebhookSender(fetcher: fetcher, userAgent: configuration.fetchLimits.userAgent),
            policy: RetryPolicy(maxAttempts: configuration.deliveryAttempts),
            concurrency: configuration.deliveryConcurrency,
            logger: logger
        )
    }

    /// Polls `sources` (started one host in turn), records the polls in the store in one transaction and returns the
    /// results in the order of `sources`, with the schedules updated.
    ///
    /// The fetcher holds transfers to `configuration.concurrency`; twice as many sources are in progress here, so
    /// that sources being extracted or waiting for their commit do not keep a transfer slot idle.
    ///
    /// `progress` is called as each source finishes, so a long pass can keep systemd's watchdog fed from the loop
    /// that runs it.
    public func poll(
        _ sources: [Source],
        schedules: [String: PollSchedule],
        now: @Sendable () -> Date,
        progress: () -> Void = {}
    ) async -> (results: [SourcePollResult], schedules: [String: PollSchedule]) {
        let pipeline = self.pipeline
        var results = [SourcePollResult?](repeating: nil, count: sources.count)
        // One read for every page's stored validators and hash; if it fails, each poll reads its own and reports.
        let pages = sources.filter { $0.kind == .page }.map(\.name)
        let documents = await pageDocuments(pages)
        let order = HostInterleaving.order(sources)
        await withTaskGroup(of: (Int, SourcePollResult).self) { group in
            var next = 0
            func startNext() {
                guard next < order.count else { return }
                let index = order[next]
                let source = sources[index]
                next += 1
                group.addTask { (index, await pipeline.poll(source, pageDocuments: documents)) }
            }
            for _ in 0..<min(Self.sourcesInProgress(transfers: configuration.concurrency), sources.count) {
                startNext()
            }
            while let (index, result) = await group.next() {
                results[index] = result
                progress()
                startNext()
            }
        }
        var updated = schedules
        var finished: [SourcePollResult] = []
        var records: [String: PollRecord] = [:]
        for (source, result) in zip(sources, results.compactMap { $0 }) {
            let attemptedAt = now()
            var schedule =
                schedules[source.name]?.withInterval(source.interval, now: attemptedAt)
                ?? PollSchedule(interval: source.interval, nextDue: attemptedAt)
            if result.succeeded {
                schedule.succeeded(at: attemptedAt)
            } else {
                schedule.failed(at: attemptedAt, retryAfter: result.retryAfter)
                logger.warning(
                    "Source failed",
                    metadata: [
                        "source": "\(source.name)", "error": "\(result.error ?? "")",
                        "failures": "\(schedule.failureStreak)", "retry.at": "\(schedule.nextDue)",
                    ]
                )
            }
            updated[source.name] = schedule
            records[source.name] = PollRecord(
                attemptedAt: attemptedAt,
                error: result.error,
                failureStreak: schedule.failureStreak,
                nextDueAt: schedule.nextDue,
                etag: result.etag,
                lastModified: result.lastModified,
                status: result.status,
                bytes: result.bytes,
                duration: result.duration,
                retryAfterAt: result.retryAfter.map { attemptedAt.addingTimeInterval(PollSchedule.seconds($0)) }
            )
            finished.append(result)
        }
        do {
            try await store.recordPolls(records)
        } catch {
            logger.error("Cannot record the polls", metadata: ["sources": "\(records.count)", "error": "\(error)"])
        }
        return (finished, updated)
    }

    /// The stored documents of `pages`, or `nil` (logged) when they cannot be read at once.
    private func pageDocuments(_ pages: [String]) async -> [String: DocumentState]? {
        guard !pages.isEmpty else { return nil }
        do {
            return try await store.pageDocuments(sources: pages)
        } catch {
            logger.warning(
                "Cannot read the pages' stored state at once; each source reads its own",
                metadata: ["sources": "\(pages.count)", "error": "\(error)"]
            )
            return nil
        }
    }

    /// Sources a pass works on at once for `transfers` transfers at once.
    static func sourcesInProgress(transfers: Int) -> Int { max(1, transfers) * 2 }

    /// Logs the deadline timer changes due at `now` (`deadline_approaching`, `deadline_passed`) with their
    /// deliveries; each fires once per deadline, however often this runs and across restarts.
    public func fireDeadlineTimers(now: Date) async throws -> [Change] {
        let timer = DeadlineTimer(leads: configuration.deadlineLeads)
        let hooks = configuration.hooks
        return try await store.fireDeadlineTimers(
            evaluate: { record, logged in timer.due(for: record, now: now, logged: logged) },
            route: { change in hooks.filter { $0.accepts(change) }.map(\.name) }
        )
    }

    /// The schedules the store remembers for the configured sources; a source never polled is due now.
    public func storedSchedules(now: Date) async throws -> [String: PollSchedule] {
        let states = Dictionary(
            try await store.sources().map { ($0.name, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var schedules: [String: PollSchedule] = [:]
        for source in configuration.sources {
            let state = states[source.name]
            schedules[source.name] = PollSchedule(
                interval: source.interval,
                failureStreak: state?.failureStreak ?? 0,
                nextDue: state?.nextDueAt ?? now
            )
        }
        return schedules
    }
}
