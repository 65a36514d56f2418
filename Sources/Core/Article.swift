/// The readable content of one page version: what the `Extraction` module makes of HTML, and what fact extraction
/// reads.
public struct Article: Hashable, Codable, Sendable {
    /// Where the page was read from (http, https or file URL).
    public var url: String
    public var title: String?
    /// The main text, one entry per paragraph, without navigation, captions, share bars or trailers.
    public var paragraphs: [String]
    /// The publication date and time as the page states it, in the publisher's local time.
    public var published: LocalDateTime?
    /// When the page says it was last updated, if it says so: a story updated on Saturday is Saturday's news even
    /// though it was first published on Thursday.
    public var modified: LocalDateTime?
    /// The page's `<link rel=canonical>`, when it has one.
    public var canonicalURL: String?
    /// BCP 47 language tag from `<html lang>`, when present.
    public var language: String?

    public init(
        url: String,
        title: String?,
        paragraphs: [String],
        published: LocalDateTime? = nil,
        modified: LocalDateTime? = nil,
        canonicalURL: String? = nil,
        language: String? = nil
    ) {
        self.url = url
        self.title = title
        self.paragraphs = paragraphs
        self.published = published
        self.modified = modified
        self.canonicalURL = canonicalURL
        self.language = language
    }

    /// The newest date the page gives: its update time, else its publication time. A report is as recent as this.
    public var asOf: LocalDateTime? { modified ?? published }

    /// The headline, a blank line, then the paragraphs separated by blank lines. Evidence spans index this text.
    public var text: String {
        var blocks: [String] = []
        if let title, !title.isEmpty { blocks.append(title) }
        blocks.append(contentsOf: paragraphs)
        return blocks.joined(separator: "\n\n")
    }

    enum CodingKeys: String, CodingKey {
        case url
        case title
        case paragraphs
        case published
        case modified
        case canonicalURL = "canonical_url"
        case language
    }
}
