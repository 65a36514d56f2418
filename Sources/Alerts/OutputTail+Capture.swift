import Subprocess

extension OutputTail {
    /// Reads `stream` to its end (or until the hook's process exits and the reader is released), keeping the tail.
    ///
    /// Never throws: a read error ends the capture, and what was read so far is still worth reporting.
    static func capture(_ stream: SubprocessOutputSequence, limit: Int) async -> OutputTail {
        var tail = OutputTail(limit: limit)
        do {
            for try await chunk in stream {
                chunk.withUnsafeBytes { tail.append(contentsOf: $0) }
                // Cancelled means the daemon is stopping and swift-subprocess is tearing the hook down.
                if Task.isCancelled { break }
            }
        } catch {
            // The stream is gone (the child exited and the pipe was torn down); keep what arrived.
        }
        return tail
    }
}
