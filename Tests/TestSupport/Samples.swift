public import Core
import Foundation

/// Small, readable facts and articles for tests that need realistic values but not the extractor.
public enum Samples {
    public static let sanFranciscoConsulate = Facility(
        kind: .consulate,
        operatorCountry: CountryCode(rawValue: "RU"),
        hostCountry: CountryCode(rawValue: "US"),
        city: "San Francisco",
        name: "Consulate General of Russia in San Francisco"
    )

    public static let washingtonAnnex = Facility(
        kind: .annex,
        operatorCountry: CountryCode(rawValue: "RU"),
        hostCountry: CountryCode(rawValue: "US"),
        city: "Washington",
        name: "Chancery annex of Russia in Washington"
    )

    public static func fact(
        _ facility: Facility,
        _ status: Status,
        deadline: String? = nil,
        modality: Fact.Modality = .asserted,
        sentence: String = "A sentence that says so."
    ) -> Fact {
        Fact(
            facility: facility,
            status: status,
            deadline: deadline.map { Deadline(value: LocalDateTime(iso: $0), phrase: "by \($0)", anchor: .published) },
            modality: modality,
            evidence: Evidence(sentence: sentence, span: TextSpan(start: 0, end: sentence.unicodeScalars.count))
        )
    }

    public static func article(
        _ paragraphs: [String],
        title: String = "Headline",
        published: String? = "2017-08-31"
    )
        -> Article
    {
        Article(
            url: "https://example.org/story",
            title: title,
            paragraphs: paragraphs,
            published: published.flatMap { LocalDateTime(iso: $0) }
        )
    }
}
