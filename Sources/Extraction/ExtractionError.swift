/// Why a page yielded no article, with the page's address so the log line says which source to look at.
public struct ExtractionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as an open set of codes (new ones can be added without breaking `switch`es elsewhere).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        /// libxml2 produced no document at all.
        public static let unparseable = Code(rawValue: "unparseable")
        /// The bytes parsed, but there is no readable text in them.
        public static let empty = Code(rawValue: "empty")
        /// The page is larger than the parser accepts.
        public static let tooLarge = Code(rawValue: "too_large")
        /// The bytes are not text at all: an image, a PDF, an archive served where a page was expected.
        public static let binary = Code(rawValue: "binary")

        public var description: String { rawValue }
    }

    public let code: Code
    /// The page's URL (or file URL) as the caller gave it.
    public let url: String
    /// A short human explanation: what was found, and what to check.
    public let detail: String

    public init(code: Code, url: String, detail: String) {
        self.code = code
        self.url = url
        self.detail = detail
    }

    public var description: String { "extraction failed [\(code)] for \(url): \(detail)" }
}
