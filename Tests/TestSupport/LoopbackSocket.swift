import Glibc

/// The POSIX socket calls behind ``LoopbackHTTPServer``, each checked, in one place.
enum LoopbackSocket {
    enum WaitResult {
        case ready
        /// The server is stopping.
        case woken
        case timedOut
        case failed
    }

    /// A non-blocking TCP socket bound to 127.0.0.1 on an ephemeral port.
    static func bound() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LoopbackHTTPServer.SocketError(call: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw LoopbackHTTPServer.SocketError(call: "bind", code: code)
        }
        return fd
    }

    static func listen(backlog: Int32) throws -> Int32 {
        let fd = try bound()
        guard Glibc.listen(fd, backlog) == 0, fcntl(fd, F_SETFL, O_NONBLOCK) == 0 else {
            let code = errno
            close(fd)
            throw LoopbackHTTPServer.SocketError(call: "listen", code: code)
        }
        return fd
    }

    static func port(of fd: Int32) throws -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw LoopbackHTTPServer.SocketError(call: "getsockname", code: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until `fd` is ready for `events`, the wake pipe becomes readable, or `timeout` passes.
    static func wait(for fd: Int32?, events: Int32, wake: Int32, timeout: Duration?) -> WaitResult {
        var fds = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        if let fd { fds.append(pollfd(fd: fd, events: Int16(events), revents: 0)) }
        let milliseconds: Int32
        if let timeout {
            let (seconds, attoseconds) = timeout.components
            milliseconds = Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        } else {
            milliseconds = -1
        }
        while true {
            let count = poll(&fds, nfds_t(fds.count), milliseconds)
            if count < 0 {
                if errno == EINTR { continue }
                return .failed
            }
            if count == 0 { return .timedOut }
            if fds[0].revents != 0 { return .woken }
            return .ready
        }
    }
}
