public import Logging

extension DeliveryOutcome {
    /// How much of stderr a summary quotes: enough for an error message, short enough for a table column.
    static let summaryStderrCharacters = 200

    /// One line for the `last_error` column and for logs: what happened, how long it took, and the end of stderr
    /// when the hook failed. Never contains a newline, and never a value of the hook's configured environment.
    public var summary: String {
        let took = "after \(Self.seconds(duration))"
        var text: String
        if let error {
            text = error
        } else if cancelled {
            text = "cancelled \(took) before the hook finished (daemon shutting down)"
        } else if timedOut {
            text = "timed out \(took); process group terminated"
            if let signal { text += " (main process ended by \(Self.signalName(signal)))" }
        } else if let exitStatus {
            text = exitStatus == 0 ? "exit 0 \(took)" : "exit status \(exitStatus) \(took)"
        } else if let signal {
            text = "killed by \(Self.signalName(signal)) \(took)"
        } else {
            text = "ended without an exit status \(took)"
        }
        if !succeeded && error == nil {
            let quoted = OneLine.tail(of: stderr, maximum: Self.summaryStderrCharacters)
            if !quoted.isEmpty { text += "; stderr: " + quoted }
        }
        return OneLine.escape(text)
    }

    /// Structured fields for a log line, with stderr quoted on one line.
    public var logMetadata: Logger.Metadata {
        var metadata: Logger.Metadata = [
            "hook.succeeded": "\(succeeded)",
            "hook.duration_ms": "\(Self.milliseconds(duration))",
        ]
        if let exitStatus { metadata["hook.exit_status"] = "\(exitStatus)" }
        if let signal { metadata["hook.signal"] = "\(Self.signalName(signal))" }
        if timedOut { metadata["hook.timed_out"] = "true" }
        if cancelled { metadata["hook.cancelled"] = "true" }
        if let error { metadata["hook.error"] = "\(OneLine.escape(error))" }
        if !stderr.isEmpty {
            metadata["hook.stderr"] = "\(OneLine.tail(of: stderr, maximum: Self.summaryStderrCharacters))"
        }
        return metadata
    }

    /// "SIGTERM" for the signals a hook meets in practice, "signal 42" otherwise.
    static func signalName(_ number: Int32) -> String {
        let names: [Int32: String] = [
            1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE",
            9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ",
        ]
        return names[number] ?? "signal \(number)"
    }

    /// "0.42 s", "30.00 s": hundredths are enough to tell a hang from a slow start.
    static func seconds(_ duration: Duration) -> String {
        let hundredths = (milliseconds(duration) + 5) / 10
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
