public import Foundation

/// When to retry a failed hook delivery: exponential backoff with full jitter, then a dead letter.
///
/// Attempt *n* (counting from 1) is followed by a delay drawn uniformly from zero to
/// `min(maximumDelay, baseDelay × factor^(n−1))`. Full jitter spreads the retries of many deliveries that failed
/// together (a webhook endpoint that was down for everyone) instead of sending them back in lockstep, and the cap
/// keeps a long outage from pushing retries days out. After ``maxAttempts`` failures the delivery is dead-lettered.
///
/// Pure: the random source is a parameter, so tests pass a seeded generator and get a fixed sequence.
public struct RetryPolicy: Hashable, Sendable {
    /// The upper bound of the first delay.
    public var baseDelay: Duration
    /// How much the upper bound grows per failed attempt.
    public var factor: Double
    /// The largest upper bound, however many attempts failed.
    public var maximumDelay: Duration
    /// Failed attempts after which the delivery is dead-lettered.
    public var maxAttempts: Int

    /// 10 s doubling to at most 1 h, 8 attempts. The seven delays then have ceilings summing to 1270 s, so a hook
    /// that is down for a deploy is retried within seconds to minutes and one that is broken for good is
    /// dead-lettered within about 21 minutes; a larger `maxAttempts` reaches the 1 h cap from attempt 10 on.
    public init(
        baseDelay: Duration = .seconds(10),
        factor: Double = 2,
        maximumDelay: Duration = .seconds(3600),
        maxAttempts: Int = 8
    ) {
        precondition(baseDelay >= .zero && maximumDelay >= .zero, "retry delays cannot be negative")
        precondition(factor >= 1, "a backoff factor below 1 would shrink the delays")
        precondition(maxAttempts >= 1, "at least one attempt is needed")
        self.baseDelay = baseDelay
        self.factor = factor
        self.maximumDelay = maximumDelay
        self.maxAttempts = maxAttempts
    }

    /// The largest delay that may follow failed attempt `attempt` (1-based; smaller values count as 1).
    public func ceiling(afterAttempt attempt: Int) -> Duration {
        let exponent = Double(max(attempt, 1) - 1)
        let growth = pow(factor, exponent)
        let base = Self.nanoseconds(baseDelay)
        let cap = Self.nanoseconds(maximumDelay)
        // Compare in floating point first: 10 s × 2^80 does not fit in an integer.
        let uncapped = Double(base) * growth
        guard uncapped.isFinite, uncapped < Double(cap) else { return .nanoseconds(cap) }
        return .nanoseconds(Int64(uncapped.rounded()))
    }

    /// The delay after failed attempt `attempt`: uniform in `0...ceiling(afterAttempt: attempt)`, to the nanosecond.
    public func delay(afterAttempt attempt: Int, random: inout some RandomNumberGenerator) -> Duration {
        let upper = UInt64(Self.nanoseconds(ceiling(afterAttempt: attempt)))
        return .nanoseconds(Int64(UInt64.random(in: 0...upper, using: &random)))
    }

    /// What to do after attempt `attempt` failed at `now`.
    public func nextStep(
        afterFailedAttempt attempt: Int,
        now: Date,
        random: inout some RandomNumberGenerator
    ) -> RetryDecision {
        guard attempt < maxAttempts else { return .deadLetter }
        let wait = delay(afterAttempt: attempt, random: &random)
        return .retry(at: now.addingTimeInterval(Self.seconds(wait)))
    }

    /// `duration` in whole nanoseconds, saturating at `Int64.max` (about 292 years).
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        let (scaled, overflow) = parts.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return parts.seconds < 0 ? .min : .max }
        let (total, overflowAgain) = scaled.addingReportingOverflow(parts.attoseconds / 1_000_000_000)
        return overflowAgain ? .max : total
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
