import Core
import Extraction
import Testing

@Suite struct MainTextTests {
    let extractor = ArticleExtractor()

    @Test func furnitureAroundAndInsideTheArticleIsLeftOut() throws {
        let article = try extractor.extract(
            html: Fixture.bytes("article-with-furniture.html"),
            url: "https://example.com/world/story?id=1"
        )
        #expect(
            article.paragraphs == [
                "The foreign ministry on Thursday ordered the neighbouring republic to close its consulate in Harbour "
                    + "City, giving the mission's twelve staff until March 31 to leave the country.",
                "Officials said the decision followed months of disputes over port fees, and that the embassy in the "
                    + "capital would remain open for now.",
                "What happens next",
                "The republic has ten days to reply, a spokesman said, adding that visa services would move to the "
                    + "embassy, which keeps its full staff.",
                "\"We regret this step, but it was unavoidable,\" the minister told reporters in the capital on "
                    + "Thursday.",
            ]
        )
        let text = article.paragraphs.joined(separator: "\n")
        for furniture in [
            "World", "cookies", "Share on social", "By A. Reporter", "waterfront", "Advertisement", "Hidden tracking",
            "Embassy staff cut", "Consulates", "Read more", "outrage", "sidebar paragraph", "Copyright", "dataLayer",
            "loaded",
        ] {
            #expect(!text.contains(furniture), "\(furniture) should not be in the article text")
        }
    }

    @Test func metadataOfTheFurniturePage() throws {
        let article = try extractor.extract(
            html: Fixture.bytes("article-with-furniture.html"),
            url: "https://example.com/world/story?id=1"
        )
        #expect(article.title == "Consulate in Harbour City ordered shut")
        #expect(article.published == LocalDateTime(iso: "2024-03-14T09:30"))
        #expect(article.canonicalURL == "https://example.com/world/consulate-harbour-city-ordered-shut")
        #expect(article.language == "en-GB")
        #expect(article.url == "https://example.com/world/story?id=1")
    }

    @Test func pageWithoutLabelledContainerIsFoundByTextScoring() throws {
        let article = try extractor.extract(
            html: Fixture.bytes("unlabelled-layout.html"),
            url: "https://daily.example/news/annex"
        )
        #expect(article.title == "Embassy annex seized, officials say")
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs.first?.hasPrefix("Police entered the annex") == true)
        #expect(article.paragraphs.last?.hasSuffix("other missions in the city.") == true)
        let text = article.paragraphs.joined(separator: "\n")
        #expect(!text.contains("Storm closes schools"))
        #expect(!text.contains("Privacy"))
    }

    @Test func brokenMarkupStillYieldsEveryParagraph() throws {
        let article = try extractor.extract(html: Fixture.bytes("broken-markup.html"), url: "https://example.com/r")
        #expect(
            article.paragraphs == [
                "The ambassador's residence was evacuated on Friday after a fire broke out in the kitchen, officials said.",
                "Nobody was hurt, and staff returned to the building by the evening, a spokeswoman said.",
                "Firefighters spent two hours at the scene, and the cause of the fire is being investigated.",
                "The embassy next door stayed open throughout, the ministry added",
            ]
        )
    }

    @Test func subheadingsStayButHeadlineAndTrailingHeadingsGo() throws {
        let html = """
            <html><head><title>Trade office relocated</title></head><body><article>
            <h1>Trade office relocated</h1>
            <p>The trade office moved to a new building on the east side of the city, its director said on Monday.</p>
            <h2>Why it moved</h2>
            <p>The old lease ran out in June, and the landlord had asked for a much higher rent, the director added.</p>
            <h3>More on this story</h3>
            </article></body></html>
            """
        let article = try extractor.extract(html: html.bytes, url: "https://example.com/t")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[1] == "Why it moved")
        #expect(!article.paragraphs.contains("Trade office relocated"))
        #expect(!article.paragraphs.contains("More on this story"))
    }

    @Test func inlineMarkupJoinsAndBlocksAndLineBreaksSplit() throws {
        let html = """
            <article><div class="entry-content">
            <p>The <a href="/e">embassy</a>   in\nthe <em>capital</em>&nbsp;closed on Friday, officials said at noon.</p>
            <p>First line of an address block<br>Second line of the same block, after a line break.</p>
            <div>Text directly inside a division, which is a paragraph of its own here.<div>Nested block text that
            forms another paragraph, written by the same reporter.</div></div>
            </div></article>
            """
        let article = try extractor.extract(html: html.bytes, url: "https://example.com/i")
        #expect(
            article.paragraphs == [
                "The embassy in the capital closed on Friday, officials said at noon.",
                "First line of an address block",
                "Second line of the same block, after a line break.",
                "Text directly inside a division, which is a paragraph of its own here.",
                "Nested block text that forms another paragraph, written by the same reporter.",
            ]
        )
    }

    @Test func linkOnlyLinesAndLabelsAreDropped() throws {
        let html = """
            <article>
            <p>The consulate will reopen on Monday after a two-week closure, the foreign ministry announced today.</p>
            <p><a href="/other">Consulate staff return after two weeks away from their posts</a></p>
            <p>ADVERTISEMENT</p>
            <p>Visa appointments booked during the closure will be honoured, a spokeswoman said in a statement.</p>
            <p>Related: <a href="/x">Earlier closure</a></p>
            </article>
            """
        let article = try extractor.extract(html: html.bytes, url: "https://example.com/l")
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.allSatisfy { $0.contains("consulate") || $0.contains("Visa") })
    }

    @Test func extractsOnManyThreadsAtOnceWithTheSameResult() async throws {
        let pages = try ["article-with-furniture.html", "unlabelled-layout.html", "broken-markup.html"].map {
            try Fixture.bytes($0)
        }
        let shared = extractor
        let expected = try pages.map { try shared.extract(html: $0, url: "https://example.com/p") }
        let results = try await withThrowingTaskGroup(of: (Int, Article).self) { group in
            for round in 0..<24 {
                let page = pages[round % pages.count]
                group.addTask { (round % pages.count, try shared.extract(html: page, url: "https://example.com/p")) }
            }
            var collected: [(Int, Article)] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 24)
        for (index, article) in results { #expect(article == expected[index]) }
    }

    @Test func pageWithoutTextIsAnEmptyError() throws {
        for html in [
            "<html><head><title></title></head><body>   </body></html>",
            "<html><body><script>var text = 'a long script body, with commas, that is not prose';</script></body></html>",
            "<html><body><nav><a href=/a>Home</a> <a href=/b>News</a></nav></body></html>",
        ] {
            let error = try #require(throws: ExtractionError.self) {
                try extractor.extract(html: html.bytes, url: "https://example.com/blank")
            }
            #expect(error.code == .empty)
            #expect(error.url == "https://example.com/blank")
        }
    }
}
