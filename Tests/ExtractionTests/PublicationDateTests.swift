import Core
import Extraction
import Testing

@Suite struct PublicationDateTests {
    let extractor = ArticleExtractor()
    let paragraph = "<p>The consulate closed its doors to the public on Monday, a spokesman for the mission said.</p>"

    private func published(
        head: String = "",
        body: String = "",
        url: String = "https://news.example/story"
    )
        throws -> String?
    {
        let html = "<html><head>\(head)</head><body>\(body)<article>\(paragraph)</article></body></html>"
        return try extractor.extract(html: html.bytes, url: url).published?.iso
    }

    @Test func metaTagKeepsTheLocalTimeAsWritten() throws {
        let head = "<meta property=\"article:published_time\" content=\"2019-11-19T22:07:09-05:00\">"
        #expect(try published(head: head) == "2019-11-19T22:07")
    }

    @Test func publishedBeatsModifiedWhateverTheOrder() throws {
        let head = """
            <meta property="article:modified_time" content="2020-02-02T10:00:00Z">
            <meta name="pubdate" content="2020-01-31">
            """
        #expect(try published(head: head) == "2020-01-31")
        #expect(try published(head: "<meta property=\"article:modified_time\" content=\"2020-02-02\">") == "2020-02-02")
    }

    @Test func anUpdateTimeIsKeptOnlyWhenItIsLaterThanThePublication() throws {
        func article(_ head: String) throws -> Article {
            let html = "<html><head>\(head)</head><body><article>\(paragraph)</article></body></html>"
            return try extractor.extract(html: html.bytes, url: "https://news.example/story")
        }
        let updated = try article(
            """
            <meta property="article:published_time" content="2017-08-31T15:10:00-04:00">
            <meta property="article:modified_time" content="2017-09-02T18:30:00-04:00">
            """
        )
        #expect(updated.published?.iso == "2017-08-31T15:10")
        #expect(updated.modified?.iso == "2017-09-02T18:30")
        #expect(updated.asOf?.iso == "2017-09-02T18:30")
        let same = try article(
            """
            <meta property="article:published_time" content="2017-08-31T15:10:00-04:00">
            <script type="application/ld+json">{"@type": "NewsArticle", "dateModified": "2017-08-31T15:10:00-04:00"}</script>
            """
        )
        #expect(same.modified == nil)
        #expect(try article("<meta property=\"article:modified_time\" content=\"2020-02-02\">").modified == nil)
    }

    @Test func jsonLDDatePublishedInsideAGraph() throws {
        let head = """
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "WebPage", "dateModified": "2021-05-06T07:00:00+00:00"},
              {"@type": "NewsArticle", "datePublished": "2021-05-04T18:45:00+02:00"}]}</script>
            """
        #expect(try published(head: head) == "2021-05-04T18:45")
    }

    @Test func brokenJSONLDIsStillScanned() throws {
        let head = """
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00",
            "publisher": {"name": "X"}}}</script>
            """
        #expect(try published(head: head) == "2020-10-26T18:10")
    }

    @Test func timeElementsAndItemprop() throws {
        #expect(try published(body: "<time datetime=\"2018-07-02\">2 July</time>") == "2018-07-02")
        #expect(
            try published(
                body: "<time datetime=\"2018-06-01\">x</time><time pubdate datetime=\"2018-07-03T08:15\">y</time>"
            )
                == "2018-07-03T08:15"
        )
        #expect(
            try published(body: "<span itemprop=\"datePublished\" content=\"2017-01-09\">Jan 9</span>") == "2017-01-09"
        )
        #expect(try published(body: "<li itemprop=\"datePublished\"> July 2, 2018 </li>") == "2018-07-02")
    }

    @Test func dateInTheURLPath() throws {
        #expect(try published(url: "https://news.example/2019/11/18/consulate-closes/") == "2019-11-18")
        #expect(try published(url: "https://news.example/news/20200413/consulate") == "2020-04-13")
        let related = "<aside><time datetime=\"2018-01-01\">New Year</time></aside>"
        #expect(try published(body: related, url: "https://news.example/2019/11/18/closes/") == "2019-11-18")
        #expect(try published(body: related) == "2018-01-01")
    }

    @Test func dateLineElementsAndTheTextAreLastResorts() throws {
        #expect(
            try published(body: "<div class=\"post-date\">Posted on 19 November 2019 at 14:30</div>")
                == "2019-11-19T14:30"
        )
        #expect(try published(body: "<p>Unica.md, 20 septembrie 2020 16:20</p>") == "2020-09-20T16:20")
    }

    @Test func aWikiRevisionIsDatedByItsRevisionLineNotByTheArticlesCreation() throws {
        let head = """
            <script type="application/ld+json">{"@type": "Article", "datePublished": "2005-07-26T16:22:26-07:00",
            "dateModified": "2020-04-07T12:33:32-07:00"}</script>
            """
        let diff = """
            <table><tr><td id="mw-diff-otitle1">Revision as of 07:47, 28 March 2020</td>
            <td id="mw-diff-ntitle1"><strong>Latest revision as of 05:33, 7 April 2020</strong></td></tr></table>
            """
        let wiki = "https://wiki.example/index.php?title=Consulate&diff=591343&oldid=590001"
        #expect(try published(head: head, body: diff, url: wiki) == "2020-04-07")
        let old = "<div id=\"mw-revision-info\">Revision as of 09:12, 3 February 2019 by Editor</div>"
        #expect(try published(head: head, body: old, url: "https://wiki.example/w/index.php?oldid=42") == "2019-02-03")
        // The same page under its plain address is the article, dated by its metadata.
        #expect(try published(head: head, body: diff, url: "https://wiki.example/wiki/Consulate") == "2005-07-26T16:22")
    }

    @Test func noDateAnywhereIsNil() throws {
        #expect(try published() == nil)
    }
}
