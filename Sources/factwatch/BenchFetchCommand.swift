import ArgumentParser
import Core
import Daemon
import Fetching
import Foundation
import Glibc
import Logging

/// `factwatch bench fetch`: the HTTP side of polling alone, without extraction or storage.
///
/// Fetches `count` URLs once (full bodies), then again with the validators of the first pass (a server that keeps
/// its ETags answers 304), through the same ``Fetcher`` the daemon uses, with at most `concurrency` fetches in flight
/// like a pass of `factwatch once`. Prints one JSON object: per pass the pages per second, the latency percentiles
/// of a fetch as its caller sees it, and at the end the process's peak resident memory. `Tests/Measure/fetch_bench.py`
/// runs it against its loopback page server.
struct BenchFetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Measure HTTP polling: fetch N URLs, then again conditionally (304s); prints JSON.",
        discussion: """
            PATTERN is a URL in which {n} is replaced by 0, 1, … COUNT-1, e.g. \
            http://127.0.0.1:8080/article/{n}.html. The per-host settings default to no limit and no delay, because a \
            benchmark usually has one loopback host; against a real site pass the daemon's polite values \
            (--concurrency-per-host 2 --host-delay 1s). Build with `swift build -c release` for meaningful figures.
            """
    )

    @Argument(help: "The URL pattern; {n} is replaced by the page number.")
    var pattern: String

    @Option(name: .long, help: "How many URLs.")
    var count = 1000

    @Option(name: .long, help: "Fetches in flight at once, overall.")
    var concurrency = 32

    @Option(name: .long, help: "Fetches in flight at once against one host.")
    var concurrencyPerHost = 32

    @Option(name: .long, help: "Least time between two request starts to one host, e.g. 0s, 250ms, 1s.")
    var hostDelay = "0s"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .error

    /// The figures of one pass over every URL.
    struct Pass: Encodable {
        var pages: Int
        var ok: Int
        var notModified: Int
        var failed: Int
        var bytes: Int
        var seconds: Double
        var pagesPerSecond: Double
        var latencyP50Ms: Double
        var latencyP95Ms: Double
        var transferP50Ms: Double
        var transferP95Ms: Double
        var firstError: String?

        enum CodingKeys: String, CodingKey {
            case pages, ok, failed, bytes, seconds
            case notModified = "not_modified"
            case pagesPerSecond = "pages_per_second"
            case latencyP50Ms = "latency_p50_ms"
            case latencyP95Ms = "latency_p95_ms"
            case transferP50Ms = "transfer_p50_ms"
            case transferP95Ms = "transfer_p95_ms"
            case firstError = "first_error"
        }
    }

    struct Report: Encodable {
        var count: Int
        var concurrency: Int
        var concurrencyPerHost: Int
        var hostDelayMs: Double
        var first: Pass
        var repeated: Pass
        var peakResidentMiB: Double

        enum CodingKeys: String, CodingKey {
            case count, concurrency, first
            case concurrencyPerHost = "concurrency_per_host"
            case hostDelayMs = "host_delay_ms"
            case repeated = "repeat"
            case peakResidentMiB = "peak_resident_mib"
        }
    }

    /// What one fetch left behind: its validators for the next pass, and its figures.
    private struct Outcome: Sendable {
        var etag: String?
        var lastModified: String?
        var status: Int?
        var bytes = 0
        var latency: Duration
        var transfer: Duration?
        var error: String?
    }

    func validate() throws {
        guard pattern.contains("{n}") else { throw ValidationError("PATTERN must contain {n}") }
        guard count > 0, concurrency > 0, concurrencyPerHost > 0 else {
            throw ValidationError("--count, --concurrency and --concurrency-per-host must be positive")
        }
        guard DurationText.parse(hostDelay) != nil else {
            throw ValidationError("--host-delay \"\(hostDelay)\" is not a duration such as 0s, 250ms or 1s")
        }
    }

    func run() async throws {
        let logger = try Bootstrap.start(level: logLevel)
        let delay = DurationText.parse(hostDelay) ?? .zero
        let politeness = FetchPoliteness(
            maxTransfers: concurrency,
            maxTransfersPerHost: concurrencyPerHost,
            hostDelay: delay
        )
        let urls = (0..<count).map { pattern.replacingOccurrences(of: "{n}", with: String($0)) }
        let concurrency = self.concurrency
        let report = try await Fetcher.withFetcher(politeness: politeness, logger: logger) { fetcher in
            let (first, validators) = await Self.pass(urls.map { FetchRequest(url: $0) }, fetcher, concurrency)
            let conditional = zip(urls, validators).map { url, outcome in
                FetchRequest(url: url, etag: outcome.etag, lastModified: outcome.lastModified)
            }
            let (repeated, _) = await Self.pass(conditional, fetcher, concurrency)
            return Report(
                count: urls.count,
                concurrency: concurrency,
                concurrencyPerHost: concurrencyPerHost,
                hostDelayMs: Self.milliseconds(delay),
                first: first,
                repeated: repeated,
                peakResidentMiB: Self.peakResidentMiB()
            )
        }
        print(String(decoding: try JSONCoding.encoder(pretty: true).encode(report), as: UTF8.self))
    }

    /// Fetches every request with at most `concurrency` in flight; returns the figures and each fetch's outcome in
    /// request order.
    private static func pass(
        _ requests: [FetchRequest],
        _ fetcher: Fetcher,
        _ concurrency: Int
    ) async -> (Pass, [Outcome]) {
        let clock = ContinuousClock()
        let started = clock.now
        var outcomes = [Outcome?](repeating: nil, count: requests.count)
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func startNext() {
                guard next < requests.count else { return }
                let index = next
                let request = requests[index]
                next += 1
                group.addTask {
                    let begun = clock.now
                    do {
                        let response = try await fetcher.fetch(request)
                        return (
                            index,
                            Outcome(
                                etag: response.etag,
                                lastModified: response.lastModified,
                                status: response.status,
                                bytes: response.body.count,
                                latency: clock.now - begun,
                                transfer: response.duration
                            )
                        )
                    } catch {
                        return (index, Outcome(latency: clock.now - begun, error: "\(error)"))
                    }
                }
            }
            for _ in 0..<min(concurrency, requests.count) { startNext() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                startNext()
            }
        }
        let elapsed = clock.now - started
        let done = outcomes.compactMap { $0 }
        let seconds = milliseconds(elapsed) / 1000
        let latencies = done.map { milliseconds($0.latency) }.sorted()
        let transfers = done.compactMap { $0.transfer.map(milliseconds) }.sorted()
        let pass = Pass(
            pages: done.count,
            ok: done.filter { $0.status == 200 }.count,
            notModified: done.filter { $0.status == 304 }.count,
            failed: done.filter { $0.error != nil }.count,
            bytes: done.reduce(0) { $0 + $1.bytes },
            seconds: seconds,
            pagesPerSecond: seconds > 0 ? Double(done.count) / seconds : 0,
            latencyP50Ms: percentile(latencies, 0.50),
            latencyP95Ms: percentile(latencies, 0.95),
            transferP50Ms: percentile(transfers, 0.50),
            transferP95Ms: percentile(transfers, 0.95),
            firstError: done.first { $0.error != nil }?.error
        )
        return (pass, done)
    }

    /// The nearest-rank percentile of sorted values; 0 for none.
    private static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    private static func peakResidentMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
