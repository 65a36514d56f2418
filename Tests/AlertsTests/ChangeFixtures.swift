import Core
import Foundation

/// Changes as the pipeline produces them, for hook tests.
enum ChangeFixtures {
    static func statusChange(sentence: String = "The consulate was ordered closed by September 2.") -> Change {
        let facility = Facility(
            kind: .consulate,
            operatorCountry: CountryCode(rawValue: "RU"),
            hostCountry: CountryCode(rawValue: "US"),
            city: "San Francisco",
            name: "Consulate General of Russia in San Francisco"
        )
        let deadline = Deadline(
            value: LocalDateTime(date: CivilDate(year: 2017, month: 9, day: 2)!),
            phrase: "by September 2",
            anchor: .published
        )
        return Change(
            id: 4711,
            kind: .statusChanged,
            facility: facility,
            before: FacilityState(status: .opened),
            after: FacilityState(status: .orderedClosed, deadline: deadline),
            evidence: ChangeEvidence(
                source: "example-wire",
                url: "https://news.example/2017/08/31/consulate",
                versionID: 12,
                published: LocalDateTime(iso: "2017-08-31T14:05"),
                sentence: sentence,
                span: TextSpan(start: 0, end: sentence.unicodeScalars.count)
            ),
            detectedAt: Date(timeIntervalSince1970: 1_504_188_000),
            idempotencyKey: "v12:ru:consulate:us:san-francisco:status"
        )
    }

    /// A change first seen: no previous state, no deadline, no evidence.
    static func firstSighting() -> Change {
        Change(
            kind: .facilitySeen,
            facility: Facility(kind: .embassy, operatorCountry: nil, hostCountry: nil, city: nil, name: "An embassy"),
            before: nil,
            after: FacilityState(status: .opened),
            evidence: nil,
            detectedAt: Date(timeIntervalSince1970: 0),
            idempotencyKey: "seen"
        )
    }
}
