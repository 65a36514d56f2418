import Core
import Extraction
import Testing

@Suite struct PlainTextTests {
    let extractor = ArticleExtractor()

    @Test func headlineThenBlankLineSeparatedParagraphs() throws {
        let text = """
            Chile orders consulate closed

            SANTIAGO - The foreign ministry ordered the consulate
            in Antofagasta closed on Thursday.

              The closure must be completed by Sept. 2, the ministry said.


            Officials declined to comment further.
            """
        let article = try extractor.extract(bytes: text.bytes, url: "file:///srv/news/chile.txt")
        #expect(article.title == "Chile orders consulate closed")
        #expect(
            article.paragraphs == [
                "SANTIAGO - The foreign ministry ordered the consulate in Antofagasta closed on Thursday.",
                "The closure must be completed by Sept. 2, the ministry said.",
                "Officials declined to comment further.",
            ]
        )
        #expect(article.published == nil)
        #expect(article.text.hasPrefix("Chile orders consulate closed\n\nSANTIAGO"))
    }

    @Test func firstLineWithoutBlankLineIsNotAHeadline() throws {
        let text = "The embassy closed\non Friday, officials said.\r\n\r\nIt reopens Monday.\r\n"
        let article = try extractor.extract(bytes: text.bytes, url: "file:///a.txt")
        #expect(article.title == nil)
        #expect(article.paragraphs == ["The embassy closed on Friday, officials said.", "It reopens Monday."])
    }

    @Test func singleBlockHasNoHeadline() throws {
        let article = try extractor.extract(bytes: "Just one line of text.\n".bytes, url: "file:///one.txt")
        #expect(article.title == nil)
        #expect(article.paragraphs == ["Just one line of text."])
    }

    @Test func declaredCharsetDecodesPlainText() throws {
        // "Посольство закрыто" in windows-1251.
        let bytes: [UInt8] = [
            0xCF, 0xEE, 0xF1, 0xEE, 0xEB, 0xFC, 0xF1, 0xF2, 0xE2, 0xEE, 0x20, 0xE7, 0xE0, 0xEA, 0xF0, 0xFB, 0xF2, 0xEE,
        ]
        let article = try extractor.extract(bytes: bytes, url: "file:///r.txt", charset: "windows-1251")
        #expect(article.paragraphs == ["Посольство закрыто"])
    }

    @Test func blankTextIsAnEmptyError() throws {
        let error = try #require(throws: ExtractionError.self) {
            try extractor.extract(bytes: " \n\t\n".bytes, url: "file:///blank.txt")
        }
        #expect(error.code == .empty)
    }

    @Test(
        arguments: [
            ("text/html; charset=utf-8", "https://e.example/x", true),
            ("application/xhtml+xml", "https://e.example/x", true),
            ("text/plain", "https://e.example/page.html", false),
            (nil, "https://e.example/page.htm?x=1", true),
            (nil, "file:///srv/story.txt", false),
        ] as [(String?, String, Bool)]
    )
    func formatFollowsContentTypeThenExtension(contentType: String?, url: String, isHTML: Bool) throws {
        // Markup that reads as one paragraph when parsed, and keeps its tags when passed through as text.
        let body = "<p>The consulate reopened on Monday after a week of repairs, staff said.</p>"
        let article = try extractor.extract(bytes: body.bytes, url: url, contentType: contentType)
        #expect(article.paragraphs.first?.hasPrefix("<p>") == !isHTML)
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body><p>The annex was handed back to the city on Monday.</p></body></html>", true),
        ("\u{FEFF}\n  <html><body><p>The annex was handed back to the city on Monday.</p></body></html>", true),
        ("The annex was handed back.\n\n<b>not markup at the start</b>", false),
        ("< 5 consulates remain open in the region, officials said.", false),
    ])
    func leadingMarkupDecidesWhenNothingElseDoes(text: String, isHTML: Bool) throws {
        let article = try extractor.extract(bytes: text.bytes, url: "https://e.example/feed-item")
        #expect(article.paragraphs.contains { $0.contains("<") } == !isHTML)
    }
}
