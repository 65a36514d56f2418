public import Alerts
import Changes
public import Core
public import Extraction
public import Facts
public import Fetching
public import Foundation
public import Logging
public import Storage

/// One pass over one source: fetch, extract the article, find its facts, store the version and the changes it
/// causes. Each stage hands the next a plain value; the only shared state is the store.
///
/// A failure is confined to its source (or, for a feed, its item) and comes back in the result; it never throws
/// past ``poll(_:)``, so one broken source cannot stop a pass.
public struct Pipeline: Sendable {
    public let fetcher: Fetcher
    public let articles: ArticleExtractor
    public let facts: FactExtractor
    public let store: any ChangeStore
    public let hooks: [HookConfiguration]
    public let maxFeedItems: Int
    /// Fetch limits of the sources configured apart, by source name; the others use the fetcher's.
    public let sourceLimits: [String: FetchLimits]
    public let logger: Logger
    public let now: @Sendable () -> Date

    public init(
        fetcher: Fetcher,
        articles: ArticleExtractor = ArticleExtractor(),
        facts: FactExtractor,
        store: any ChangeStore,
        hooks: [HookConfiguration],
        maxFeedItems: Int = 20,
        sourceLimits: [String: FetchLimits] = [:],
        logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.fetcher = fetcher
        self.articles = articles
        self.facts = facts
        self.store = store
        self.hooks = hooks
        self.maxFeedItems = maxFeedItems
        self.sourceLimits = sourceLimits
        self.logger = logger
        self.now = now
    }

    /// - Parameter pageDocuments: The stored documents of the pass's page sources, by source name, when the caller
    ///   read them at once (a source missing from it was never stored); `nil` reads this source's own.
    public func poll(_ source: Source, pageDocuments: [String: DocumentState]? = nil) async -> SourcePollResult {
        var logger = self.logger
        logger[metadataKey: "source"] = "\(source.name)"
        var result = SourcePollResult(source: source.name)
        do {
            switch source.kind {
            case .page:
                let known: DocumentState?? = pageDocuments.map { documents in documents[source.name] }
                let changes = try await check(
                    url: source.url,
                    source: source.name,
                    known: known,
                    published: nil,
                    logger: logger,
                    result: &result
                )
                result.documentsChecked = 1
                result.newVersions = changes == nil ? 0 : 1
                result.changes = changes ?? []
            case .feed:
                try await pollFeed(source, logger: logger, result: &result)
            }
        } catch let error as FetchError {
            result.error = "\(error)"
            result.status = error.httpStatus
            // Set only for a 429 or 503 that asked for a pause, or a request deferred by one.
            result.retryAfter = error.retryAfter
        } catch {
            result.error = "\(error)"
        }
        return result
    }

    /// Fetches the feed, then checks its newest distinct items as articles. An item that fails is reported and
    /// skipped; an item that left the feed is simply no longer checked.
    private func pollFeed(_ source: Source, logger: Logger, result: inout SourcePollResult) async throws {
        let state = try await store.source(named: source.name)
        let response = try await fetcher.fetch(
            FetchRequest(
                url: source.url,
                etag: state?.etag,
                lastModified: state?.lastModified,
                limits: sourceLimits[source.name]
            )
        )
        Self.note(response, in: &result)
        result.etag = response.etag
        result.lastModified = response.lastModified
        if response.notModified { return }
        let feed = try FeedParser.parse(response.body, url: response.finalURL)
        let selection = FeedSelection(feed.items, limit: maxFeedItems)
        result.duplicateItems = selection.duplicates
        for item in selection.items {
            result.documentsChecked += 1
            do {
                // An item's status and size say nothing about the feed's own health, which `result` describes.
                var itemResult = SourcePollResult(source: source.name)
                if let changes = try await check(
                    url: item.link,
                    source: source.name,
                    known: nil,
                    published: item.published,
                    logger: logger,
                    result: &itemResult
                ) {
                    result.newVersions += 1
                    result.changes.append(contentsOf: changes)
                }
            } catch {
                logger.warning("Feed item failed", metadata: ["url": "\(item.link)", "error": "\(error)"])
                result.itemErrors.append("\(item.link): \(error)")
            }
        }
    }

    /// Checks one article URL; returns the changes logged, or `nil` when there was no new version. The fetch's
    /// status, size and time go into `result`. `known` is the stored document when the caller read it already.
    private func check(
        url: String,
        source: String,
        known: DocumentState??,
        published: LocalDateTime?,
        logger: Logger,
        result: inout SourcePollResult
    ) async throws
        -> [Change]?
    {
        let document: DocumentState? =
            if let known { known } else { try await store.document(source: source, url: url) }
        let response = try await fetcher.fetch(
            FetchRequest(
                url: url,
                etag: document?.etag,
                lastModified: document?.lastModified,
                limits: sourceLimits[source]
            )
        )
        Self.note(response, in: &result)
        if response.notModified {
            try await recordUnchanged(response, source: source, url: url)
            logger.debug("Not modified", metadata: ["url": "\(url)"])
            return nil
        }
        var article = try articles.extract(
            bytes: response.body,
            url: response.finalURL,
            contentType: response.contentType,
            charset: response.charset
        )
        if article.published == nil { article.published = published }
        let hash = ContentHash.sha256Hex(article.text)
        if hash == document?.latestContentHash {
            try await recordUnchanged(response, source: source, url: url)
            logger.debug("Text unchanged", metadata: ["url": "\(url)"])
            return nil
        }
        let extraction = facts.extract(from: article, fetchedAt: LocalDateTime(utc: response.fetchedAt))
        let observation = Observation(
            source: source,
            url: url,
            article: article,
            facts: extraction.facts + extraction.rejected,
            contentHash: hash,
            fetchedAt: response.fetchedAt,
            etag: response.etag,
            lastModified: response.lastModified
        )
        let detectedAt = now()
        let hooks = self.hooks
        let published = article.published
        let asOf = article.asOf
        // Sentences are only needed to describe an edit of a document seen before (`text_changed`).
        let sentences = document?.latestVersionID == nil ? [] : SentenceSplitter().split(article.text).map(\.text)
        let outcome = try await store.ingest(
            observation,
            detect: { input in
                let splitter = SentenceSplitter()
                let result = ChangeDetector().detect(
                    facts: input.facts,
                    previousFacts: input.previousFacts,
                    current: input.current,
                    context: .init(
                        source: source,
                        url: url,
                        versionID: input.versionID,
                        published: published,
                        asOf: asOf,
                        detectedAt: detectedAt
                    ),
                    sentences: sentences,
                    previousSentences: input.previousText.map { splitter.split($0).map(\.text) }
                )
                return Detection(changes: result.changes, facilities: result.facilities)
            },
            route: { change in hooks.filter { $0.accepts(change) }.map(\.name) }
        )
        logger.info(
            "New version",
            metadata: [
                "url": "\(url)", "version": "\(outcome.versionID.map(String.init) ?? "-")",
                "facts": "\(extraction.facts.count)", "changes": "\(outcome.changes.count)",
            ]
        )
        for change in outcome.changes { logger.logChange(change, url: url) }
        return outcome.isNewVersion ? outcome.changes : nil
    }

    private static func note(_ response: FetchResponse, in result: inout SourcePollResult) {
        result.status = response.status
        result.bytes = response.body.count
        result.duration = response.duration
    }

    /// Keeps the response's validators for the next conditional request and notes the check.
    private func recordUnchanged(_ response: FetchResponse, source: String, url: String) async throws {
        try await store.recordUnchanged(
            source: source,
            url: url,
            etag: response.etag,
            lastModified: response.lastModified,
            checkedAt: response.fetchedAt
        )
    }
}
