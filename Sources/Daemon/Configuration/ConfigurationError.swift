/// Everything wrong with a configuration file, each problem with its line and key, so one run of
/// `factwatch check-config` shows them all.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// One problem: where it is and what to do.
    public struct Issue: Hashable, Sendable, CustomStringConvertible {
        /// 1-based line in the file, when it could be found.
        public var line: Int?
        /// The key path, e.g. `source[2].interval` (1-based index, as a person counts tables).
        public var key: String
        public var message: String

        public init(line: Int?, key: String, message: String) {
            self.line = line
            self.key = key
            self.message = message
        }

        public var description: String { key.isEmpty ? message : "\(key): \(message)" }
    }

    /// The configuration file.
    public var path: String
    public var issues: [Issue]

    public init(path: String, issues: [Issue]) {
        self.path = path
        self.issues = issues
    }

    /// One line per issue, `path:line: key: message`, the form editors and CI logs link to.
    public var description: String {
        issues.map { issue in
            let location = issue.line.map { "\(path):\($0)" } ?? path
            return "\(location): \(issue)"
        }.joined(separator: "\n")
    }
}
