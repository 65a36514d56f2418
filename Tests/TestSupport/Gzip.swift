import Foundation

/// Gzip-compresses bytes with the system's `/bin/gzip`, for tests of content decoding and `.gz` files.
///
/// The build machines have no zlib headers, so tests produce their fixtures with the gzip program instead.
public enum Gzip {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        let directory = try TemporaryDirectory(prefix: "factwatch-gzip")
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let input = directory.file("input")
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes)) else {
            throw Failure(description: "cannot write \(input)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n", input]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "/bin/gzip exited with status \(process.terminationStatus)")
        }
        return Array(compressed)
    }
}
