public import Core
import Foundation
public import Logging
import Subprocess
import SystemPackage

/// Runs one hook for one change, the way the hook contract in ARCHITECTURE.md describes.
///
/// The command is executed directly (never through a shell) in a new session, so that its process-group id is its
/// pid and a timeout can terminate the hook together with everything it started, without the signal reaching the
/// daemon. The change goes to stdin as one JSON object and a newline, then stdin is closed; the hook's output is
/// captured within ``outputLimit`` per stream. Exit status 0 means delivered.
///
/// The runner holds no state between runs: the dispatcher calls ``run(_:change:)`` concurrently for different
/// deliveries, and retries are the dispatcher's business (see ``RetryPolicy``).
public struct HookRunner: Sendable {
    /// Bytes kept of each of stdout and stderr; the rest is counted and dropped from the front.
    public let outputLimit: Int
    /// How long a timed-out hook gets between SIGTERM and SIGKILL to its process group.
    public let killGracePeriod: Duration
    /// The environment hooks start from; `nil` means this process's environment at the time of each run.
    public let baseEnvironment: [String: String]?
    /// Where hooks run; `nil` keeps the daemon's own working directory. The daemon passes its database's directory,
    /// which under systemd is the one writable state directory.
    public let workingDirectory: String?
    private let logger: Logger

    /// Variables of the daemon's own environment that a hook must not inherit: with them a hook could send
    /// readiness or watchdog messages on the daemon's behalf (sd_notify(3) advises unsetting them for children).
    public static let withheldVariables: Set<String> = ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"]

    /// - Parameters:
    ///   - logger: Receives a debug line when a hook starts and an info line when one fails.
    ///   - outputLimit: Bytes of stdout and of stderr to keep per run.
    ///   - killGracePeriod: Time between SIGTERM and SIGKILL when a hook times out (or the daemon stops).
    ///   - baseEnvironment: The environment hooks inherit, minus ``withheldVariables``; `nil` (the daemon's
    ///     choice) means this process's own. Tests pass an explicit one instead of changing their process's.
    ///   - workingDirectory: The directory hooks run in.
    public init(
        logger: Logger,
        outputLimit: Int = 64 * 1024,
        killGracePeriod: Duration = .seconds(5),
        baseEnvironment: [String: String]? = nil,
        workingDirectory: String? = nil
    ) {
        precondition(outputLimit > 0, "outputLimit must be positive")
        self.logger = logger
        self.outputLimit = outputLimit
        self.killGracePeriod = killGracePeriod
        self.baseEnvironment = baseEnvironment
        self.workingDirectory = workingDirectory
        BrokenPipeSignal.ignore()
    }

    /// Runs `hook` with `change` and reports what happened. Never throws: failures are outcomes.
    ///
    /// Cancelling the calling task (graceful shutdown) terminates the hook's process group with the same
    /// SIGTERM-then-SIGKILL sequence as a timeout and returns an outcome marked ``DeliveryOutcome/cancelled``.
    public func run(_ hook: HookConfiguration, change: Change) async -> DeliveryOutcome {
        var logger = self.logger
        logger[metadataKey: "hook"] = "\(hook.name)"
        logger[metadataKey: "change.id"] = "\(change.id.map { String($0) } ?? "-")"
        let clock = ContinuousClock()
        let start = clock.now
        let redaction = Redaction(secrets: hook.environment.values)

        let prepared: PreparedHook
        switch prepare(hook, change: change) {
        case .success(let value): prepared = value
        case .failure(let failure):
            let outcome = DeliveryOutcome(duration: start.duration(to: clock.now), error: failure.description)
            logger.info("Hook could not be started", metadata: outcome.logMetadata)
            return outcome
        }
        logger.debug("Running hook", metadata: ["hook.executable": "\(prepared.executable)"])

        var outcome: DeliveryOutcome
        do {
            let session = HookSession(
                payload: prepared.payload,
                outputLimit: outputLimit,
                timeout: hook.timeout,
                killGracePeriod: killGracePeriod
            )
            let result = try await Subprocess.run(
                prepared.configuration,
                input: .inputWriter,
                output: .sequence,
                error: .sequence
            ) { execution in
                await session.drive(execution)
            }
            let report = result.closureResult
            outcome = DeliveryOutcome(
                timedOut: report.timedOut,
                cancelled: report.cancelled,
                duration: start.duration(to: clock.now),
                stdout: redaction.apply(to: report.stdout.text),
                stderr: redaction.apply(to: report.stderr.text),
                stdoutBytes: report.stdout.totalBytes,
                stderrBytes: report.stderr.totalBytes
            )
            switch result.terminationStatus {
            case .exited(let code): outcome.exitStatus = code
            case .signaled(let signal): outcome.signal = signal
            }
            if let note = report.inputProblem {
                logger.debug("Hook did not take all of its input", metadata: ["hook.input": "\(note)"])
            }
        } catch {
            outcome = DeliveryOutcome(
                cancelled: Task.isCancelled,
                duration: start.duration(to: clock.now),
                error: Self.describeLaunchError(error, executable: prepared.executable)
            )
        }
        if outcome.succeeded {
            logger.debug("Hook delivered", metadata: outcome.logMetadata)
        } else {
            logger.info("Hook failed", metadata: outcome.logMetadata)
        }
        return outcome
    }

    /// Everything about a run that can be worked out (and can fail) before a process exists.
    private struct PreparedHook: Sendable {
        var executable: String
        var configuration: Configuration
        var payload: [UInt8]
    }

    private func prepare(_ hook: HookConfiguration, change: Change) -> Result<PreparedHook, LaunchFailure> {
        do {
            try hook.validate()
        } catch {
            return .failure(LaunchFailure(error.detail))
        }
        let payload: [UInt8]
        do {
            payload = Array(try JSONCoding.encoder().encode(change)) + [UInt8(ascii: "\n")]
        } catch {
            return .failure(LaunchFailure("could not encode the change as JSON: \(error)"))
        }
        var variables = hook.environment
        variables.merge(HookEnvironment.variables(for: change, hook: hook)) { _, factwatch in factwatch }
        let inheritedPath = baseEnvironment.map { $0["PATH"] } ?? ProcessInfo.processInfo.environment["PATH"]
        let searchPath = variables["PATH"] ?? inheritedPath
        let executable: String
        switch ExecutableLocator.locate(hook.command[0], searchPath: searchPath) {
        case .success(let path): executable = path
        case .failure(let failure): return .failure(failure)
        }

        var options = PlatformOptions()
        options.createSession = true
        // Used by swift-subprocess when the calling task is cancelled; the timeout path signals the group itself.
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: killGracePeriod)]
        let environment: Environment
        if let baseEnvironment {
            var full = baseEnvironment.filter { !Self.withheldVariables.contains($0.key) }
            full.merge(variables) { _, hook in hook }
            var custom: [Environment.Key: String] = [:]
            for (key, value) in full {
                if let key = Environment.Key(rawValue: key) { custom[key] = value }
            }
            environment = .custom(custom)
        } else {
            var updates: [Environment.Key: String?] = [:]
            for key in Self.withheldVariables {
                if let key = Environment.Key(rawValue: key) { updates[key] = .some(nil) }
            }
            for (key, value) in variables {
                if let key = Environment.Key(rawValue: key) { updates[key] = value }
            }
            environment = .inherit.updating(updates)
        }
        let configuration = Configuration(
            executable: .path(FilePath(executable)),
            arguments: Arguments(
                executablePathOverride: hook.command[0],
                remainingValues: Array(hook.command.dropFirst())
            ),
            environment: environment,
            workingDirectory: (hook.workingDirectory ?? workingDirectory).map { FilePath($0) },
            platformOptions: options
        )
        return .success(PreparedHook(executable: executable, configuration: configuration, payload: payload))
    }

    /// A spawn failure as one line without environment values (swift-subprocess's own messages may quote them).
    private static func describeLaunchError(_ error: any Error, executable: String) -> String {
        guard let error = error as? SubprocessError else {
            return "could not run \(executable): \(error)"
        }
        let reason = error.underlyingError.map { String(cString: strerror($0.rawValue)) }
        switch error.code {
        case .executableNotFound:
            return "no such executable \(executable)"
        case .spawnFailed:
            if let code = error.underlyingError?.rawValue, code == EACCES || code == EPERM {
                return "permission denied: cannot execute \(executable)"
            }
            return "could not start \(executable)" + (reason.map { ": \($0)" } ?? "")
        default:
            return "running \(executable) failed: " + (reason ?? "the hook's process could not be managed")
        }
    }
}
