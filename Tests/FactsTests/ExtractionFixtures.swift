import Core
import Facts

/// Builds articles from test text and summarises facts as comparable strings.
enum ExtractionFixtures {
    static let extractor = FactExtractor()

    static func article(_ title: String?, _ paragraphs: [String], published: String? = nil) -> Article {
        Article(
            url: "https://news.example/story",
            title: title,
            paragraphs: paragraphs,
            published: published.flatMap { LocalDateTime(iso: $0) }
        )
    }

    /// "key status deadline" for each asserted fact, e.g. "ru:annex:us:washington ordered_closed 2017-09-02".
    static func summary(_ facts: [Fact]) -> Set<String> {
        Set(facts.map { "\($0.facility.key) \($0.status) \($0.deadline?.value?.iso ?? "nil")" })
    }

    static func extract(_ article: Article, fetchedAt: LocalDateTime? = nil) -> FactExtraction {
        extractor.extract(from: article, fetchedAt: fetchedAt)
    }
}
