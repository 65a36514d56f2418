import Core
import Foundation
import Testing

@Suite struct FacilityKeyTests {
    @Test func keysAreLowerCaseASCIIWithFourParts() {
        let facility = Facility(
            kind: .consulate,
            operatorCountry: CountryCode(rawValue: "RU"),
            hostCountry: CountryCode(rawValue: "us"),
            city: "San Francisco",
            name: "Consulate General of Russia in San Francisco"
        )
        #expect(facility.key.rawValue == "ru:consulate:us:san-francisco")
    }

    @Test(arguments: [
        ("São Paulo", "sao-paulo"), ("Washington, D.C.", "washington-d-c"), ("Côte d'Ivoire", "cote-divoire"),
        ("Kraków", "krakow"), ("Ho Chi Minh City", "ho-chi-minh-city"), ("  Łódź ", "lodz"), ("Zürich", "zurich"),
    ])
    func slugsFoldAccentsAndPunctuation(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func unknownPartsStillGiveAFourPartKey() {
        let key = FacilityKey(kind: .tradeOffice, operatorCountry: nil, hostCountry: nil, city: nil)
        #expect(key.rawValue == "xx:trade_office:xx:-")
    }

    @Test func countryCodesAcceptTwoLettersOnly() {
        #expect(CountryCode(rawValue: "ru")?.rawValue == "RU")
        #expect(CountryCode(rawValue: "RUS") == nil)
        #expect(CountryCode(rawValue: "R1") == nil)
    }

    @Test func factsEncodeFlatDeadlineFieldsAndDecodeBack() throws {
        let fact = Fact(
            facility: Facility(
                kind: .annex,
                operatorCountry: CountryCode(rawValue: "RU"),
                hostCountry: CountryCode(rawValue: "US"),
                city: "Washington",
                name: "Chancery annex of Russia in Washington"
            ),
            status: .orderedClosed,
            deadline: Deadline(
                value: LocalDateTime(iso: "2017-09-02"),
                phrase: "by September 2",
                anchor: .published
            ),
            evidence: Evidence(
                sentence: "Russia must close the annex by September 2.",
                span: TextSpan(start: 4, end: 48)
            )
        )
        let data = try JSONCoding.encoder().encode(fact)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(object["deadline"] as? String == "2017-09-02")
        #expect(object["deadline_text"] as? String == "by September 2")
        #expect(object["status"] as? String == "ordered_closed")
        #expect(object["key"] as? String == "ru:annex:us:washington")
        #expect(try JSONCoding.decoder().decode(Fact.self, from: data) == fact)
    }
}
