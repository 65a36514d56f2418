import Core
import Daemon
import Fetching
import Foundation
import Storage
import Testing

/// The fetch keys of the configuration: global limits, politeness, `[[host]]` overrides, per-source limits.
@Suite struct FetchConfigurationTests {
    @Test func defaultsArePoliteAndMatchTheFetcher() throws {
        let configuration = try ConfigurationTests.parse("")
        #expect(configuration.concurrency == 32)
        #expect(configuration.fetchLimits == FetchLimits())
        #expect(configuration.fetchPoliteness == FetchPoliteness())
        #expect(configuration.fetchPoliteness.maxTransfersPerHost == 2)
        #expect(configuration.fetchPoliteness.hostDelay == .seconds(1))
        #expect(configuration.sourceFetchLimits.isEmpty)
    }

    @Test func globalHostAndSourceSettingsAreRead() throws {
        let configuration = try ConfigurationTests.parse(
            """
            timeout = "20s"
            max_redirects = 3
            low_speed_limit = 500
            low_speed_time = "20s"
            concurrency = 64
            concurrency_per_host = 4
            host_delay = "250ms"

            [[host]]
            name = "Mirror.Example"
            concurrency = 16
            delay = "0s"

            [[host]]
            name = "slow.example"
            delay = "5s"

            [[source]]
            name = "big"
            url = "https://mirror.example/archive"
            max_body_bytes = 52428800
            timeout = "2m"
            max_redirects = 0

            [[source]]
            name = "plain"
            url = "https://news.example/world"
            """
        )
        let limits = configuration.fetchLimits
        #expect(limits.totalTimeout == .seconds(20))
        #expect(limits.maxRedirects == 3)
        #expect(limits.lowSpeedLimit == 500)
        #expect(limits.lowSpeedTime == .seconds(20))
        let politeness = configuration.fetchPoliteness
        #expect(politeness.maxTransfers == 64)
        #expect(politeness.maxTransfersPerHost == 4)
        #expect(politeness.hostDelay == .milliseconds(250))
        #expect(politeness.hosts["mirror.example"] == HostPoliteness(maxTransfers: 16, delay: .zero))
        #expect(politeness.hosts["slow.example"] == HostPoliteness(maxTransfers: nil, delay: .seconds(5)))

        let perSource = configuration.sourceFetchLimits
        #expect(perSource.keys.sorted() == ["big"])
        let big = try #require(perSource["big"])
        #expect(big.maxBodyBytes == 52_428_800)
        #expect(big.totalTimeout == .seconds(120))
        #expect(big.maxRedirects == 0)
        // What the source does not set comes from the global keys.
        #expect(big.lowSpeedLimit == 500)
        #expect(big.connectTimeout == limits.connectTimeout)
    }

    @Test func badFetchSettingsAreReportedWithTheirLines() {
        let issues = ConfigurationTests.issues(
            """
            max_redirects = 50
            host_delay = "soon"
            concurrency_per_host = 0

            [[host]]
            name = "example.com:8080"

            [[host]]
            concurrency = 2

            [[source]]
            name = "a"
            url = "https://example.org/a"
            max_body_bytes = 10
            low_speed_time = "0s"
            retries = 3
            """
        )
        #expect(issues.contains { $0.hasPrefix("1 max_redirects: 50 is out of range; allowed: 0 to 20") })
        #expect(issues.contains { $0.hasPrefix("2 host_delay: \"soon\" is not a duration") })
        #expect(issues.contains { $0.hasPrefix("3 concurrency_per_host: 0 is out of range") })
        #expect(issues.contains { $0.hasPrefix("6 host[1].name: \"example.com:8080\" is not a host name") })
        #expect(issues.contains { $0.hasPrefix("8 host[2].name: is required") })
        #expect(issues.contains { $0.hasPrefix("14 source[1].max_body_bytes: 10 is out of range") })
        #expect(issues.contains { $0.hasPrefix("15 source[1].low_speed_time: \"0s\" is too short") })
        #expect(issues.contains { $0.hasPrefix("16 source[1].retries: unknown key") })
        #expect(issues.count == 8)
    }

    @Test func sourcesJSONHasOneCompleteObjectPerSource() throws {
        let states = [
            SourceState(
                name: "ledger",
                url: "https://example.org/story",
                kind: .page,
                lastAttemptAt: Date(timeIntervalSince1970: 1_504_206_600),
                lastStatus: 429,
                lastDuration: .milliseconds(1500),
                retryAfterAt: Date(timeIntervalSince1970: 1_504_210_200),
                documentCount: 1
            ),
            SourceState(name: "wire", url: "/var/lib/factwatch/wire.xml", kind: .feed),
        ]
        let lines = try SourceTable.json(states).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        )
        #expect(first["last_status"] as? Int == 429)
        #expect(first["last_duration_ms"] as? Int == 1500)
        #expect(first["retry_after_at"] as? String == "2017-08-31T20:10:00Z")
        #expect(first["last_bytes"] is NSNull)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(Set(second.keys) == Set(first.keys))
        #expect(second["kind"] as? String == "feed")
        let table = SourceTable.render(states)
        #expect(table.contains("429"))
        #expect(table.contains("1500ms"))
    }
}
