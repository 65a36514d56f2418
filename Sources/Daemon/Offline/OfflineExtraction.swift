public import Core
public import Extraction
public import Facts
public import Fetching
import Foundation

/// `factwatch extract`: the article and facts of one file or URL, with no database and no daemon.
public struct OfflineExtraction: Sendable, Encodable {
    /// The path or URL as given.
    public var input: String
    public var article: Article
    public var facts: [Fact]
    /// Candidates that were negated, hedged or conditional: shown so a user can see why nothing fired.
    public var rejected: [Fact]

    enum CodingKeys: String, CodingKey {
        case path
        case url
        case title
        case published
        case modified
        case language
        case canonicalURL = "canonical_url"
        case text
        case paragraphs
        case facts
        case rejected
    }

    /// One flat object per input: where it came from, the article's metadata and text, and its facts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .path)
        try container.encode(article.url, forKey: .url)
        try container.encode(article.title, forKey: .title)
        try container.encode(article.published, forKey: .published)
        try container.encode(article.modified, forKey: .modified)
        try container.encode(article.language, forKey: .language)
        try container.encode(article.canonicalURL, forKey: .canonicalURL)
        try container.encode(article.text, forKey: .text)
        try container.encode(article.paragraphs, forKey: .paragraphs)
        try container.encode(facts, forKey: .facts)
        try container.encode(rejected, forKey: .rejected)
    }

    /// Reads and extracts `input`: an http(s) URL is fetched, anything else is read as a file (`.gz` is
    /// decompressed). `published` stands in for a publication date the page does not give; `servedFrom` is the URL
    /// a saved page came from (for relative links and a date in the URL's path).
    public static func run(
        _ input: String,
        fetcher: Fetcher,
        articles: ArticleExtractor = ArticleExtractor(),
        facts: FactExtractor,
        published: LocalDateTime? = nil,
        servedFrom: String? = nil
    ) async throws -> OfflineExtraction {
        let response = try await fetcher.fetch(FetchRequest(url: input))
        var url = servedFrom ?? response.finalURL
        if servedFrom == nil, input.hasSuffix(".gz"), !url.hasPrefix("http") { url = String(url.dropLast(3)) }
        var article = try articles.extract(
            bytes: response.body,
            url: url,
            contentType: response.contentType,
            charset: response.charset
        )
        if article.published == nil { article.published = published }
        // A live fetch's time can anchor relative deadlines; reading a saved file says nothing about when it was
        // written, so a file without dates leaves them unresolved.
        let isLive = input.lowercased().hasPrefix("http://") || input.lowercased().hasPrefix("https://")
        let extraction = facts.extract(from: article, fetchedAt: isLive ? LocalDateTime(utc: response.fetchedAt) : nil)
        return OfflineExtraction(input: input, article: article, facts: extraction.facts, rejected: extraction.rejected)
    }

    /// A readable report: the article's headline facts, then what was found and what was set aside.
    public var report: String {
        var lines = [input]
        lines.append("  title:      \(article.title ?? "(none)")")
        lines.append("  published:  \(article.published?.iso ?? "(not found)")")
        let characters = article.paragraphs.reduce(0) { $0 + $1.count }
        lines.append("  text:       \(article.paragraphs.count) paragraphs, \(characters) characters")
        lines.append("  facts:      \(facts.count)")
        for fact in facts {
            lines.append("    \(fact.status.rawValue)  \(fact.facility.key)  \(Self.details(fact))")
            lines.append("        “\(fact.evidence.sentence)”")
            // The claim is the article's resolved view; the mentions it was resolved from stand under it.
            if fact.support.count > 1 {
                for mention in fact.support {
                    lines.append(
                        "        · \(mention.status.rawValue) (\(mention.place.rawValue)): “\(mention.sentence)”"
                    )
                }
            }
        }
        if !rejected.isEmpty {
            lines.append("  not asserted (no change would be logged):")
            for fact in rejected {
                lines.append("    \(fact.status.rawValue) [\(fact.modality.rawValue)]  \(fact.facility.key)")
                lines.append("        “\(fact.evidence.sentence)”")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func details(_ fact: Fact) -> String {
        var parts: [String] = []
        if let deadline = fact.deadline {
            parts.append("deadline \(deadline.value?.iso ?? "unresolved") (\(deadline.phrase))")
        }
        if let staff = fact.staff { parts.append("staff \(staff)") }
        if let limit = fact.staffLimit { parts.append("staff limit \(limit)") }
        if let city = fact.relocatedTo { parts.append("to \(city)") }
        return parts.joined(separator: ", ")
    }
}
