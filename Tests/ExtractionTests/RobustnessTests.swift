import Core
import Extraction
import Testing

/// Hostile and oversized input: an error or an article, never a crash, a stack overflow or a hang.
@Suite struct RobustnessTests {
    let extractor = ArticleExtractor()
    let sentence = "The consulate reopened on Monday after repairs, staff said, and visa services resumed. "

    @Test func emptyAndBlankInputAreEmptyErrors() throws {
        for bytes in [[], Array("   \n\t ".utf8), Array("<html></html>".utf8)] as [[UInt8]] {
            let error = try #require(throws: ExtractionError.self) {
                try extractor.extract(html: bytes, url: "https://news.example/blank")
            }
            #expect(error.code == .empty)
        }
    }

    @Test func aFiftyMegabytePageIsExtracted() throws {
        let text = String(repeating: sentence, count: 12)
        var html = Array("<html><head><title>Large</title></head><body><article>".utf8)
        html.reserveCapacity(50_001_000)
        var count = 0
        while html.count < 50_000_000 {
            count += 1
            html += Array("<p>\(count). \(text)</p>\n".utf8)
        }
        html += Array("</article></body></html>".utf8)
        let article = try extractor.extract(html: html, url: "https://news.example/large")
        #expect(article.paragraphs.count == count)
        #expect(article.paragraphs.last?.hasPrefix("\(count). The consulate reopened") == true)
    }

    /// 100,000 of the commonest block; the other tags go well past the parser's nesting cap (512) with fewer, which
    /// keeps the debug-build suite fast.
    @Test(arguments: [
        ("div", 100_000), ("span", 10_000), ("b", 10_000), ("section", 10_000), ("li", 10_000), ("table", 10_000),
        ("svg", 10_000),
    ])
    func deeplyNestedElements(tag: String, depth: Int) throws {
        let html =
            "<html><body>" + String(repeating: "<\(tag) class=\"content date\">", count: depth)
            + "<p>\(sentence)\(sentence)</p>" + String(repeating: "</\(tag)>", count: depth) + "<p>\(sentence)</p>"
        do {
            let article = try extractor.extract(html: html.bytes, url: "https://news.example/deep")
            #expect(article.paragraphs.joined().contains("The consulate reopened"))
        } catch {
            #expect(error.code == .empty)
        }
    }

    @Test func unclosedTablesAndParagraphsNestedDeeply() throws {
        let html = String(repeating: "<p><table><tr><td><div>", count: 10_000) + sentence
        let article = try extractor.extract(html: html.bytes, url: "https://news.example/unclosed")
        #expect(article.paragraphs == [String(sentence.dropLast())])
    }

    @Test func deeplyNestedJSONLDIsSkipped() throws {
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let html = "<script type=\"application/ld+json\">\(json)</script><article><p>\(sentence)</p></article>"
        let article = try extractor.extract(html: html.bytes, url: "https://news.example/json")
        #expect(article.title == nil)
        #expect(article.paragraphs.count == 1)
    }

    @Test func tensOfThousandsOfCandidateContainers() throws {
        let html = (1...10_000).map { "<div class=\"article-body\"><p>\($0). \(sentence)</p></div>" }.joined()
        let article = try extractor.extract(html: html.bytes, url: "https://news.example/many")
        #expect(article.paragraphs.count == 10_000)
    }
}
