import Alerts
import Core
import Daemon
import Facts
import Fetching
import Foundation
import Logging
import Storage
import TestSupport
import Testing

/// One pass over several sources through the real pipeline, against a loopback HTTP server and real files.
@Suite struct PipelineTests {
    static let story = RepositoryPaths.seeds.appendingPathComponent("sf-consulate-2017")

    static func page(_ version: Int) throws -> [UInt8] {
        Array(try Data(contentsOf: story.appendingPathComponent("v\(version).html")))
    }

    static func withEngine<T>(
        _ directory: TemporaryDirectory,
        sources: [Source],
        _ body: (Engine, SQLiteStore) async throws -> T
    ) async throws -> T {
        let logger = TestLogging.quiet()
        let configuration = Configuration(database: directory.file("factwatch.sqlite"), sources: sources)
        let store = try SQLiteStore(path: configuration.database, logger: logger)
        try await store.register(sources)
        return try await Fetcher.withFetcher(politeness: .unthrottled(), logger: logger) { fetcher in
            try await body(
                try Engine(configuration: configuration, store: store, fetcher: fetcher, logger: logger),
                store
            )
        }
    }

    @Test func aFailingSourceNeverStopsTheOthersAndItsHealthIsRecorded() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route(
                "/story",
                response: LoopbackResponse(headers: [("Content-Type", "text/html")], body: try Self.page(1))
            )
            server.route("/broken", response: .text("upstream exploded", status: 500))
            try await TemporaryDirectory.with { directory in
                let sources = [
                    Source(name: "broken", url: server.url("/broken"), kind: .page, interval: .seconds(60)),
                    Source(name: "missing-file", url: directory.file("nope.html"), kind: .page, interval: .seconds(60)),
                    Source(name: "ledger", url: server.url("/story"), kind: .page, interval: .seconds(60)),
                ]
                try await Self.withEngine(directory, sources: sources) { engine, store async throws in
                    let pass = await engine.poll(sources, schedules: [:], now: { Date() })
                    #expect(pass.results.map(\.source) == ["broken", "missing-file", "ledger"])
                    #expect(pass.results[0].error?.contains("500") == true)
                    #expect(pass.results[1].error?.contains("nope.html") == true)
                    #expect(pass.results[2].error == nil)
                    #expect(pass.results[2].changes.count == 14)
                    #expect(pass.schedules["broken"]?.failureStreak == 1)
                    #expect(pass.schedules["ledger"]?.failureStreak == 0)

                    let health = Dictionary(uniqueKeysWithValues: try await store.sources().map { ($0.name, $0) })
                    #expect(health["broken"]?.failureStreak == 1)
                    #expect(health["broken"]?.lastError?.contains("500") == true)
                    #expect(health["missing-file"]?.lastError?.contains("nope.html") == true)
                    #expect(health["ledger"]?.lastSuccessAt != nil)
                    #expect(health["ledger"]?.versionCount == 1)
                }
            }
        }
    }

    @Test func validatorsAreSentBackAndA304StoresNothingNew() async throws {
        try await LoopbackHTTPServer.with { server in
            let body = try Self.page(1)
            server.route("/story") { request in
                if request.header("If-None-Match") == "\"v1\"" { return LoopbackResponse(status: 304) }
                return LoopbackResponse(headers: [("Content-Type", "text/html"), ("ETag", "\"v1\"")], body: body)
            }
            try await TemporaryDirectory.with { directory in
                let sources = [Source(name: "ledger", url: server.url("/story"), kind: .page, interval: .seconds(60))]
                try await Self.withEngine(directory, sources: sources) { engine, store async throws in
                    _ = await engine.poll(sources, schedules: [:], now: { Date() })
                    let second = await engine.poll(sources, schedules: [:], now: { Date() })
                    #expect(second.results[0].error == nil)
                    #expect(second.results[0].newVersions == 0)
                    #expect(server.requests(for: "/story").map { $0.header("If-None-Match") } == [nil, "\"v1\""])
                    #expect(try await store.sources().first?.versionCount == 1)
                    #expect(try await store.latestChangeID() == 14)
                }
            }
        }
    }

    @Test func aFeedsItemsAreReadAsArticlesAndABrokenItemIsSkipped() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route(
                "/story-1",
                response: LoopbackResponse(headers: [("Content-Type", "text/html")], body: try Self.page(1))
            )
            server.route(
                "/story-4",
                response: LoopbackResponse(headers: [("Content-Type", "text/html")], body: try Self.page(4))
            )
            server.route("/gone", response: .text("not here", status: 404))
            let feed = """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>World</title>
                <item><title>Closed</title><link>/story-4</link><pubDate>Sat, 02 Sep 2017 18:30:00 -0400</pubDate></item>
                <item><title>Gone</title><link>/gone</link></item>
                <item><title>Ordered</title><link>/story-1</link><pubDate>Thu, 31 Aug 2017 15:10:00 -0400</pubDate></item>
                </channel></rss>
                """
            server.route("/feed.xml", response: .text(feed, contentType: "application/rss+xml"))
            try await TemporaryDirectory.with { directory in
                let sources = [Source(name: "wire", url: server.url("/feed.xml"), kind: .feed, interval: .seconds(60))]
                try await Self.withEngine(directory, sources: sources) { engine, store async throws in
                    let pass = await engine.poll(sources, schedules: [:], now: { Date() })
                    let result = pass.results[0]
                    #expect(result.error == nil)
                    #expect(result.documentsChecked == 3)
                    #expect(result.newVersions == 2)
                    #expect(result.itemErrors.count == 1)
                    #expect(result.itemErrors.first?.contains("/gone") == true)
                    // The closed report came first, so the older order report cannot roll the state back.
                    let states = try await store.facilities().map { "\($0.key) \($0.state.status)" }
                    #expect(states.contains("ru:consulate:us:san-francisco closed"))
                    #expect(try await store.sources().first?.documentCount == 2)  // a failed fetch makes no document
                }
            }
        }
    }
}
