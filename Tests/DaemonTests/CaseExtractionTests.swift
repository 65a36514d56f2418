import Daemon
import Facts
import Foundation
import Testing

/// `factwatch extract --cases`: one JSON line in, one JSON line out, with flat facts and TIMEX3 expressions.
@Suite struct CaseExtractionTests {
    private func run(_ lines: [String]) -> (output: [[String: Any]], failures: Int) {
        var output: [[String: Any]] = []
        let failures = CaseExtraction(facts: FactExtractor()).run(lines: lines.map { Substring($0) }) { line in
            output.append((try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:])
        }
        return (output, failures)
    }

    @Test func aCaseGivesFlatFactsAndTimeExpressionsWithScalarOffsets() throws {
        let text =
            "Headline\n\nSÃO PAULO - Brazil on Monday ordered Côte d’Ivoire to close its consulate in São Paulo within 48 hours."
        let input = try JSONSerialization.data(withJSONObject: ["id": "a1", "text": text, "published": "2024-03-11"])
        let (output, failures) = run([String(decoding: input, as: UTF8.self)])
        #expect(failures == 0)
        let result = try #require(output.first)
        #expect(result["id"] as? String == "a1")
        let fact = try #require((result["facts"] as? [[String: Any]])?.first)
        #expect(fact["kind"] as? String == "consulate")
        #expect(fact["city"] as? String == "Sao Paulo" || fact["city"] as? String == "São Paulo")
        #expect(fact["status"] as? String == "ordered_closed")
        #expect(fact["deadline"] as? String == "2024-03-13")
        #expect(fact["deadline_text"] as? String == "within 48 hours")
        #expect(fact["operator"] as? String == "CI")
        #expect(fact["country"] as? String == "BR")
        #expect(fact["polarity"] as? String == "asserted")
        let timex = try #require(result["timex"] as? [[String: Any]])
        let scalars = Array(text.unicodeScalars)
        let texts = timex.compactMap { item -> String? in
            guard let start = item["start"] as? Int, let end = item["end"] as? Int else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        #expect(texts == timex.compactMap { $0["text"] as? String })
        #expect(timex.contains { $0["value"] as? String == "2024-03-11" && $0["type"] as? String == "DATE" })
        #expect(timex.contains { $0["value"] as? String == "PT48H" && $0["type"] as? String == "DURATION" })
    }

    @Test func aBadLineIsReportedAndTheRunGoesOn() {
        let (output, failures) = run([
            "not json", "{\"id\": \"b\", \"text\": \"Headline\\n\\nNothing here.\", \"published\": \"yesterday\"}",
            "{\"id\": \"c\", \"text\": \"Headline\\n\\nNothing here.\", \"published\": null}",
        ])
        #expect(failures == 2)
        #expect(output.count == 3)
        #expect(output[0]["error"] != nil)
        #expect((output[1]["error"] as? String)?.contains("published") == true)
        #expect((output[2]["facts"] as? [Any])?.isEmpty == true)
    }
}
