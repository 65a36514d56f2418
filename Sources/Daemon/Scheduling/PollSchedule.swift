public import Foundation

/// When a source is next due, and how failures push that back: a pure state machine, no clock, no I/O.
///
/// Success keeps the configured interval. Each consecutive failure doubles the wait (interval × 2ⁿ⁻¹, so the first
/// retry comes at the normal time), up to 8 × the interval and never more than six hours, so a dead site is not
/// hammered and a site that comes back is noticed within the day. From the second failure on, the wait is drawn
/// between half of that and all of it (never below the interval): sources that failed together, because a network or
/// a whole site was down, spread out instead of returning in one burst. A `Retry-After` from the server is a floor
/// under the wait (capped at a day). The streak and the next due time are stored with the source, so a restart keeps
/// the backoff.
public struct PollSchedule: Hashable, Sendable {
    public let interval: Duration
    public private(set) var failureStreak: Int
    public private(set) var nextDue: Date

    /// The longest a failing source waits between attempts, unless the server asked for longer.
    public static let maximumBackoff: Duration = .seconds(6 * 3600)
    /// The longest wait a server's `Retry-After` can impose.
    public static let maximumRetryAfter: Duration = .seconds(86_400)

    public init(interval: Duration, failureStreak: Int = 0, nextDue: Date) {
        self.interval = interval
        self.failureStreak = max(0, failureStreak)
        self.nextDue = nextDue
    }

    public func isDue(at now: Date) -> Bool { nextDue <= now }

    /// Records a successful poll and returns the next due time.
    @discardableResult
    public mutating func succeeded(at now: Date) -> Date {
        failureStreak = 0
        nextDue = now.addingTimeInterval(Self.seconds(interval))
        return nextDue
    }

    /// Records a failed poll and returns the next due time, with jitter from the system's random generator.
    @discardableResult
    public mutating func failed(at now: Date, retryAfter: Duration? = nil) -> Date {
        var generator = SystemRandomNumberGenerator()
        return failed(at: now, retryAfter: retryAfter, using: &generator)
    }

    /// Records a failed poll and returns the next due time.
    ///
    /// - Parameters:
    ///   - retryAfter: the server's `Retry-After`, when it sent one; the wait is at least this long.
    ///   - generator: the source of the jitter (a seeded one in tests).
    @discardableResult
    public mutating func failed(
        at now: Date,
        retryAfter: Duration? = nil,
        using generator: inout some RandomNumberGenerator
    ) -> Date {
        failureStreak += 1
        let (lowest, highest) = backoffRange
        var wait = lowest < highest ? Double.random(in: lowest...highest, using: &generator) : highest
        if let retryAfter {
            wait = max(wait, Self.seconds(min(max(.zero, retryAfter), Self.maximumRetryAfter)))
        }
        nextDue = now.addingTimeInterval(wait)
        return nextDue
    }

    /// The shortest and longest wait, in seconds, after the current failure streak (before any `Retry-After`).
    public var backoffRange: (lowest: TimeInterval, highest: TimeInterval) {
        let base = Self.seconds(interval)
        guard failureStreak > 0 else { return (base, base) }
        let factor = Double(1 << min(failureStreak - 1, 3))
        let highest = min(base * factor, max(base, Self.seconds(Self.maximumBackoff)))
        return (max(base, highest / 2), highest)
    }

    /// The same source with a new interval (after a reload): the next due time moves earlier if the new interval
    /// is shorter, never later.
    public func withInterval(_ newInterval: Duration, now: Date) -> PollSchedule {
        let earliest = now.addingTimeInterval(Self.seconds(newInterval))
        return PollSchedule(interval: newInterval, failureStreak: failureStreak, nextDue: min(nextDue, earliest))
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
