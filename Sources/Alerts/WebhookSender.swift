public import Core
public import Fetching
import Foundation

/// Delivers a change to a webhook: the same JSON object a hook process gets on stdin, POSTed over libcurl.
///
/// With a secret the body is signed: `X-Factwatch-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, which a
/// receiver recomputes with the shared secret. `X-Factwatch-Change-Id` and `X-Factwatch-Kind` let it route or
/// deduplicate without parsing. A 2xx answer is delivered; anything else (a redirect included) is a failure and
/// is retried like a failing hook.
public struct WebhookSender: Sendable {
    public let fetcher: Fetcher
    public let userAgent: String

    public init(fetcher: Fetcher, userAgent: String = FetchLimits().userAgent) {
        self.fetcher = fetcher
        self.userAgent = userAgent
    }

    /// The body and headers of the POST for `change` (exposed for tests and for receivers' documentation).
    public static func request(
        for change: Change,
        webhook: Webhook
    ) throws -> (body: [UInt8], headers: [String: String]) {
        let body = Array(try JSONCoding.encoder().encode(change))
        var headers = [
            "Content-Type": "application/json",
            "X-Factwatch-Change-Id": change.id.map(String.init) ?? "",
            "X-Factwatch-Kind": change.kind.rawValue,
        ]
        if let secret = webhook.secret {
            headers["X-Factwatch-Signature"] = "sha256=" + HMAC.sha256Hex(key: secret, message: body)
        }
        return (body, headers)
    }

    public func send(_ change: Change, to webhook: Webhook, timeout: Duration) async -> DeliveryOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let (body, headers) = try Self.request(for: change, webhook: webhook)
            var limits = FetchLimits()
            limits.totalTimeout = timeout
            limits.userAgent = userAgent
            limits.maxRedirects = 0
            limits.maxBodyBytes = 64 * 1024
            let response = try await fetcher.fetch(
                FetchRequest(
                    url: webhook.url,
                    limits: limits,
                    method: "POST",
                    body: body,
                    headers: headers,
                    polite: false
                )
            )
            let answer = String(decoding: response.body.prefix(2048), as: UTF8.self)
            guard (200..<300).contains(response.status) else {
                return DeliveryOutcome(
                    duration: start.duration(to: clock.now),
                    stdout: answer,
                    error: "HTTP \(response.status) from \(Self.host(webhook.url)) (only 2xx counts as delivered)"
                )
            }
            return DeliveryOutcome(exitStatus: 0, duration: start.duration(to: clock.now), stdout: answer)
        } catch let error as FetchError {
            return DeliveryOutcome(
                timedOut: error.code == .timedOut,
                cancelled: error.code == .cancelled,
                duration: start.duration(to: clock.now),
                error: "POST \(Self.host(webhook.url)): " + Self.reason(error, url: webhook.url)
            )
        } catch {
            return DeliveryOutcome(duration: start.duration(to: clock.now), error: "cannot encode the change: \(error)")
        }
    }

    /// What went wrong, without the URL (which may carry a token).
    static func reason(_ error: FetchError, url: String) -> String {
        if let status = error.httpStatus { return "HTTP \(status) (only 2xx counts as delivered)" }
        return "\(error.code): " + error.message.replacingOccurrences(of: url, with: host(url))
    }

    /// The scheme and host only: a webhook URL may carry a token in its path or query.
    static func host(_ url: String) -> String {
        guard let parsed = URL(string: url), let host = parsed.host else { return "the webhook" }
        return "\(parsed.scheme ?? "https")://\(host)"
    }
}
