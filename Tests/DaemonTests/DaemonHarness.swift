import Foundation
import TestSupport
import Testing

/// `factwatch run` started as a real child process, with a real notify socket standing in for systemd.
final class DaemonHarness {
    /// The `factwatch` executable SwiftPM built next to the test binary.
    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("factwatch")
            .path
    }

    let process = Process()
    let listener: DatagramListener
    let errors = Foundation.Pipe()
    private var stderrText = ""

    /// Starts `factwatch run --config configuration` with `NOTIFY_SOCKET` (and `extra`) in its environment.
    init(configuration: String, directory: TemporaryDirectory, extra: [String: String] = [:]) throws {
        let socketPath = directory.file("notify-\(UUID().uuidString.prefix(8)).sock")
        listener = try DatagramListener(address: socketPath)
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["run", "--config", configuration]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = socketPath
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardError = errors
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// The next notification, skipping watchdog pings unless `keepWatchdog`.
    func next(timeout: Duration = .seconds(30), keepWatchdog: Bool = false) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if listener.hasPendingDatagram(), let message = listener.receive() {
                if message == "WATCHDOG=1" && !keepWatchdog { continue }
                return message
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("no notification within \(timeout)")
        return ""
    }

    /// Waits for a notification that starts with `prefix`, returning it.
    func wait(for prefix: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let message = try await next(timeout: deadline - ContinuousClock.now)
            if message.hasPrefix(prefix) || message.isEmpty { return message }
        }
        return ""
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to end; returns its exit status, or `nil` if it was still running after `timeout`.
    func exitStatus(timeout: Duration = .seconds(30)) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        guard !process.isRunning else { return nil }
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }

    /// Everything the daemon logged (read once it has exited).
    var log: String {
        if stderrText.isEmpty {
            stderrText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        return stderrText
    }
}
