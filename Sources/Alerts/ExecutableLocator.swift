import Foundation
import Glibc

/// Finds the program a hook names, and explains precisely why when it cannot.
///
/// swift-subprocess reports a missing file and a file without the execute bit alike ("not found or cannot be
/// executed"); an operator reading `last_error` needs to know which one to fix, so the runner looks first.
enum ExecutableLocator {
    /// The search path when neither the hook nor the daemon has `PATH` (systemd always sets one).
    static let fallbackSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The absolute path to execute for `program` (an absolute path or a bare name), or a one-line reason.
    static func locate(_ program: String, searchPath: String?) -> Result<String, LaunchFailure> {
        if program.isEmpty {
            return .failure(LaunchFailure("hook command is empty"))
        }
        if program.contains("/") {
            guard program.hasPrefix("/") else {
                return .failure(
                    LaunchFailure("hook command \(program) must be an absolute path or a bare name looked up in PATH")
                )
            }
            return check(program)
        }
        let directories = (searchPath ?? fallbackSearchPath).split(separator: ":").map(String.init)
        var firstRefusal: LaunchFailure?
        // Relative PATH entries (and the empty entry, meaning the working directory) are skipped: what a daemon
        // runs must not depend on the directory it was started from.
        for directory in directories where directory.hasPrefix("/") {
            let candidate = directory.hasSuffix("/") ? directory + program : directory + "/" + program
            switch check(candidate) {
            case .success(let path):
                return .success(path)
            case .failure(let failure):
                if failure.kind != .missing && firstRefusal == nil { firstRefusal = failure }
            }
        }
        if let firstRefusal { return .failure(firstRefusal) }
        return .failure(LaunchFailure("no executable named \(program) in PATH (\(searchPath ?? fallbackSearchPath))"))
    }

    /// Whether `path` is a regular file this process may execute.
    private static func check(_ path: String) -> Result<String, LaunchFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                return .failure(LaunchFailure("no such executable \(path)", kind: .missing))
            }
            if code == EACCES {
                return .failure(LaunchFailure("permission denied: cannot reach \(path)", kind: .refused))
            }
            return .failure(LaunchFailure("cannot use \(path): \(String(cString: strerror(code)))", kind: .refused))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(LaunchFailure("not an executable file: \(path) is not a regular file", kind: .refused))
        }
        guard access(path, X_OK) == 0 else {
            return .failure(LaunchFailure("permission denied: \(path) is not executable", kind: .refused))
        }
        return .success(path)
    }
}

/// Why a hook could not be started; the text goes into ``DeliveryOutcome/error``.
struct LaunchFailure: Error, Hashable, Sendable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        case missing
        case refused
        case other
    }

    let description: String
    let kind: Kind

    init(_ description: String, kind: Kind = .other) {
        self.description = description
        self.kind = kind
    }
}
