import Core
import Fetching
import Testing

@Suite struct FeedParserTests {
    private let feedURL = "https://news.example.org/world/feed.xml"

    @Test func rss2ItemsWithRelativeLinksAndLocalDates() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>World desk</title>
                <link>https://news.example.org/</link>
                <item>
                  <title>Consulate
                    ordered   closed</title>
                  <link>/2017/08/31/consulate.html</link>
                  <pubDate>Thu, 31 Aug 2017 16:05:00 -0400</pubDate>
                  <description><![CDATA[<p>The consulate must close by <b>September 2</b>.</p>]]></description>
                </item>
                <item>
                  <title>Embassy &amp; annex</title>
                  <guid>https://news.example.org/2017/09/01/annex.html</guid>
                  <dc:date>2017-09-01T09:30:00+02:00</dc:date>
                </item>
                <item>
                  <title>Not a link</title>
                  <guid isPermaLink="false">tag:example,2017:123</guid>
                </item>
              </channel>
            </rss>
            """
        let feed = try FeedParser.parse(Array(xml.utf8), url: feedURL)
        #expect(feed.title == "World desk")
        #expect(feed.items.count == 2)
        let first = try #require(feed.items.first)
        #expect(first.title == "Consulate ordered closed")
        #expect(first.link == "https://news.example.org/2017/08/31/consulate.html")
        #expect(first.published == LocalDateTime(date: CivilDate(year: 2017, month: 8, day: 31)!, hour: 16, minute: 5))
        #expect(first.summary == "<p>The consulate must close by <b>September 2</b>.</p>")
        let second = try #require(feed.items.last)
        #expect(second.title == "Embassy & annex")
        #expect(second.link == "https://news.example.org/2017/09/01/annex.html")
        #expect(second.published == LocalDateTime(date: CivilDate(year: 2017, month: 9, day: 1)!, hour: 9, minute: 30))
        #expect(second.summary == nil)
    }

    @Test func atomEntriesUseAlternateLinksAndXmlBase() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.net/base/">
              <title type="text">Atom desk</title>
              <entry>
                <title>Annex seized</title>
                <link rel="self" href="https://atom.example.net/api/1"/>
                <link rel="alternate" type="text/html" href="stories/annex-seized"/>
                <updated>2024-03-05T18:00:00Z</updated>
                <published>2024-03-04T23:15:30.123-05:00</published>
                <summary>Authorities seized the annex.</summary>
              </entry>
              <entry xml:base="https://other.example.com/x/">
                <title>Residence reopened</title>
                <link href="../reopened"/>
                <updated>2024-03-06</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Reopened <em>today</em>.</div></content>
              </entry>
              <entry>
                <title>No link at all</title>
              </entry>
            </feed>
            """
        let feed = try FeedParser.parse(Array(xml.utf8), url: feedURL)
        #expect(feed.title == "Atom desk")
        #expect(feed.items.count == 2)
        let first = try #require(feed.items.first)
        #expect(first.link == "https://atom.example.net/base/stories/annex-seized")
        // Published wins over updated, and the local time is kept: 23:15 on March 4, not 04:15 UTC on March 5.
        #expect(first.published == LocalDateTime(date: CivilDate(year: 2024, month: 3, day: 4)!, hour: 23, minute: 15))
        #expect(first.summary == "Authorities seized the annex.")
        let second = try #require(feed.items.last)
        #expect(second.link == "https://other.example.com/reopened")
        #expect(second.published == LocalDateTime(date: CivilDate(year: 2024, month: 3, day: 6)!))
        #expect(second.summary == "Reopened today.")
    }

    @Test func rdfFeedReadsItemsBesideTheChannel() throws {
        let xml = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://rdf.example.com/">
                <title>RDF desk</title>
                <items><rdf:Seq><rdf:li resource="https://rdf.example.com/a"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://rdf.example.com/a">
                <title>Trade office suspended</title>
                <link>a?ref=rss</link>
                <description>Operations were suspended.</description>
                <dc:date>2019-12-31T23:59</dc:date>
              </item>
            </rdf:RDF>
            """
        let feed = try FeedParser.parse(Array(xml.utf8), url: "https://rdf.example.com/index.rdf")
        #expect(feed.title == "RDF desk")
        #expect(feed.items.count == 1)
        let item = try #require(feed.items.first)
        #expect(item.title == "Trade office suspended")
        #expect(item.link == "https://rdf.example.com/a?ref=rss")
        #expect(item.published == LocalDateTime(date: CivilDate(year: 2019, month: 12, day: 31)!, hour: 23, minute: 59))
        #expect(item.summary == "Operations were suspended.")
    }

    @Test func latin1FeedIsDecodedFromItsXmlDeclaration() throws {
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf".utf8) + [0xE9]
            + Array("</title><item><link>https://x.example/1</link></item></channel></rss>".utf8)
        let feed = try FeedParser.parse(bytes, url: feedURL)
        #expect(feed.title == "Café")
    }

    @Test func recoverableSlipsStillYieldItems() throws {
        // A bare ampersand is not well-formed XML, but feeds ship it; the item must survive.
        let xml = "<rss><channel><item><title>Visa centers & consulates</title><link>/v</link></item></channel></rss>"
        let feed = try FeedParser.parse(Array(xml.utf8), url: feedURL)
        #expect(feed.items.map(\.link) == ["https://news.example.org/v"])
    }

    @Test(arguments: ["", "this is not xml at all", "{\"items\": []}", "\u{0}\u{1}\u{2}"])
    func nonXMLIsMalformed(text: String) {
        #expect(throws: FeedError.self) { try FeedParser.parse(Array(text.utf8), url: feedURL) }
        do {
            _ = try FeedParser.parse(Array(text.utf8), url: feedURL)
        } catch {
            #expect(error.code == .malformed)
            #expect(error.url == feedURL)
            #expect(error.description.contains(feedURL))
        }
    }

    @Test func anHTMLPageIsNotAFeed() {
        let html = "<html><head><title>Page</title></head><body><p>Article</p></body></html>"
        do {
            _ = try FeedParser.parse(Array(html.utf8), url: feedURL)
            Issue.record("an HTML page parsed as a feed")
        } catch {
            #expect(error.code == .notAFeed)
            #expect(error.message.contains("<html>"))
        }
    }

    @Test func entityReferencesAreNotExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY boom "BOOM">]>
            <rss><channel><item><title>a &boom; b</title><link>https://x.example/1</link></item></channel></rss>
            """
        let feed = try FeedParser.parse(Array(xml.utf8), url: feedURL)
        #expect(feed.items.first?.title == "a b")
    }
}
