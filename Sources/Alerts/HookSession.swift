import Glibc
import Subprocess
import SystemPackage

/// The part of a hook run that happens while the process is alive: feed stdin, drain both outputs, enforce the
/// timeout.
///
/// It runs inside swift-subprocess's `run` body, before the hook's main process is reaped. That matters: as long
/// as the zombie exists its pid cannot be reused, so signalling the process group `-pid` can only ever reach the
/// hook's own processes, including after the main process has died and left children behind.
struct HookSession: Sendable {
    typealias HookExecution = Execution<CustomWriteInput, SequenceOutput, SequenceOutput>

    let payload: [UInt8]
    let outputLimit: Int
    let timeout: Duration
    let killGracePeriod: Duration

    /// How long to wait for the main process to die after SIGKILL before giving up on it (a process stuck in the
    /// kernel cannot be killed any faster; swift-subprocess still waits for it before returning).
    static let killWait: Duration = .seconds(5)

    /// What the run body found out; the termination status comes from swift-subprocess afterwards.
    struct Report: Sendable {
        var stdout: OutputTail
        var stderr: OutputTail
        var timedOut = false
        var cancelled = false
        /// Why the change was not completely written to stdin, when it was not (the hook closed or ignored it).
        var inputProblem: String?
    }

    private enum Event: Sendable {
        case inputWritten(problem: String?)
        case stdoutCaptured(OutputTail)
        case stderrCaptured(OutputTail)
        case deadlineReached
        case deadlineCancelled
        case mainProcessExited
    }

    func drive(_ execution: HookExecution) async -> Report {
        var report = Report(stdout: OutputTail(limit: outputLimit), stderr: OutputTail(limit: outputLimit))
        let pid = execution.processIdentifier.value
        let deadline = ContinuousClock.now.advanced(by: timeout)
        await withTaskGroup(of: Event.self) { group in
            group.addTask { .inputWritten(problem: await Self.write(payload, to: execution.standardInputWriter)) }
            group.addTask { .stdoutCaptured(await OutputTail.capture(execution.standardOutput, limit: outputLimit)) }
            group.addTask { .stderrCaptured(await OutputTail.capture(execution.standardError, limit: outputLimit)) }
            group.addTask {
                do {
                    try await Task.sleep(until: deadline, clock: .continuous)
                    return .deadlineReached
                } catch {
                    return .deadlineCancelled
                }
            }
            var openStreams = 2
            while let event = await group.next() {
                switch event {
                case .inputWritten(let problem):
                    report.inputProblem = problem
                case .stdoutCaptured(let tail), .stderrCaptured(let tail):
                    if case .stdoutCaptured = event { report.stdout = tail } else { report.stderr = tail }
                    openStreams -= 1
                    if openStreams == 0 {
                        // Both streams ended: normally because the hook exited, but a hook may close them early.
                        group.addTask {
                            _ = await ChildProcessWatch.waitForExit(pid)
                            return .mainProcessExited
                        }
                    }
                case .deadlineReached:
                    report.timedOut = true
                    group.addTask {
                        await terminateGroup(of: execution)
                        return .mainProcessExited
                    }
                case .deadlineCancelled:
                    break
                case .mainProcessExited:
                    // Stops the timer, and any stdin write still blocked on a hook that never read it.
                    group.cancelAll()
                }
            }
        }
        report.cancelled = Task.isCancelled
        return report
    }

    /// SIGTERM to the hook's process group; SIGKILL to the group once the main process is gone or the grace
    /// period is over, whichever comes first, so that no child the hook started outlives it.
    private func terminateGroup(of execution: HookExecution) async {
        let pid = execution.processIdentifier.value
        try? execution.send(signal: .terminate, toProcessGroup: true)
        _ = await ChildProcessWatch.waitForExit(pid, upTo: killGracePeriod)
        try? execution.send(signal: .kill, toProcessGroup: true)
        // Not cancellable on purpose: the body must not return (and let the zombie be reaped) before this is done.
        _ = await withUncancelledWait { await ChildProcessWatch.waitForExit(pid, upTo: Self.killWait) }
    }

    /// Writes the change and closes stdin. A hook may exit or close stdin without reading; that is its right
    /// (exit status decides delivery), so a short or failed write is reported, not thrown.
    private static func write(_ payload: [UInt8], to writer: StandardInputWriter) async -> String? {
        var problem: String?
        do {
            let written = try await writer.write(payload)
            if written < payload.count {
                problem = "hook exited after reading \(written) of \(payload.count) bytes"
            }
        } catch {
            let reason = error.underlyingError.map { String(cString: strerror($0.rawValue)) } ?? "write failed"
            problem = "stdin not fully written: \(reason)"
        }
        try? await writer.finish()
        return problem
    }
}

/// Runs `body` in a task that does not inherit the caller's cancellation, and waits for it.
private func withUncancelledWait<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
    await Task { await body() }.value
}
