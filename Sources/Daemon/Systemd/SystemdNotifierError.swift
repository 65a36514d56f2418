/// Why a notification could not be sent to systemd.
///
/// systemd treats a missing notification as "not ready yet", so callers usually log this and carry on; the
/// description says which socket was used and what to check.
public struct SystemdNotifierError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// `$NOTIFY_SOCKET` is not an absolute path or `@abstract` name that fits a `sockaddr_un`.
        public static let invalidAddress = Code("invalid_address")
        /// `socket(2)` failed.
        public static let socketFailed = Code("socket_failed")
        /// `sendto(2)` failed or sent a partial datagram.
        public static let sendFailed = Code("send_failed")

        public var description: String { name }
    }

    public let code: Code
    /// The `$NOTIFY_SOCKET` value the notifier used.
    public let socket: String
    /// `errno` of the failed call, when there was one.
    public let errno: Int32?
    public let detail: String

    public init(code: Code, socket: String, errno: Int32? = nil, detail: String) {
        self.code = code
        self.socket = socket
        self.errno = errno
        self.detail = detail
    }

    public var description: String { "sd_notify to \(socket) failed: \(detail)" }
}
