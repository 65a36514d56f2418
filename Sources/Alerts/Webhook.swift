/// Where a webhook hook POSTs changes, and the secret that signs them.
public struct Webhook: Hashable, Sendable, CustomStringConvertible {
    /// An http or https URL.
    public var url: String
    /// The HMAC-SHA256 key for `X-Factwatch-Signature`, read from an environment variable or a file when the
    /// configuration is loaded. Never printed: ``description`` leaves it out.
    public var secret: String?

    public init(url: String, secret: String? = nil) {
        self.url = url
        self.secret = secret
    }

    public var description: String { secret == nil ? url : "\(url) (signed)" }
}
