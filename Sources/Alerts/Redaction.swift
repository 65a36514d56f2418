/// Removes a hook's configured secrets from what the hook printed.
///
/// A hook that echoes its token on failure (`curl -v` does) would otherwise copy it into `last_error` and the
/// journal. Only the hook's own extra variables count as secrets: the inherited environment is the daemon's and
/// the `FACTWATCH_*` values are public data.
struct Redaction: Sendable {
    /// Values shorter than this are not redacted: replacing every "1" or "yes" would destroy the output and
    /// protects nothing.
    static let minimumSecretLength = 4
    static let placeholder = "[redacted]"

    private let secrets: [String]

    init(secrets: some Sequence<String>) {
        // Longest first, so a secret that contains another is replaced whole.
        self.secrets = Set(secrets.filter { $0.count >= Self.minimumSecretLength })
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    func apply(to text: String) -> String {
        secrets.reduce(text) { partial, secret in
            partial.replacing(secret, with: Self.placeholder)
        }
    }
}
