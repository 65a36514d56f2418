/// A failure of the change-log database, with the file it concerns and what to do about it.
public struct StorageError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The file could not be opened or created (permissions, missing directory, not a database).
        public static let cannotOpen = Code("cannot_open")
        /// The database was written by a newer factwatch whose schema this build does not know.
        public static let newerSchema = Code("newer_schema")
        /// A source named in a call is not registered (the configuration and the database disagree).
        public static let unknownSource = Code("unknown_source")
        /// A stored row could not be decoded: the file was edited by hand or is corrupt.
        public static let corruptRow = Code("corrupt_row")
        /// SQLite reported an error while reading or writing.
        public static let sqlite = Code("sqlite")
    }

    public var code: Code
    public var message: String
    /// The database file, when the error concerns it.
    public var path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String {
        if let path { return "database \(path): \(message)" }
        return "database: \(message)"
    }
}
