public import Foundation

/// A fresh directory under the system's temporary folder, removed when the test's closure returns.
///
/// Tests that need real files (SQLite databases, hook scripts, file sources) create them here, so runs never see
/// each other's state.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public var path: String { url.path }

    public init(prefix: String = "factwatch-test") throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
        url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Runs `body` with a new directory and removes it afterwards, whether `body` throws or not.
    public static func with<T>(
        prefix: String = "factwatch-test",
        _ body: (TemporaryDirectory) async throws -> T
    ) async throws -> T {
        let directory = try TemporaryDirectory(prefix: prefix)
        defer { try? FileManager.default.removeItem(at: directory.url) }
        return try await body(directory)
    }

    /// The synchronous twin of ``with(prefix:_:)``.
    public static func withSync<T>(
        prefix: String = "factwatch-test",
        _ body: (TemporaryDirectory) throws -> T
    ) throws -> T {
        let directory = try TemporaryDirectory(prefix: prefix)
        defer { try? FileManager.default.removeItem(at: directory.url) }
        return try body(directory)
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Writes `contents` to `name` inside the directory and returns its path.
    @discardableResult
    public func write(_ contents: String, to name: String, executable: Bool = false) throws -> String {
        let path = file(name)
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        return path
    }
}
