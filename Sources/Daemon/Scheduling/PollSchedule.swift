public import Foundation

/// When a source is next due, and how failures push that back: a pure state machine, no clock, no I/O.
///
/// Success keeps the configured interval. Each consecutive failure doubles the wait (interval × 2ⁿ⁻¹, so the first
/// retry comes at the normal time), up to 8 × the interval and never more than six hours, so a dead site is not
/// hammered and a site that comes back is noticed within the day. The streak is stored with the source, so a
/// restart keeps the backoff.
public struct PollSchedule: Hashable, Sendable {
    public let interval: Duration
    public private(set) var failureStreak: Int
    public private(set) var nextDue: Date

    /// The longest a failing source waits between attempts.
    public static let maximumBackoff: Duration = .seconds(6 * 3600)

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

    /// Records a failed poll and returns the next due time.
    @discardableResult
    public mutating func failed(at now: Date) -> Date {
        failureStreak += 1
        let factor = Double(1 << min(failureStreak - 1, 3))
        let wait = min(Self.seconds(interval) * factor, max(Self.seconds(interval), Self.seconds(Self.maximumBackoff)))
        nextDue = now.addingTimeInterval(wait)
        return nextDue
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
