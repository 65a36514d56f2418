import Core
import Testing

@testable import Extraction

/// A publication time written in UTC is read as the publisher's local day, from the page's own evidence first.
@Suite struct LocalDayTests {
    let extractor = ArticleExtractor()
    let paragraph = "<p>The consulate closed its doors to the public on Friday, a spokesman for the mission said.</p>"
    let utcEvening = "<meta property=\"article:published_time\" content=\"2020-05-02T02:54:29.000Z\">"

    private func published(
        head: String,
        body: String = "",
        url: String = "https://news.example/story"
    ) throws
        -> String?
    {
        let html = "<html><head>\(head)</head><body>\(body)<article>\(paragraph)</article></body></html>"
        return try extractor.extract(html: html.bytes, url: url).published?.iso
    }

    @Test(arguments: [
        ("2019-11-19T22:07:09Z", "2019-11-19T22:07", DateStamp.Zone.utc),
        ("2019-11-19T22:07:09.312+00:00", "2019-11-19T22:07", .utc),
        ("2019-11-19T22:07:09-05:00", "2019-11-19T22:07", .offset(minutes: -300)),
        ("2019-11-19T22:07+0530", "2019-11-19T22:07", .offset(minutes: 330)),
        ("Sun, 11 Oct 2020 07:34:36 GMT", "2020-10-11T07:34", .utc),
        ("Tue Aug 25 2020 00:23:33 GMT+0000 (Coordinated Universal Time)", "2020-08-25T00:23", .utc),
        ("Tue Aug 25 2020 03:23:33 GMT+0300", "2020-08-25T03:23", .offset(minutes: 180)),
        ("2020-12-05T23:15:0Z", "2020-12-05T23:15", .utc),
        ("Nov. 19, 2019 at 10:07 p.m. ET", "2019-11-19T22:07", .unstated),
        ("2019-11-19 22:07", "2019-11-19T22:07", .unstated),
        ("1574168580", "2019-11-19T13:03", .utc),
    ])
    func stampsKeepWhatTheySayAboutTheirZone(text: String, local: String, zone: DateStamp.Zone) throws {
        let stamp = try #require(DateTextParser.metadataStamp(text))
        #expect(stamp.local.iso == local)
        #expect(stamp.zone == zone)
    }

    @Test func anOffsetElsewhereOnThePageWins() throws {
        let head = utcEvening + "<meta property=\"article:modified_time\" content=\"2020-05-01T23:10:00-04:00\">"
        #expect(try published(head: head) == "2020-05-01T22:54")
    }

    @Test func aConsistentLocalDateOnThePageComesNext() throws {
        #expect(try published(head: utcEvening, body: "<time>May 1, 2020</time>") == "2020-05-01")
        #expect(try published(head: utcEvening, body: "<time>May 1, 2020 10:54 PM</time>") == "2020-05-01T22:54")
        #expect(try published(head: utcEvening, url: "https://news.example/2020/05/01/story") == "2020-05-01")
    }

    @Test func aLocalDateThatCannotBeTheSameMomentIsIgnored() throws {
        // 02:54 UTC on May 2 is April 30 nowhere, and 19:10 is no whole-quarter-hour offset of 02:54.
        #expect(try published(head: utcEvening, body: "<time>April 30, 2020</time>") == "2020-05-02T02:54")
        #expect(try published(head: utcEvening, body: "<time>May 1, 2020 19:10</time>") == "2020-05-02T02:54")
    }

    @Test func theCountryOrLanguageOfThePageIsTheLastResort() throws {
        #expect(
            try published(head: utcEvening + "<meta property=\"og:locale\" content=\"en_US\">") == "2020-05-01T22:54"
        )
        #expect(try published(head: utcEvening, url: "https://news.example.com.au/story") == "2020-05-02T12:54")
        #expect(try published(head: utcEvening + "<meta name=\"language\" content=\"ru\">") == "2020-05-02T05:54")
        #expect(try published(head: utcEvening, url: "https://news.example.io/story") == "2020-05-02T02:54")
    }

    @Test func aZoneLessCopyOfAUTCMomentIsUTCToo() throws {
        let head = """
            <meta name="dc.date.created" content="2020-05-02|02h54">
            <meta property="og:locale" content="fr_CA">
            <script type="application/ld+json">{"@type": "NewsArticle", "dateModified": "2020-05-02T02:54:29Z"}</script>
            """
        #expect(try published(head: head) == "2020-05-01T22:54")
    }

    @Test func datesWithAnOffsetOrNoZoneAreNeverShifted() throws {
        let local = "<meta property=\"article:published_time\" content=\"2020-05-02T02:54:29+03:00\">"
        #expect(try published(head: local + "<meta property=\"og:locale\" content=\"en_US\">") == "2020-05-02T02:54")
        let plain = "<meta property=\"article:published_time\" content=\"2020-05-02 02:54\">"
        #expect(try published(head: plain + "<meta property=\"og:locale\" content=\"en_US\">") == "2020-05-02T02:54")
    }

    @Test func aTimestampForTheReadersClockIgnoresTheTextShownForIt() throws {
        // 1594448702 is 06:25 UTC on 11 July 2020; the page was rendered for a reader in California.
        let tweet = """
            <small class="time"><a title="11:25 PM - 10 Jul 2020"><span data-time="1594448702">Jul 10</span></a></small>
            <div class="date-line">11:25 PM - 10 Jul 2020</div>
            """
        #expect(try published(head: "", body: tweet) == "2020-07-11T06:25")
        #expect(try published(head: "", body: tweet, url: "https://news.example.com.au/post") == "2020-07-11T16:25")
        let utime = "<abbr data-utime=\"1594448702\">Friday</abbr>"
        #expect(try published(head: "<meta name=\"language\" content=\"ru\">", body: utime) == "2020-07-11T09:25")
        #expect(DateTextParser.renderedStamp("1594448702")?.zone == .rendered)
        #expect(DateTextParser.renderedStamp("July 10") == nil)
    }

    @Test func daylightSavingFollowsEachRegionsRules() throws {
        let europe = PublisherZone(standardMinutes: 60, rule: .europe)
        #expect(europe.offset(atUTC: try #require(LocalDateTime(iso: "2020-03-29T00:59"))) == 60)
        #expect(europe.offset(atUTC: try #require(LocalDateTime(iso: "2020-03-29T01:00"))) == 120)
        #expect(europe.offset(atUTC: try #require(LocalDateTime(iso: "2020-10-25T01:00"))) == 60)
        let eastern = PublisherZone(standardMinutes: -300, rule: .northAmerica)
        #expect(eastern.offset(atUTC: try #require(LocalDateTime(iso: "2020-03-08T06:59"))) == -300)
        #expect(eastern.offset(atUTC: try #require(LocalDateTime(iso: "2020-03-08T07:00"))) == -240)
        #expect(eastern.offset(atUTC: try #require(LocalDateTime(iso: "2020-11-01T06:00"))) == -300)
        let sydney = PublisherZone(standardMinutes: 600, rule: .southeastAustralia)
        #expect(sydney.offset(atUTC: try #require(LocalDateTime(iso: "2020-01-21T12:00"))) == 660)
        #expect(sydney.offset(atUTC: try #require(LocalDateTime(iso: "2020-04-04T16:00"))) == 600)
        #expect(sydney.offset(atUTC: try #require(LocalDateTime(iso: "2020-10-03T16:00"))) == 660)
    }

    @Test func zonesAreGuessedFromDomainThenRegionThenLanguage() {
        #expect(PublisherZone.guess(host: "www.example.com.au", locales: ["en-US"])?.standardMinutes == 600)
        #expect(PublisherZone.guess(host: "example.co.uk", locales: [])?.standardMinutes == 0)
        #expect(PublisherZone.guess(host: "example.com", locales: ["fr-CA"])?.standardMinutes == -300)
        #expect(PublisherZone.guess(host: "example.com", locales: ["es_MX"])?.standardMinutes == -360)
        #expect(PublisherZone.guess(host: "example.io", locales: ["it"])?.standardMinutes == 60)
        #expect(PublisherZone.guess(host: "example.com", locales: ["en", "es", "pt"]) == nil)
    }
}
