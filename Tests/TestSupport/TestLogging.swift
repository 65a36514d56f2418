public import InMemoryLogging
public import Logging

/// Loggers for tests: quiet by default, or capturing entries so a test can assert what was logged.
///
/// Tests never call `LoggingSystem.bootstrap` (it may only run once per process); they build their loggers here.
public enum TestLogging {
    /// A logger that records every entry, at every level, in the returned handler.
    public static func capturing(_ label: String = "test") -> (Logger, InMemoryLogHandler) {
        var handler = InMemoryLogHandler()
        handler.logLevel = .trace
        let logger = Logger(label: label) { _ in handler }
        return (logger, handler)
    }

    /// A logger that drops everything, for tests that do not look at logs.
    public static func quiet(_ label: String = "test") -> Logger {
        Logger(label: label) { _ in SwiftLogNoOpLogHandler() }
    }
}
