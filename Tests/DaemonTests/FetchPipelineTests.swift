import Core
import Daemon
import Extraction
import Fetching
import Foundation
import Storage
import Synchronization
import TestSupport
import Testing

/// What the fetch side of a pass leaves behind: source health, Retry-After, feeds read through redirects and
/// duplicates, per-source limits. Against a loopback server, through the real engine and store.
@Suite struct FetchPipelineTests {
    static func withEngine<T>(
        _ directory: TemporaryDirectory,
        sources: [Source],
        sourceFetch: [String: Configuration.SourceFetchSettings] = [:],
        _ body: (Engine, SQLiteStore) async throws -> T
    ) async throws -> T {
        let logger = TestLogging.quiet()
        let configuration = Configuration(
            database: directory.file("factwatch.sqlite"),
            sources: sources,
            sourceFetch: sourceFetch
        )
        let store = try SQLiteStore(path: configuration.database, logger: logger)
        try await store.register(sources)
        return try await Fetcher.withFetcher(politeness: FetchPoliteness(hostDelay: .zero), logger: logger) {
            fetcher in
            try await body(
                try Engine(configuration: configuration, store: store, fetcher: fetcher, logger: logger),
                store
            )
        }
    }

    static func html(_ title: String, _ paragraph: String) -> [UInt8] {
        Array(
            "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1><p>\(paragraph)</p></article></body></html>"
                .utf8
        )
    }

    static func page(_ name: String, _ url: String, kind: Source.Kind = .page) -> Source {
        Source(name: name, url: url, kind: kind, interval: .seconds(600))
    }

    @Test func aSourceThatFailsThenRecoversShowsItsLastAnswerInItsHealth() async throws {
        let calls = Mutex(0)
        let body = Self.html("Harbour reopens", "The harbour reopened on Monday after a week of repairs.")
        try await LoopbackHTTPServer.with { server in
            server.route("/story") { _ in
                let call = calls.withLock { count in
                    count += 1
                    return count
                }
                if call == 1 { return .text("upstream exploded", status: 500) }
                return LoopbackResponse(headers: [("Content-Type", "text/html")], body: body)
            }
            try await TemporaryDirectory.with { directory in
                let sources = [Self.page("ledger", server.url("/story"))]
                try await Self.withEngine(directory, sources: sources) { engine, store async throws in
                    let failed = await engine.poll(sources, schedules: [:], now: { Date() })
                    #expect(failed.schedules["ledger"]?.failureStreak == 1)
                    var health = try #require(try await store.source(named: "ledger"))
                    #expect(health.failureStreak == 1)
                    #expect(health.lastStatus == 500)
                    #expect(health.lastBytes == nil)
                    #expect(health.lastError?.contains("500") == true)

                    let recovered = await engine.poll(sources, schedules: failed.schedules, now: { Date() })
                    #expect(recovered.results[0].succeeded)
                    #expect(recovered.schedules["ledger"]?.failureStreak == 0)
                    health = try #require(try await store.source(named: "ledger"))
                    #expect(health.failureStreak == 0)
                    #expect(health.lastStatus == 200)
                    #expect(health.lastBytes == body.count)
                    #expect(health.lastDuration != nil)
                    #expect(health.lastError == nil)
                    #expect(health.lastSuccessAt != nil)
                }
            }
        }
    }

    @Test func a429PushesTheNextPollPastItsRetryAfterAndKeepsIt() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route("/busy", response: .text("slow down", status: 429, headers: [("Retry-After", "7200")]))
            try await TemporaryDirectory.with { directory in
                let sources = [Self.page("busy", server.url("/busy"))]
                try await Self.withEngine(directory, sources: sources) { engine, store async throws in
                    // Whole seconds: the store keeps instants to the millisecond.
                    let start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded())
                    let pass = await engine.poll(sources, schedules: [:], now: { start })
                    #expect(pass.results[0].retryAfter == .seconds(7200))
                    #expect(pass.schedules["busy"]?.nextDue == start.addingTimeInterval(7200))
                    let health = try #require(try await store.source(named: "busy"))
                    #expect(health.lastStatus == 429)
                    #expect(health.nextDueAt == start.addingTimeInterval(7200))
                    #expect(health.retryAfterAt == start.addingTimeInterval(7200))
                    // A restart reads the same schedule back.
                    let restored = try await engine.storedSchedules(now: start)
                    #expect(restored["busy"]?.failureStreak == 1)
                    #expect(restored["busy"]?.nextDue == start.addingTimeInterval(7200))
                }
            }
        }
    }

    @Test func aFeedBehindARedirectHasItsRelativeLinksResolvedAndItsDuplicatesDropped() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route("/old-feed", response: .redirect(to: "/feeds/world.xml", status: 301))
            let feed = """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>World</title>
                <item><title>One</title><link>../story-1</link></item>
                <item><title>Two</title><link>story-2?utm_source=rss&amp;utm_medium=feed</link></item>
                <item><title>Two again</title><link>story-2#comments</link></item>
                <item><title>One again</title><link>/story-1</link></item>
                </channel></rss>
                """
            server.route("/feeds/world.xml", response: .text(feed, contentType: "application/rss+xml"))
            server.route(
                "/story-1",
                response: LoopbackResponse(
                    headers: [("Content-Type", "text/html")],
                    body: Self.html("One", "The first story is about the harbour.")
                )
            )
            server.route(
                "/feeds/story-2",
                response: LoopbackResponse(
                    headers: [("Content-Type", "text/html")],
                    body: Self.html("Two", "The second story is about the railway.")
                )
            )
            try await TemporaryDirectory.with { directory in
                let sources = [Self.page("wire", server.url("/old-feed"), kind: .feed)]
                try await Self.withEngine(directory, sources: sources) { engine, store async throws in
                    let result = await engine.poll(sources, schedules: [:], now: { Date() }).results[0]
                    #expect(result.error == nil)
                    #expect(result.itemErrors == [])
                    #expect(result.documentsChecked == 2)
                    #expect(result.duplicateItems == 2)
                    #expect(result.newVersions == 2)
                    #expect(server.requests(for: "/story-1").count == 1)
                    #expect(server.requests(for: "/feeds/story-2").count == 1)
                    #expect(try await store.document(source: "wire", url: server.url("/story-1")) != nil)
                }
            }
        }
    }

    @Test func anItemThatLeavesTheFeedIsNotAnError() async throws {
        let edition = Mutex(1)
        try await LoopbackHTTPServer.with { server in
            server.route("/feed.xml") { _ in
                let items = edition.withLock { $0 } == 1 ? ["/a", "/b"] : ["/b"]
                let entries = items.map { "<item><title>x</title><link>\($0)</link></item>" }.joined()
                return .text("<rss version=\"2.0\"><channel>\(entries)</channel></rss>", contentType: "application/xml")
            }
            for path in ["/a", "/b"] {
                server.route(
                    path,
                    response: LoopbackResponse(
                        headers: [("Content-Type", "text/html")],
                        body: Self.html(path, "The story at \(path) is about a new bridge.")
                    )
                )
            }
            try await TemporaryDirectory.with { directory in
                let sources = [Self.page("wire", server.url("/feed.xml"), kind: .feed)]
                try await Self.withEngine(directory, sources: sources) { engine, store async throws in
                    _ = await engine.poll(sources, schedules: [:], now: { Date() })
                    edition.withLock { $0 = 2 }
                    let result = await engine.poll(sources, schedules: [:], now: { Date() }).results[0]
                    #expect(result.error == nil)
                    #expect(result.itemErrors.isEmpty)
                    #expect(result.documentsChecked == 1)
                    #expect(try await store.sources().first?.documentCount == 2)
                }
            }
        }
    }

    @Test func aFeedThatIsReallyAnHTMLPageSaysSo() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route(
                "/news",
                response: LoopbackResponse(
                    headers: [("Content-Type", "text/html")],
                    body: Self.html("News", "Not a feed at all.")
                )
            )
            try await TemporaryDirectory.with { directory in
                let sources = [Self.page("wire", server.url("/news"), kind: .feed)]
                try await Self.withEngine(directory, sources: sources) { engine, store async throws in
                    let result = await engine.poll(sources, schedules: [:], now: { Date() }).results[0]
                    let error = try #require(result.error)
                    #expect(error.contains("notAFeed"))
                    #expect(error.contains("configure it as a page"))
                    #expect(result.status == 200)
                    #expect(try await store.source(named: "wire")?.lastStatus == 200)
                }
            }
        }
    }

    @Test func aSourceWithItsOwnLimitsIsHeldToThemAndTheOthersAreNot() async throws {
        let big = Self.html("Long read", String(repeating: "A long paragraph about the harbour. ", count: 100))
        try await LoopbackHTTPServer.with { server in
            server.route("/long", response: LoopbackResponse(headers: [("Content-Type", "text/html")], body: big))
            try await TemporaryDirectory.with { directory in
                let sources = [Self.page("tight", server.url("/long")), Self.page("loose", server.url("/long"))]
                let tight = Configuration.SourceFetchSettings(maxBodyBytes: 1024)
                try await Self.withEngine(directory, sources: sources, sourceFetch: ["tight": tight]) {
                    engine,
                    _ async throws in
                    let results = await engine.poll(sources, schedules: [:], now: { Date() }).results
                    #expect(results[0].error?.contains("bodyTooLarge") == true)
                    #expect(results[1].error == nil)
                }
            }
        }
    }

    @Test func aLatin1PageDeclaredOnlyInAMetaTagArrivesUntouchedAndReadsCorrectly() async throws {
        let html =
            "<html><head><meta charset=\"iso-8859-1\"><title>Consulat fermé à Genève</title></head>"
            + "<body><article><h1>Consulat fermé à Genève</h1><p>Le consulat a fermé ses portes à Genève.</p>"
            + "</article></body></html>"
        let latin1 = Array(try #require(html.data(using: .isoLatin1)))
        try await LoopbackHTTPServer.with { server in
            server.route("/fr", response: LoopbackResponse(headers: [("Content-Type", "text/html")], body: latin1))
            try await Fetcher.withFetcher(politeness: .unthrottled(), logger: TestLogging.quiet()) { fetcher in
                let response = try await fetcher.fetch(FetchRequest(url: server.url("/fr")))
                #expect(response.body == latin1)
                #expect(response.charset == nil)
                let article = try ArticleExtractor().extract(
                    bytes: response.body,
                    url: response.finalURL,
                    contentType: response.contentType,
                    charset: response.charset
                )
                #expect(article.title == "Consulat fermé à Genève")
                #expect(article.text.contains("a fermé ses portes à Genève"))
            }
        }
    }
}
