import Glibc

/// A `sockaddr_un` built from a `$NOTIFY_SOCKET` value: a filesystem path, or `@name` for Linux's abstract
/// namespace.
///
/// The length passed to `sendto` matters for abstract names: they may contain any byte and are not
/// NUL-terminated, so the kernel takes exactly `family + name` bytes; a padded length would name another socket.
struct UnixDatagramAddress {
    private(set) var storage = sockaddr_un()
    let length: socklen_t

    init(_ text: String) throws(SystemdNotifierError) {
        var bytes = Array(text.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        guard abstract || bytes.first == UInt8(ascii: "/") else {
            throw SystemdNotifierError(
                code: .invalidAddress,
                socket: text,
                detail: "NOTIFY_SOCKET must be an absolute path or an @abstract name"
            )
        }
        if abstract { bytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: storage.sun_path)
        // A path needs its terminating NUL inside sun_path; an abstract name does not have one.
        let needed = bytes.count + (abstract ? 0 : 1)
        guard bytes.count > 1, needed <= capacity, !bytes.dropFirst().contains(0) || abstract else {
            throw SystemdNotifierError(
                code: .invalidAddress,
                socket: text,
                detail: "NOTIFY_SOCKET does not fit a Unix socket address (at most \(capacity - 1) bytes)"
            )
        }
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { path in
            path.copyBytes(from: bytes)
        }
        length = socklen_t(MemoryLayout<sa_family_t>.size + needed)
    }

    /// Calls `body` with the address as the `sockaddr` pointer the socket calls take.
    func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }
}
