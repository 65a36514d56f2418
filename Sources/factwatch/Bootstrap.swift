import Alerts
import Daemon
import Fetching
import Foundation
import Logging

/// Process-wide setup, done once by each command before anything else.
enum Bootstrap {
    /// Logging to stderr (journald format under systemd), libcurl and libxml2 initialisation, and SIGPIPE ignored so
    /// a hook that closes its stdin early gives EPIPE instead of killing the daemon.
    static func start(level: Logger.Level) throws -> Logger {
        BrokenPipeSignal.ignore()
        LoggingSystem.bootstrap { label in
            var handler = JournaldLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        try Fetching.globalInit()
        return Logger(label: "factwatch")
    }
}
