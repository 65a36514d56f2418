import Glibc

/// Keeps a hook that closes its stdin from killing the daemon.
///
/// Writing the change to a hook whose stdin is already closed raises SIGPIPE, whose default action terminates the
/// whole process. factwatch's `main` ignores SIGPIPE at startup; ``HookRunner`` calls ``ignore()`` again so that
/// every embedding (tests, `factwatch once`, a future tool) is protected too, and the write fails with `EPIPE`
/// instead. Hooks are unaffected: swift-subprocess resets every signal disposition to the default in the child.
public enum BrokenPipeSignal {
    /// Sets SIGPIPE to "ignore" unless the process already installed a handler of its own. Idempotent.
    public static func ignore() {
        var current = sigaction()
        guard sigaction(SIGPIPE, nil, &current) == 0 else { return }
        if current.__sigaction_handler.sa_handler == nil {  // SIG_DFL
            _ = signal(SIGPIPE, SIG_IGN)
        }
    }

    /// Whether SIGPIPE is currently ignored in this process.
    public static var isIgnored: Bool {
        var current = sigaction()
        guard sigaction(SIGPIPE, nil, &current) == 0, let handler = current.__sigaction_handler.sa_handler else {
            return false
        }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
