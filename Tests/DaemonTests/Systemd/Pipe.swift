import Glibc

/// A pipe whose write end a log handler writes to and whose read end a test reads back.
final class Pipe {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw PipeError(errno: errno) }
        readEnd = ends[0]
        writeEnd = ends[1]
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        // A pipe holds 16 pages by default, and a write longer than a page starts new ones, so a dozen 5 KB lines
        // would already block a writer that nobody reads concurrently. Ask for 1 MiB (F_SETPIPE_SZ).
        _ = fcntl(writeEnd, Self.setPipeSize, Int32(1 << 20))
    }

    /// The pipe's capacity in bytes (F_GETPIPE_SZ).
    var capacity: Int { Int(fcntl(writeEnd, Self.getPipeSize)) }

    /// Linux's F_SETPIPE_SZ and F_GETPIPE_SZ, which Glibc only declares under _GNU_SOURCE.
    private static let setPipeSize: Int32 = 1031
    private static let getPipeSize: Int32 = 1032

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Everything written so far (the writes under test are synchronous, so nothing is in flight).
    func readAvailable() -> String {
        var collected: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            collected += buffer[..<count]
        }
        return String(decoding: collected, as: UTF8.self)
    }

    /// `device:inode` of the pipe, in the form systemd puts in `$JOURNAL_STREAM`.
    func journalStreamValue() -> String {
        var info = stat()
        fstat(writeEnd, &info)
        return "\(info.st_dev):\(info.st_ino)"
    }

    struct PipeError: Error {
        let errno: Int32
    }
}

@available(*, unavailable)
extension Pipe: Sendable {}
