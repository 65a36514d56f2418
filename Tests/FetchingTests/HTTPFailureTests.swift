import Fetching
import Foundation
import Synchronization
import TestSupport
import Testing

/// Timeouts, caps, refused connections, cancellation and shutdown: the ways a fetch must fail cleanly.
@Suite struct HTTPFailureTests {
    @Test func connectionRefusedOnAClosedPort() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        try await withServerAndFetcher { _, fetcher in
            let url = "http://127.0.0.1:\(port)/"
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: url))
            }
            #expect(error?.code == .connectFailed)
            #expect(error?.url == url)
            #expect(error?.isTransient == true)
        }
    }

    @Test func totalTimeoutStopsASlowServer() async throws {
        let limits = FetchLimits(totalTimeout: .milliseconds(500))
        try await withServerAndFetcher(limits: limits) { server, fetcher in
            server.route("/slow", response: LoopbackResponse(body: Array("late".utf8), delay: .seconds(20)))
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/slow")))
            }
            #expect(error?.code == .timedOut)
        }
    }

    @Test func bodyCapStopsAChunkedBodyWithoutContentLength() async throws {
        let limits = FetchLimits(maxBodyBytes: 1024 * 1024)
        try await withServerAndFetcher(limits: limits) { server, fetcher in
            server.route(
                "/huge",
                response: LoopbackResponse(
                    body: [UInt8](repeating: 0x61, count: 4 * 1024 * 1024),
                    framing: .chunked(chunkSize: 64 * 1024)
                )
            )
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/huge")))
            }
            #expect(error?.code == .bodyTooLarge)
        }
    }

    @Test func bodyCapRejectsADeclaredContentLength() async throws {
        try await withServerAndFetcher(limits: FetchLimits(maxBodyBytes: 1000)) { server, fetcher in
            server.route("/big", response: LoopbackResponse(body: [UInt8](repeating: 0x62, count: 1001)))
            server.route("/fits", response: LoopbackResponse(body: [UInt8](repeating: 0x62, count: 1000)))
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/big")))
            }
            #expect(error?.code == .bodyTooLarge)
            let fits = try await fetcher.fetch(FetchRequest(url: server.url("/fits")))
            #expect(fits.body.count == 1000)
        }
    }

    @Test func bodyCapCountsDecodedBytesSoAGzipBombStops() async throws {
        let bomb = try Gzip.compress([UInt8](repeating: 0, count: 4 * 1024 * 1024))
        #expect(bomb.count < 64 * 1024)
        try await withServerAndFetcher(limits: FetchLimits(maxBodyBytes: 1024 * 1024)) { server, fetcher in
            server.route("/bomb", response: LoopbackResponse(headers: [("Content-Encoding", "gzip")], body: bomb))
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/bomb")))
            }
            #expect(error?.code == .bodyTooLarge)
        }
    }

    @Test func fiftyConcurrentFetchesAllSucceed() async throws {
        try await withServerAndFetcher { server, fetcher in
            for index in 0..<50 {
                server.route("/item/\(index)", response: .text("item \(index)"))
            }
            let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let response = try await fetcher.fetch(FetchRequest(url: server.url("/item/\(index)")))
                        return (index, String(decoding: response.body, as: UTF8.self))
                    }
                }
                var bodies: [Int: String] = [:]
                for try await (index, body) in group {
                    bodies[index] = body
                }
                return bodies
            }
            #expect(bodies.count == 50)
            for index in 0..<50 {
                #expect(bodies[index] == "item \(index)")
            }
            #expect(server.requests.count == 50)
        }
    }

    @Test func cancellingAnInFlightFetchReturnsPromptly() async throws {
        try await withServerAndFetcher { server, fetcher in
            server.route("/hang", response: LoopbackResponse(body: Array("never".utf8), delay: .seconds(60)))
            let (error, waited) = await withTaskGroup(of: FetchError?.self) { group in
                group.addTask {
                    await fetchError { () async throws(FetchError) in
                        try await fetcher.fetch(FetchRequest(url: server.url("/hang")))
                    }
                }
                let arrived = await server.waitForRequest(to: "/hang")
                #expect(arrived)
                let clock = ContinuousClock()
                let cancelledAt = clock.now
                group.cancelAll()
                let error = await group.next() ?? nil
                return (error, clock.now - cancelledAt)
            }
            #expect(error?.code == .cancelled)
            // The server would answer after 60 s; anything near that means the cancellation was ignored.
            #expect(waited < .seconds(10))
        }
    }

    @Test func fetchesStillRunningAtShutdownAreCancelled() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route("/hang", response: LoopbackResponse(delay: .seconds(60)))
            let escaped = try await Fetcher.withFetcher(logger: testLogger()) { fetcher in
                let task = Task {
                    await fetchError { () async throws(FetchError) in
                        try await fetcher.fetch(FetchRequest(url: server.url("/hang")))
                    }
                }
                #expect(await server.waitForRequest(to: "/hang"))
                return task
            }
            let error = await escaped.value
            #expect(error?.code == .cancelled)
        }
    }

    @Test func aFetcherUsedAfterItsScopeEndedRefusesPolitely() async throws {
        let escaped = try await Fetcher.withFetcher(logger: testLogger()) { $0 }
        let error = await fetchError { () async throws(FetchError) in
            try await escaped.fetch(FetchRequest(url: "http://127.0.0.1:9/"))
        }
        #expect(error?.code == .cancelled)
    }
}
