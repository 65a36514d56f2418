public import Core
public import Foundation
public import Storage
import Synchronization

/// The optional JSON Lines copy of the change log (`[log] file = …`), for tools that tail files.
///
/// The database stays the record: the file is caught up from it. On opening, the last complete line's id tells
/// where the file stopped, so a crash between a commit and the write loses nothing and repeats nothing. A file
/// moved away by logrotate (another inode at the path, or none) is noticed at the next write and a new one started,
/// so no SIGHUP is needed, though one does no harm.
public final class ChangeLogFile: Sendable {
    public let path: String
    private struct State {
        var handle: FileHandle?
        var identity: (device: UInt64, inode: UInt64)?
        var lastID: Int64 = 0
    }

    private let state = Mutex(State())

    public init(path: String) {
        self.path = path
    }

    /// The id of the last change written, after (re)opening the file if needed.
    public func lastWrittenID() throws -> Int64 {
        try state.withLock { state in
            try openIfNeeded(&state)
            return state.lastID
        }
    }

    /// Appends `changes` (in id order) that are newer than the last one written.
    public func append(_ changes: [Change]) throws {
        try state.withLock { state in
            try openIfNeeded(&state)
            let encoder = JSONCoding.encoder()
            var data = Data()
            var last = state.lastID
            for change in changes {
                guard let id = change.id, id > last else { continue }
                data.append(try encoder.encode(change))
                data.append(0x0A)
                last = id
            }
            guard !data.isEmpty else { return }
            try state.handle?.write(contentsOf: data)
            state.lastID = last
        }
    }

    private func openIfNeeded(_ state: inout State) throws {
        let current = Self.identity(atPath: path)
        if state.handle != nil, let current, let known = state.identity, current == known { return }
        try? state.handle?.close()
        if current == nil {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o640])
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        try Self.dropUnterminatedTail(of: handle)
        state.lastID = Self.lastID(in: handle)
        try handle.seekToEnd()
        state.handle = handle
        state.identity = Self.identity(atPath: path)
    }

    /// Cuts a last line that has no newline: a write interrupted by a crash, which the next writer would otherwise
    /// glue its first line to.
    static func dropUnterminatedTail(of handle: FileHandle) throws {
        let size = try handle.seekToEnd()
        guard size > 0 else { return }
        let window = min(size, 256 * 1024)
        try handle.seek(toOffset: size - window)
        guard let tail = try handle.readToEnd(), tail.last != 0x0A else { return }
        let keep = tail.lastIndex(of: 0x0A).map { size - window + UInt64($0 - tail.startIndex) + 1 } ?? 0
        try handle.truncate(atOffset: keep)
    }

    /// The id of the last complete line, reading only the file's tail.
    static func lastID(in handle: FileHandle) -> Int64 {
        guard let size = try? handle.seekToEnd(), size > 0 else { return 0 }
        let window = min(size, 256 * 1024)
        try? handle.seek(toOffset: size - window)
        guard let tail = try? handle.readToEnd() else { return 0 }
        let lines = tail.split(separator: 0x0A, omittingEmptySubsequences: true)
        // An unterminated last line is a write cut short: ignore it.
        let complete = tail.last == 0x0A ? lines : lines.dropLast()
        for line in complete.reversed() {
            if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"] as? NSNumber
            {
                return id.int64Value
            }
        }
        return 0
    }

    static func identity(atPath path: String) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }
}

extension ChangeLogFile {
    /// Appends every change in `store` newer than the file's last line.
    public func catchUp(from store: any ChangeStore) async throws {
        var cursor = try lastWrittenID()
        while true {
            let batch = try await store.changes(after: cursor, limit: 500)
            guard let last = batch.last?.id else { return }
            try append(batch)
            cursor = last
        }
    }
}
