public import Foundation

/// What the dispatcher does with a delivery whose attempt just failed.
public enum RetryDecision: Hashable, Sendable {
    /// Try again, not before this time.
    case retry(at: Date)
    /// Stop trying: keep the delivery as a dead letter that `factwatch deliveries` shows and can re-queue.
    case deadLetter
}
