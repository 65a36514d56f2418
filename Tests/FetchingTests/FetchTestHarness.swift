import Fetching
import InMemoryLogging
import Logging
import TestSupport

/// Starts a loopback server and a fetcher for one test, and tears both down in the right order afterwards: the
/// fetcher's loop thread first, then the server, whose stop also cuts short any delayed response.
///
/// The fetcher is unthrottled unless a test asks otherwise: every request goes to one loopback host, and the default
/// one-second host delay would only make the tests slow.
func withServerAndFetcher<Result>(
    limits: FetchLimits = FetchLimits(),
    politeness: FetchPoliteness = .unthrottled(),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (LoopbackHTTPServer, Fetcher) async throws -> Result
) async throws -> Result {
    try await LoopbackHTTPServer.with { server in
        try await Fetcher.withFetcher(limits: limits, politeness: politeness, logger: testLogger()) { fetcher in
            try await body(server, fetcher)
        }
    }
}

/// A logger that keeps entries in memory: tests stay quiet and can inspect what was logged.
func testLogger(_ handler: InMemoryLogHandler = InMemoryLogHandler()) -> Logger {
    var logger = Logger(label: "factwatch.test") { _ in handler }
    logger.logLevel = .debug
    return logger
}

/// Runs `body` and returns the ``FetchError`` it throws, or nil when it does not throw.
func fetchError(_ body: () async throws(FetchError) -> FetchResponse) async -> FetchError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}
