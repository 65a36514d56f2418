public import Foundation

/// Reads a `Retry-After` header: how long a server that answered 429 or 503 asks clients to stay away.
///
/// Both forms of RFC 9110 are accepted: a number of seconds (`120`) and an HTTP date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`, also in the obsolete RFC 850 and asctime forms). A date in the past means
/// "now". Anything else is ignored rather than guessed at: the caller then falls back to its own backoff.
public enum RetryAfter {
    /// The wait the header asks for, measured from `now`; nil when the value is not a valid `Retry-After`.
    public static func parse(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            // A value too long for Int is still a clear request to wait very long.
            return .seconds(Int(text) ?? Int.max)
        }
        guard let date = HTTPDate.parse(text) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return seconds > 0 ? .milliseconds(Int((seconds * 1000).rounded(.up))) : .zero
    }
}
