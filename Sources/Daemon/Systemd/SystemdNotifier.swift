import Glibc

/// Tells systemd about the daemon's state (`sd_notify`), without linking libsystemd.
///
/// The protocol is one `AF_UNIX` datagram of newline-separated `KEY=VALUE` lines sent to `$NOTIFY_SOCKET`; systemd
/// documents it as stable and meant to be reimplemented. Each message opens its own socket, as `sd_notify` does:
/// messages are rare (readiness, a status line per cycle, watchdog pings), and a stateless value is trivially
/// `Sendable`. Without `$NOTIFY_SOCKET` (not started by systemd, or `Type=simple`) every call is a no-op.
///
/// The environment is a parameter rather than read from the process so tests can point the notifier at their own
/// socket.
public struct SystemdNotifier: Sendable {
    /// `$NOTIFY_SOCKET`, or `nil` when notifications are off.
    public let socketAddress: String?
    /// How often to send ``watchdog()``: half of `$WATCHDOG_USEC`, as systemd recommends, or `nil` when the unit
    /// has no `WatchdogSec=` or `$WATCHDOG_PID` names another process.
    public let watchdogInterval: Duration?

    /// - Parameters:
    ///   - environment: The process environment (`ProcessInfo.processInfo.environment` in the daemon).
    ///   - processID: The pid compared with `$WATCHDOG_PID`; `nil` means this process. Injectable for tests.
    public init(environment: [String: String], processID: Int32? = nil) {
        let socket = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        socketAddress = socket
        watchdogInterval = Self.watchdogInterval(environment: environment, processID: processID ?? getpid())
    }

    /// Whether messages go anywhere.
    public var isEnabled: Bool { socketAddress != nil }

    /// `READY=1`: start-up is complete (config valid, database open, scheduler armed), or a reload finished.
    public func ready(status: String? = nil) throws(SystemdNotifierError) {
        try send(["READY=1"] + Self.statusLine(status))
    }

    /// `STATUS=…`: the one line `systemctl status` shows under the unit.
    public func status(_ text: String) throws(SystemdNotifierError) {
        try send(Self.statusLine(text))
    }

    /// `RELOADING=1` with `MONOTONIC_USEC`, sent when SIGHUP processing starts; follow it with ``ready(status:)``.
    ///
    /// `MONOTONIC_USEC` lets systemd ≥ 253 (`Type=notify-reload`) tell this reload from an earlier one; older
    /// versions ignore it.
    public func reloading(status: String? = nil) throws(SystemdNotifierError) {
        try send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"] + Self.statusLine(status))
    }

    /// `STOPPING=1`: graceful shutdown has begun.
    public func stopping(status: String? = nil) throws(SystemdNotifierError) {
        try send(["STOPPING=1"] + Self.statusLine(status))
    }

    /// `WATCHDOG=1`: the main loop is alive. Send it from the loop itself, every ``watchdogInterval``.
    public func watchdog() throws(SystemdNotifierError) {
        try send(["WATCHDOG=1"])
    }

    /// Sends `assignments` (`KEY=VALUE` strings, no newlines) as one datagram.
    public func send(_ assignments: [String]) throws(SystemdNotifierError) {
        guard let socketAddress else { return }
        let address = try UnixDatagramAddress(socketAddress)
        let message = Array(assignments.joined(separator: "\n").utf8)
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            let code = errno
            throw SystemdNotifierError(
                code: .socketFailed,
                socket: socketAddress,
                errno: code,
                detail: "socket(AF_UNIX, SOCK_DGRAM): \(Self.describe(code))"
            )
        }
        defer { close(descriptor) }
        let sent = address.withSocketAddress { pointer, length in
            message.withUnsafeBytes { bytes in
                sendto(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), pointer, length)
            }
        }
        if sent < 0 {
            let code = errno
            throw SystemdNotifierError(
                code: .sendFailed,
                socket: socketAddress,
                errno: code,
                detail: "sendto: \(Self.describe(code)) (is the unit Type=notify, with NotifyAccess=main?)"
            )
        }
        if sent != message.count {
            throw SystemdNotifierError(
                code: .sendFailed,
                socket: socketAddress,
                detail: "sendto sent \(sent) of \(message.count) bytes"
            )
        }
    }

    /// Half of `$WATCHDOG_USEC` when the watchdog is meant for `processID`.
    static func watchdogInterval(environment: [String: String], processID: Int32) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else {
            return nil
        }
        if let owner = environment["WATCHDOG_PID"] {
            guard let pid = Int32(owner), pid == processID else { return nil }
        }
        return .microseconds(Int64(clamping: microseconds / 2))
    }

    /// `STATUS=` must stay on one line: a newline would start a new assignment systemd would try to parse.
    private static func statusLine(_ text: String?) -> [String] {
        guard let text else { return [] }
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        return ["STATUS=\(flat)"]
    }

    private static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
