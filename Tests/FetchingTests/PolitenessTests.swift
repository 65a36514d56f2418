import Fetching
import Foundation
import Synchronization
import TestSupport
import Testing

/// The politeness rules against a real server: what the server sees, not how long anything took.
@Suite struct PolitenessTests {
    /// Fetches `paths` all at once and returns the errors, in order (nil for a success).
    func fetchAll(_ paths: [String], from server: LoopbackHTTPServer, with fetcher: Fetcher) async -> [FetchError?] {
        await withTaskGroup(of: (Int, FetchError?).self) { group in
            for (index, path) in paths.enumerated() {
                group.addTask {
                    let error = await fetchError { () async throws(FetchError) in
                        try await fetcher.fetch(FetchRequest(url: server.url(path)))
                    }
                    return (index, error)
                }
            }
            var errors = [FetchError?](repeating: nil, count: paths.count)
            for await (index, error) in group { errors[index] = error }
            return errors
        }
    }

    @Test func aHostNeverSeesMoreThanItsShareOfTransfers() async throws {
        let politeness = FetchPoliteness(maxTransfers: 8, maxTransfersPerHost: 2, hostDelay: .zero)
        try await withServerAndFetcher(politeness: politeness) { server, fetcher in
            server.route("/slow", response: LoopbackResponse(body: Array("ok".utf8), delay: .milliseconds(100)))
            let errors = await fetchAll(Array(repeating: "/slow", count: 6), from: server, with: fetcher)
            #expect(errors.allSatisfy { $0 == nil })
            #expect(server.requests(for: "/slow").count == 6)
            #expect(server.maxConcurrentRequests <= 2)
        }
    }

    @Test func theOverallLimitHoldsWhateverTheHostAllows() async throws {
        let politeness = FetchPoliteness(maxTransfers: 1, maxTransfersPerHost: 8, hostDelay: .zero)
        try await withServerAndFetcher(politeness: politeness) { server, fetcher in
            server.route("/slow", response: LoopbackResponse(body: Array("ok".utf8), delay: .milliseconds(50)))
            let errors = await fetchAll(Array(repeating: "/slow", count: 4), from: server, with: fetcher)
            #expect(errors.allSatisfy { $0 == nil })
            #expect(server.maxConcurrentRequests == 1)
        }
    }

    @Test func waitingForASlotDoesNotRunTheTransferTimeout() async throws {
        // Forty 100 ms answers, two at a time, take two seconds; each transfer has only one.
        let politeness = FetchPoliteness(maxTransfers: 2, maxTransfersPerHost: 2, hostDelay: .zero)
        let limits = FetchLimits(totalTimeout: .seconds(1))
        try await withServerAndFetcher(limits: limits, politeness: politeness) { server, fetcher in
            server.route("/page", response: LoopbackResponse(body: Array("ok".utf8), delay: .milliseconds(100)))
            let errors = await fetchAll(Array(repeating: "/page", count: 40), from: server, with: fetcher)
            #expect(errors.compactMap { $0 }.isEmpty)
            #expect(server.requests(for: "/page").count == 40)
        }
    }

    @Test func connectionsAreReusedAcrossTransfers() async throws {
        try await LoopbackHTTPServer.with(keepAlive: true) { server in
            server.route("/page", response: .text("ok"))
            let politeness = FetchPoliteness.unthrottled(maxTransfers: 4)
            try await Fetcher.withFetcher(politeness: politeness, logger: testLogger()) { fetcher in
                for _ in 0..<10 {
                    _ = try await fetcher.fetch(FetchRequest(url: server.url("/page")))
                }
                #expect(server.connectionsAccepted == 1)
                let errors = await fetchAll(Array(repeating: "/page", count: 40), from: server, with: fetcher)
                #expect(errors.allSatisfy { $0 == nil })
                #expect(server.requests(for: "/page").count == 50)
                #expect(server.connectionsAccepted <= 4)
            }
        }
    }

    @Test func a429WithRetryAfterDefersEveryRequestToThatHost() async throws {
        try await withServerAndFetcher(politeness: FetchPoliteness(hostDelay: .zero)) { server, fetcher in
            server.route("/limited", response: .text("slow down", status: 429, headers: [("Retry-After", "120")]))
            server.route("/other", response: .text("fine"))
            let limited = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/limited")))
            }
            #expect(limited?.code == .httpStatus)
            #expect(limited?.httpStatus == 429)
            #expect(limited?.retryAfter == .seconds(120))
            #expect(limited?.isTransient == true)
            #expect(limited?.description.contains("retry after 120 s") == true)

            let other = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/other")))
            }
            #expect(other?.code == .deferred)
            #expect(other?.isTransient == true)
            let left = try #require(other?.retryAfter)
            #expect(left > .seconds(100) && left <= .seconds(120))
            #expect(server.requests(for: "/other").isEmpty)
        }
    }

    @Test func a503WithAShortRetryAfterMakesTheNextRequestWaitNotFail() async throws {
        let calls = Mutex(0)
        try await withServerAndFetcher(politeness: FetchPoliteness(hostDelay: .zero)) { server, fetcher in
            server.route("/flaky") { _ in
                let call = calls.withLock { count in
                    count += 1
                    return count
                }
                return call == 1 ? .text("busy", status: 503, headers: [("Retry-After", "1")]) : .text("back")
            }
            let first = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/flaky")))
            }
            #expect(first?.httpStatus == 503)
            #expect(first?.retryAfter == .seconds(1))
            let second = try await fetcher.fetch(FetchRequest(url: server.url("/flaky")))
            #expect(second.body == Array("back".utf8))
            #expect(server.requests(for: "/flaky").count == 2)
        }
    }

    @Test func retryAfterOnOtherStatusesIsIgnored() async throws {
        try await withServerAndFetcher(politeness: FetchPoliteness(hostDelay: .zero)) { server, fetcher in
            server.route("/broken", response: .text("oops", status: 500, headers: [("Retry-After", "3600")]))
            server.route("/fine", response: .text("fine"))
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/broken")))
            }
            #expect(error?.httpStatus == 500)
            #expect(error?.retryAfter == nil)
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/fine")))
        }
    }

    @Test func aServerThatTricklesIsAbortedByTheLowSpeedLimit() async throws {
        let limits = FetchLimits(totalTimeout: .seconds(60), lowSpeedLimit: 1000, lowSpeedTime: .seconds(1))
        try await withServerAndFetcher(limits: limits) { server, fetcher in
            server.route(
                "/trickle",
                response: LoopbackResponse(
                    body: [UInt8](repeating: 0x61, count: 200),
                    framing: .chunked(chunkSize: 1, pause: .milliseconds(200))
                )
            )
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/trickle")))
            }
            #expect(error?.code == .timedOut)
        }
    }

    @Test func aRequestCanBringItsOwnLimits() async throws {
        try await withServerAndFetcher(limits: FetchLimits(maxBodyBytes: 1024 * 1024)) { server, fetcher in
            server.route("/page", response: LoopbackResponse(body: [UInt8](repeating: 0x62, count: 1000)))
            let small = FetchLimits(maxBodyBytes: 100)
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/page"), limits: small))
            }
            #expect(error?.code == .bodyTooLarge)
            let fits = try await fetcher.fetch(FetchRequest(url: server.url("/page")))
            #expect(fits.body.count == 1000)
        }
    }
}
