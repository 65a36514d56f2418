import Core
import Extraction
import Testing

@Suite struct MetadataTests {
    let extractor = ArticleExtractor()
    let body = "<p>The embassy said on Tuesday that its consular section would close for two days next week.</p>"

    private func article(
        head: String,
        body extra: String = "",
        url: String = "https://news.example/a/b"
    )
        throws -> Article
    {
        try extractor.extract(html: "<html><head>\(head)</head><body>\(extra)\(body)</body></html>".bytes, url: url)
    }

    @Test func socialTitleWinsAndLosesTheSiteName() throws {
        let head = """
            <title>Old headline - News Example</title>
            <meta property="og:title" content="Consular section to close | News Example">
            <meta property="og:site_name" content="News Example">
            """
        #expect(try article(head: head).title == "Consular section to close")
    }

    @Test func socialTitleWithoutSiteNameIsKeptWhole() throws {
        let head = "<meta property=\"og:title\" content=\"Closure - what it means for visa holders\">"
        #expect(try article(head: head).title == "Closure - what it means for visa holders")
    }

    @Test func socialTitleThatIsOnlyTheSiteNameIsSkipped() throws {
        let head = """
            <meta property="og:title" content="News Example">
            <meta property="og:site_name" content="News Example">
            """
        #expect(try article(head: head, body: "<h1>Visa office moves</h1>").title == "Visa office moves")
    }

    @Test func jsonLDHeadlineComesNext() throws {
        let head = """
            <title>Site | Section</title>
            <script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Site"},
            {"@type": "NewsArticle", "headline": "Embassy trims its staff"}]}</script>
            """
        #expect(try article(head: head).title == "Embassy trims its staff")
    }

    @Test func singleH1ThenTitleCutAtTheSeparator() throws {
        let one = try article(head: "<title>x | y</title>", body: "<h1>The one heading</h1>")
        #expect(one.title == "The one heading")
        let two = try article(
            head: "<title>Annex handed back to the city - The Example Times</title>",
            body: "<h1>Site logo</h1><h1>Another</h1>"
        )
        #expect(two.title == "Annex handed back to the city")
    }

    @Test func canonicalLinkIsResolvedAgainstThePage() throws {
        #expect(
            try article(head: "<link rel=\"canonical\" href=\"/story/1\">").canonicalURL
                == "https://news.example/story/1"
        )
        #expect(
            try article(head: "<link rel=\"canonical\" href=\"//cdn.example/s\">").canonicalURL
                == "https://cdn.example/s"
        )
        #expect(try article(head: "<link rel=\"canonical\" href=\"c2\">").canonicalURL == "https://news.example/a/c2")
        #expect(
            try article(head: "<meta property=\"og:url\" content=\"https://news.example/og\">").canonicalURL
                == "https://news.example/og"
        )
        #expect(try article(head: "").canonicalURL == nil)
    }

    @Test func languageComesFromTheHTMLElement() throws {
        let html = "<html lang=\"pt-BR\"><body>\(body)</body></html>"
        #expect(try extractor.extract(html: html.bytes, url: "u").language == "pt-BR")
        #expect(try article(head: "").language == nil)
    }
}
