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
    /// The change kinds this hook wants; empty means every kind that changes a facility's state
    /// (``ChangeKind/alerting``: all but `corroborated` and `text_changed`).
    public var kinds: Set<ChangeKind>
    /// Facility kinds wanted (`consulate`, …); empty means all.
    public var facilityKinds: Set<FacilityKind>
    /// Operating countries wanted (whose facility it is); empty means all.
    public var operators: Set<CountryCode>
    /// Host countries wanted (where the facility is); empty means all.
    public var countries: Set<CountryCode>
    /// Changes backed by a fact of lower confidence are not sent; timer changes, which have none, always are.
    public var minimumConfidence: Double
    /// Where the hook runs; `nil` means the daemon's default (the database's directory).
    public var workingDirectory: String?
    /// For a webhook hook: where to POST. A hook is either a command or a webhook; `command` is empty here.
    public var webhook: Webhook?
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
        environment: [String: String] = [:],
        facilityKinds: Set<FacilityKind> = [],
        operators: Set<CountryCode> = [],
        countries: Set<CountryCode> = [],
        minimumConfidence: Double = 0,
        workingDirectory: String? = nil,
        webhook: Webhook? = nil
    ) {
        self.name = name
        self.command = command
        self.kinds = kinds
        self.timeout = timeout
        self.environment = environment
        self.facilityKinds = facilityKinds
        self.operators = operators
        self.countries = countries
        self.minimumConfidence = minimumConfidence
        self.workingDirectory = workingDirectory
        self.webhook = webhook
    }

    /// Whether this hook should run for `change`: every filter that is set must match.
    public func accepts(_ change: Change) -> Bool {
        let facility = change.facility
        return (kinds.isEmpty ? ChangeKind.alerting.contains(change.kind) : kinds.contains(change.kind))
            && (facilityKinds.isEmpty || facilityKinds.contains(facility.kind))
            && (operators.isEmpty || facility.operatorCountry.map(operators.contains) == true)
            && (countries.isEmpty || facility.hostCountry.map(countries.contains) == true)
            && (change.confidence ?? 1) >= minimumConfidence
    }
}
