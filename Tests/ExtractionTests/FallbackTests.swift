import Core
import Extraction
import Testing

/// When neither the labelled container nor text scoring finds 250 letters, the page's text may be elsewhere.
@Suite struct FallbackTests {
    let extractor = ArticleExtractor()

    @Test func jsonLDArticleBodyOfAScriptRenderedPage() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Mission closes",
            "articleBody": "The mission closed on Friday after forty years in the city, the ministry said.\\nStaff \
            will move to the embassy in the capital, which keeps its consular section open."}</script></head>
            <body><div id="app"></div><script>render()</script></body></html>
            """
        let article = try extractor.extract(html: html.bytes, url: "https://news.example/shell")
        #expect(
            article.paragraphs == [
                "The mission closed on Friday after forty years in the city, the ministry said.",
                "Staff will move to the embassy in the capital, which keeps its consular section open.",
            ]
        )
    }

    @Test func articleBodyWrittenAsMarkupIsNotTakenAsText() throws {
        let html = """
            <script type="application/ld+json">{"articleBody": "<p>The mission closed on Friday.</p>"}</script>
            <meta name="description" content="The mission in the port city closed on Friday after forty years.">
            """
        let article = try extractor.extract(html: html.bytes, url: "https://news.example/markup")
        #expect(article.paragraphs == ["The mission in the port city closed on Friday after forty years."])
    }

    @Test func paragraphsScatteredOverThePageAreGathered() throws {
        let html = """
            <body><div class="a"><p>The trade office on the east side of the city closed on Friday, its director said \
            in a statement, after the lease on its building ran out.</p></div>
            <nav><p>Home, News, Sport, Weather, Contact us, and the other sections of the site.</p></nav>
            <div class="b"><p>Visa applications will be handled by the embassy in the capital from Monday, and \
            appointments already booked stay valid, the statement added.</p></div></body>
            """
        let article = try extractor.extract(html: html.bytes, url: "https://news.example/scattered")
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.allSatisfy { !$0.contains("Sport") })
    }

    @Test func aPaywallTeaserKeepsItsDescription() throws {
        let html = """
            <html><head><meta property="og:description" content="The consulate in the port city will close by the end \
            of the month, the foreign ministry said on Tuesday.">
            <meta property="article:published_time" content="2020-03-10T09:00:00+01:00"></head>
            <body><div class="paywall">Subscribe to read</div></body></html>
            """
        let article = try extractor.extract(html: html.bytes, url: "https://news.example/paywall")
        #expect(article.paragraphs.count == 1)
        #expect(article.paragraphs.first?.hasPrefix("The consulate in the port city") == true)
        #expect(article.published?.iso == "2020-03-10T09:00")
    }

    @Test func aLongEnoughArticleIsLeftAlone() throws {
        let paragraph = "The embassy closed its consular section for two days, officials said, citing repairs. "
        let html = """
            <head><meta name="description" content="Summary that must not replace the text."></head>
            <article><p>\(String(repeating: paragraph, count: 4))</p></article>
            """
        let article = try extractor.extract(html: html.bytes, url: "https://news.example/long")
        #expect(article.paragraphs.count == 1)
        #expect(!article.text.contains("Summary"))
    }
}
