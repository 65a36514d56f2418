/// Why a hook's configuration cannot be run, found before any process is started.
///
/// `factwatch check-config` reports these, so each description names the hook and says what to change.
public struct HookConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, as an extensible set of constants rather than a public enum.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        public static let emptyName = Code("empty_name")
        public static let emptyCommand = Code("empty_command")
        public static let relativeCommand = Code("relative_command")
        public static let nonPositiveTimeout = Code("non_positive_timeout")
        public static let invalidEnvironment = Code("invalid_environment")
        public static let invalidWebhook = Code("invalid_webhook")

        public var description: String { name }
    }

    public let code: Code
    /// The hook's configured name (may be empty for ``Code/emptyName``).
    public let hook: String
    /// What is wrong and how to fix it; never contains an environment value.
    public let detail: String

    public init(code: Code, hook: String, detail: String) {
        self.code = code
        self.hook = hook
        self.detail = detail
    }

    public var description: String { "hook \"\(hook)\": \(detail)" }
}
