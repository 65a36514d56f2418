import Glibc

/// Observes whether a hook's main process has exited, without reaping it.
///
/// While the zombie is not reaped its pid, and with it the hook's process-group id, cannot be reused; that is what
/// makes it safe to signal the whole group. swift-subprocess reaps only after the runner's body returns, so the
/// runner peeks with `WNOWAIT` and sends every group signal before returning.
enum ChildProcessWatch {
    /// Whether `pid` (a child of this process) has exited. Never reaps.
    static func hasExited(_ pid: pid_t) -> Bool {
        while true {
            var info = siginfo_t()
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 {
                // With WNOHANG and no state change the kernel leaves the structure zeroed.
                return info.si_signo != 0
            }
            if errno == EINTR { continue }
            // ECHILD: nothing left to wait for, so it is certainly not running.
            return true
        }
    }

    /// Waits until `pid` has exited or `limit` (when given) has passed; returns whether it exited. Returns early,
    /// with the current answer, when the task is cancelled.
    ///
    /// Polls with a short, growing interval: this is only needed when the hook closed its output streams before
    /// exiting, or while a terminated hook is dying, both brief.
    static func waitForExit(_ pid: pid_t, upTo limit: Duration? = nil) async -> Bool {
        let clock = ContinuousClock()
        let deadline = limit.map { clock.now.advanced(by: $0) }
        var interval: Duration = .milliseconds(5)
        while !hasExited(pid) {
            let now = clock.now
            guard deadline.map({ now < $0 }) ?? true, !Task.isCancelled else { return hasExited(pid) }
            let pause = deadline.map { min(interval, now.duration(to: $0)) } ?? interval
            do {
                try await Task.sleep(for: pause)
            } catch {
                return hasExited(pid)
            }
            interval = min(interval * 2, .milliseconds(100))
        }
        return true
    }
}
