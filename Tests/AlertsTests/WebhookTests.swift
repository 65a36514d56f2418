import Alerts
import Core
import Fetching
import Foundation
import Storage
import Synchronization
import TestSupport
import Testing

/// Webhooks against a real loopback receiver: the JSON body, its signature, and failures that are retried.
@Suite struct WebhookTests {
    static let change = Change(
        id: 42,
        kind: .statusChanged,
        facility: Samples.sanFranciscoConsulate,
        before: Samples.fact(Samples.sanFranciscoConsulate, .orderedClosed).state,
        after: Samples.fact(Samples.sanFranciscoConsulate, .closed).state,
        evidence: nil,
        detectedAt: Date(timeIntervalSince1970: 1_504_400_000),
        idempotencyKey: "v4/ru:consulate:us:san-francisco/status_changed"
    )

    @Test func aSignedWebhookCarriesTheChangeAndASignatureThatVerifies() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route("/hook", method: "POST", response: .text("ok"))
            let secret = "s3cret-for-tests"
            let outcome = try await Fetcher.withFetcher(logger: TestLogging.quiet()) { fetcher in
                await WebhookSender(fetcher: fetcher).send(
                    Self.change,
                    to: Webhook(url: server.url("/hook"), secret: secret),
                    timeout: .seconds(10)
                )
            }
            #expect(outcome.succeeded, "\(outcome.summary)")
            let request = try #require(server.requests(for: "/hook").first)
            #expect(request.method == "POST")
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.header("X-Factwatch-Change-Id") == "42")
            #expect(request.header("X-Factwatch-Kind") == "status_changed")
            #expect(try JSONCoding.decoder().decode(Change.self, from: Data(request.body)) == Self.change)
            // The receiver's check: HMAC-SHA256 of the raw body under the shared secret.
            let expected = "sha256=" + HMAC.sha256Hex(key: secret, message: request.body)
            #expect(request.header("X-Factwatch-Signature") == expected)
            #expect(HMAC.sha256Hex(key: "another secret", message: request.body) != String(expected.dropFirst(7)))
        }
    }

    @Test func withoutASecretThereIsNoSignature() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route("/hook", method: "POST", response: LoopbackResponse(status: 204))
            let outcome = try await Fetcher.withFetcher(logger: TestLogging.quiet()) { fetcher in
                await WebhookSender(fetcher: fetcher).send(
                    Self.change,
                    to: Webhook(url: server.url("/hook")),
                    timeout: .seconds(10)
                )
            }
            #expect(outcome.succeeded)
            #expect(server.requests(for: "/hook").first?.header("X-Factwatch-Signature") == nil)
        }
    }

    @Test func errorsAndRedirectsAreFailuresThatNameTheHostButNotThePath() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route("/down/token-abc", method: "POST", response: .text("upstream down", status: 503))
            server.route("/moved/token-abc", method: "POST", response: .redirect(to: "/elsewhere"))
            let (down, moved, refused) = try await Fetcher.withFetcher(logger: TestLogging.quiet()) { fetcher in
                let sender = WebhookSender(fetcher: fetcher)
                return (
                    await sender.send(
                        Self.change,
                        to: Webhook(url: server.url("/down/token-abc")),
                        timeout: .seconds(10)
                    ),
                    await sender.send(
                        Self.change,
                        to: Webhook(url: server.url("/moved/token-abc")),
                        timeout: .seconds(10)
                    ),
                    await sender.send(
                        Self.change,
                        to: Webhook(url: "http://127.0.0.1:\(try LoopbackHTTPServer.unusedPort())/hook"),
                        timeout: .seconds(10)
                    )
                )
            }
            #expect(!down.succeeded && down.summary.contains("503"))
            #expect(!moved.succeeded && moved.summary.contains("302"))
            #expect(!refused.succeeded)
            for outcome in [down, moved, refused] { #expect(!outcome.summary.contains("token-abc")) }
            #expect(server.requests(for: "/elsewhere").isEmpty)  // a POST follows no redirect
        }
    }

    @Test func theDispatcherRetriesAFailingWebhookThenDeliversIt() async throws {
        try await LoopbackHTTPServer.with { server in
            let calls = Counter()
            server.route("/hook", method: "POST") { _ in
                calls.increment() <= 1 ? .text("busy", status: 500) : .text("ok")
            }
            try await TemporaryDirectory.with { directory in
                let store = try SQLiteStore(path: directory.file("factwatch.sqlite"), logger: TestLogging.quiet())
                _ = try await DeliveryDispatcherTests.logChange(in: store, hooks: ["web"])
                try await Fetcher.withFetcher(logger: TestLogging.quiet()) { fetcher async throws in
                    let dispatcher = DeliveryDispatcher(
                        store: store,
                        hooks: [
                            HookConfiguration(name: "web", command: [], webhook: Webhook(url: server.url("/hook")))
                        ],
                        runner: HookRunner(logger: TestLogging.quiet()),
                        webhooks: WebhookSender(fetcher: fetcher),
                        policy: RetryPolicy(baseDelay: .seconds(1), maxAttempts: 3),
                        logger: TestLogging.quiet()
                    )
                    #expect(try await dispatcher.dispatchDue(now: Date()).failed == 1)
                    #expect(try await dispatcher.dispatchDue(now: Date().addingTimeInterval(3600)).delivered == 1)
                }
                #expect(try await store.deliveries(states: [.delivered], limit: 10).first?.attempts == 2)
            }
        }
    }
}

/// A thread-safe counter for loopback routes.
final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
