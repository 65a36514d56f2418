import Glibc
import Synchronization

/// A file descriptor that log lines are written to, shared by every copy of a ``JournaldLogHandler``.
///
/// Each line goes out in one `write(2)`, so lines from concurrent tasks do not interleave on a pipe (writes up to
/// `PIPE_BUF` are atomic, and journald reads whole lines); the lock covers longer lines and partial writes. The
/// descriptor is not owned: stderr outlives every logger.
final class LogOutput: Sendable {
    let fileDescriptor: Int32
    private let lock = Mutex(())

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// Writes `line` completely, retrying after interruptions. A failed write is dropped: logging must never take
    /// the daemon down, and there is nowhere else to report it.
    func write(_ line: String) {
        var bytes = Array(line.utf8)
        lock.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { buffer in
                    Glibc.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
        bytes.removeAll()
    }
}
