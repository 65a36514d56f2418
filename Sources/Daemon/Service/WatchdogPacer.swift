import Synchronization

/// Sends systemd's `WATCHDOG=1` at the pace `$WATCHDOG_USEC` asks for (half the timeout), no more often.
///
/// The scheduler calls ``beat()`` from its own loop and from inside a long pass, so a wedged loop stops the pings
/// and systemd restarts the daemon. Calling it more often than the interval costs a clock read, not a datagram.
public final class WatchdogPacer: Sendable {
    private let interval: Duration?
    private let send: @Sendable () -> Void
    private let clock = ContinuousClock()
    private let last = Mutex<ContinuousClock.Instant?>(nil)

    /// - Parameters:
    ///   - interval: How often to ping (``SystemdNotifier/watchdogInterval``); `nil` disables the pings.
    ///   - send: Sends one ping.
    public init(interval: Duration?, send: @escaping @Sendable () -> Void) {
        self.interval = interval
        self.send = send
    }

    /// Pings if at least one interval has passed since the last ping.
    public func beat() {
        guard let interval else { return }
        let now = clock.now
        let due = last.withLock { last in
            guard last.map({ $0.duration(to: now) >= interval }) ?? true else { return false }
            last = now
            return true
        }
        if due { send() }
    }

    /// How often the loop should wake to keep up: often enough to ping on time, at most once a second.
    public func tick(default standard: Duration) -> Duration {
        guard let interval else { return standard }
        return min(standard, interval / 2)
    }
}
