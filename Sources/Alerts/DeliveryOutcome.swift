/// What happened when a hook ran for one change: the record behind a delivery's state and `last_error`.
///
/// A hook never makes ``HookRunner/run(_:change:)`` throw; every way it can go wrong (not found, not executable,
/// non-zero exit, killed, timed out) is a value here, because the dispatcher's answer to all of them is the same:
/// record it and maybe retry.
public struct DeliveryOutcome: Hashable, Sendable {
    /// The exit code, when the hook's main process exited on its own.
    public var exitStatus: Int32?
    /// The signal that ended the hook's main process, when one did.
    public var signal: Int32?
    /// Whether the hook overran its timeout and its process group was terminated.
    public var timedOut: Bool
    /// Whether the run was abandoned because the calling task was cancelled (the daemon is shutting down). Such an
    /// attempt says nothing about the hook and should not count against its retries.
    public var cancelled: Bool
    /// Wall time from spawning the hook until it and its output were finished with.
    public var duration: Duration
    /// The end of what the hook wrote to stdout (see ``outputLimit``), secrets redacted.
    public var stdout: String
    /// The end of what the hook wrote to stderr, secrets redacted.
    public var stderr: String
    /// How many bytes the hook wrote to stdout in total, including any that were not kept.
    public var stdoutBytes: Int
    /// How many bytes the hook wrote to stderr in total.
    public var stderrBytes: Int
    /// Why the hook could not be run at all ("no such executable /x/y", "permission denied: …"); `nil` when it ran.
    public var error: String?

    public init(
        exitStatus: Int32? = nil,
        signal: Int32? = nil,
        timedOut: Bool = false,
        cancelled: Bool = false,
        duration: Duration = .zero,
        stdout: String = "",
        stderr: String = "",
        stdoutBytes: Int? = nil,
        stderrBytes: Int? = nil,
        error: String? = nil
    ) {
        self.exitStatus = exitStatus
        self.signal = signal
        self.timedOut = timedOut
        self.cancelled = cancelled
        self.duration = duration
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutBytes = stdoutBytes ?? stdout.utf8.count
        self.stderrBytes = stderrBytes ?? stderr.utf8.count
        self.error = error
    }

    /// A run counts as delivered only when the hook itself said so: exit status 0, in time.
    public var succeeded: Bool {
        error == nil && !timedOut && !cancelled && exitStatus == 0
    }
}
