import Alerts
import Foundation
import Glibc
import Logging
import TestSupport

/// Shared pieces of the tests that run real hook processes.
enum HookTestSupport {
    static let logger = Logger(label: "factwatch.alerts.test") { _ in SwiftLogNoOpLogHandler() }

    static func runner(outputLimit: Int = 64 * 1024, grace: Duration = .seconds(2)) -> HookRunner {
        HookRunner(logger: logger, outputLimit: outputLimit, killGracePeriod: grace)
    }

    /// Writes an executable `/bin/sh` script and returns its path.
    @discardableResult
    static func script(_ body: String, in directory: TemporaryDirectory, named name: String = "hook") throws -> String {
        try directory.write("#!/bin/sh\n" + body + "\n", to: name, executable: true)
    }

    /// Reads a pid a hook wrote to `path`, waiting a little for the file to appear.
    static func pid(at path: String) async throws -> pid_t {
        for _ in 0..<100 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return pid
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ProbeError(description: "no pid was written to \(path)")
    }

    /// Whether `pid` is still a live process running `command` (a zombie, or a reused pid running something else,
    /// counts as gone).
    static func isAlive(_ pid: pid_t, running command: [String]) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
        if state == "Z" { return false }
        guard let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let arguments = cmdline.split(separator: 0, omittingEmptySubsequences: true).map {
            String(decoding: $0, as: UTF8.self)
        }
        return arguments == command
    }

    /// Waits up to `limit` for `pid` to stop running `command`; returns whether it did.
    static func waitUntilGone(_ pid: pid_t, running command: [String], limit: Duration = .seconds(10)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while clock.now < deadline {
            if !isAlive(pid, running: command) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return !isAlive(pid, running: command)
    }

    struct ProbeError: Error, CustomStringConvertible {
        let description: String
    }
}
