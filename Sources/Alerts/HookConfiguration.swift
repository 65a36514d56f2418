public import Core

/// One configured alert hook: a program that factwatch runs for every matching change.
///
/// The command is an argv array and never a shell string, so a facility name or URL that reaches the hook can
/// never be interpreted as shell syntax. The change itself travels on stdin as JSON; the environment carries a
/// few `FACTWATCH_*` variables for hooks that only need the headline.
public struct HookConfiguration: Sendable, Hashable {
    /// The name used in logs, in the `deliveries` table and as `FACTWATCH_HOOK`.
    public var name: String
    /// The program and its arguments. `command[0]` is an absolute path or a bare name looked up in `PATH`.
    public var command: [String]
    /// The change kinds this hook wants; empty means every kind.
    public var kinds: Set<ChangeKind>
    /// How long one run may take before its whole process group is terminated.
    public var timeout: Duration
    /// Extra variables for the hook (tokens, endpoints). Their values are treated as secrets: they are redacted
    /// from captured output and never appear in summaries or logs.
    public var environment: [String: String]

    /// The timeout a hook gets when the configuration does not set one: long enough for a webhook call over a
    /// slow link, short enough that a wedged hook does not hold a delivery slot for long.
    public static let defaultTimeout: Duration = .seconds(30)

    public init(
        name: String,
        command: [String],
        kinds: Set<ChangeKind> = [],
        timeout: Duration = HookConfiguration.defaultTimeout,
        environment: [String: String] = [:]
    ) {
        self.name = name
        self.command = command
        self.kinds = kinds
        self.timeout = timeout
        self.environment = environment
    }

    /// Whether this hook should run for `change`.
    public func accepts(_ change: Change) -> Bool {
        kinds.isEmpty || kinds.contains(change.kind)
    }
}
