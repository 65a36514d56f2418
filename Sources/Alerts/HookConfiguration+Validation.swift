import Foundation

extension HookConfiguration {
    /// Checks what can be checked without running anything, so a broken hook is reported when the configuration
    /// is loaded instead of as a dead letter hours later.
    ///
    /// Whether the executable exists is deliberately not checked here: a hook installed after the daemon starts
    /// is fine, and the runner reports a missing one as a failed (retried) delivery.
    public func validate() throws(HookConfigurationError) {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw HookConfigurationError(code: .emptyName, hook: name, detail: "every hook needs a non-empty name")
        }
        if let webhook {
            let lowered = webhook.url.lowercased()
            guard command.isEmpty, lowered.hasPrefix("http://") || lowered.hasPrefix("https://"),
                URL(string: webhook.url)?.host != nil
            else {
                throw HookConfigurationError(
                    code: .invalidWebhook,
                    hook: name,
                    detail: command.isEmpty
                        ? "url must be an http or https URL with a host"
                        : "give either command (a program) or url (a webhook), not both"
                )
            }
            if timeout <= .zero {
                throw HookConfigurationError(
                    code: .nonPositiveTimeout,
                    hook: name,
                    detail: "timeout must be positive (default \(HookConfiguration.defaultTimeout))"
                )
            }
            return
        }
        guard let program = command.first, !program.isEmpty else {
            throw HookConfigurationError(
                code: .emptyCommand,
                hook: name,
                detail: "command is empty; give an argv array such as [\"/usr/local/bin/notify\", \"--json\"]"
            )
        }
        if program.contains("/") && !program.hasPrefix("/") {
            throw HookConfigurationError(
                code: .relativeCommand,
                hook: name,
                detail: "command[0] \"\(program)\" must be an absolute path or a bare name looked up in PATH"
            )
        }
        if timeout <= .zero {
            throw HookConfigurationError(
                code: .nonPositiveTimeout,
                hook: name,
                detail: "timeout must be positive (default \(HookConfiguration.defaultTimeout))"
            )
        }
        for key in environment.keys.sorted() {
            if let problem = Self.problem(withVariable: key, value: environment[key] ?? "") {
                throw HookConfigurationError(code: .invalidEnvironment, hook: name, detail: problem)
            }
        }
    }

    /// Describes what is wrong with one extra variable, or returns `nil`. The value itself is never quoted: it
    /// may be a token.
    private static func problem(withVariable key: String, value: String) -> String? {
        if key.isEmpty || key.contains("=") || key.contains("\0") || key.first?.isNumber == true {
            return "environment variable name \"\(key)\" is not valid (no \"=\", no NUL, not starting with a digit)"
        }
        if key.hasPrefix(HookEnvironment.reservedPrefix) {
            return "environment variable \(key) is reserved: factwatch sets the \(HookEnvironment.reservedPrefix)* "
                + "variables itself"
        }
        if value.contains("\0") {
            return "environment variable \(key) has a NUL byte in its value"
        }
        return nil
    }
}
