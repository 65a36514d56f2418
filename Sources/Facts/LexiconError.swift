/// A lexicon file that cannot be used: which file, which key, and what is allowed there.
///
/// The message is meant for a log line a user acts on, e.g.
/// `config/lexicon.toml: cues.close.frame: "object" is not a frame; use facility, services, staff or relocation`.
public struct LexiconError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable code for programs.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public var description: String { rawValue }

        /// The file is not valid TOML.
        public static let syntax = Code(rawValue: "lexicon.syntax")
        /// A required key is absent.
        public static let missingKey = Code(rawValue: "lexicon.missing_key")
        /// A key holds the wrong TOML type (a string where a list of strings is expected, ...).
        public static let wrongType = Code(rawValue: "lexicon.wrong_type")
        /// A value is of the right type but not allowed (an unknown frame, an empty phrase, ...).
        public static let invalidValue = Code(rawValue: "lexicon.invalid_value")
    }

    public var code: Code
    /// The file (or other origin) the lexicon came from.
    public var origin: String
    /// The dotted key path, e.g. `kinds.embassy.triggers`; empty for syntax errors.
    public var key: String
    /// The line in the file, when known (TOML syntax errors).
    public var line: Int?
    public var message: String

    public init(code: Code, origin: String, key: String, line: Int? = nil, message: String) {
        self.code = code
        self.origin = origin
        self.key = key
        self.line = line
        self.message = message
    }

    public var description: String {
        var text = origin
        if let line { text += ":\(line)" }
        if !key.isEmpty { text += ": \(key)" }
        return "\(text): \(message) [\(code)]"
    }
}
