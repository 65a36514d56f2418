import Foundation
import Testing

@testable import Fetching

/// The small parsers behind politeness and feed deduplication: host names, Retry-After, HTTP dates, canonical URLs.
@Suite struct URLAndHeaderRulesTests {
    @Test(arguments: [
        ("https://Example.COM/a", "example.com"),
        ("http://user:secret@news.example:8080/x?y#z", "news.example"),
        ("http://127.0.0.1:4242/article/1.html", "127.0.0.1"),
        ("http://[::1]:8080/", "::1"),
        ("https://example.com.", "example.com"),
        ("https://example.com?q=1", "example.com"),
    ])
    func hostNamesIgnoreCasePortAndCredentials(url: String, host: String) {
        #expect(HostName.of(url) == host)
    }

    @Test func textWithoutAnAuthorityHasNoHost() {
        #expect(HostName.of("/var/lib/factwatch/page.html") == nil)
        #expect(HostName.of("file:///tmp/x") == nil)
        #expect(HostName.of("http:///path") == nil)
    }

    @Test func retryAfterReadsSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == .zero)
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:30:00 GMT", now: now) == .seconds(120))
        #expect(RetryAfter.parse("Wednesday, 21-Oct-15 07:29:00 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.parse("Wed Oct 21 07:28:30 2015", now: now) == .seconds(30))
        #expect(RetryAfter.parse("Tue, 20 Oct 2015 07:28:00 GMT", now: now) == .zero)
        #expect(RetryAfter.parse("99999999999999999999999", now: now) == .seconds(Int.max))
        for junk in ["", "-5", "1.5", "soon", "Wed, 32 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 2015 25:00:00 GMT"] {
            #expect(RetryAfter.parse(junk, now: now) == nil, "\(junk)")
        }
    }

    @Test func httpDatesRoundTrip() {
        for seconds in [0, 784_111_777, 1_504_206_600, 4_102_444_799] {
            let text = HTTPDate.format(secondsSinceEpoch: seconds)
            #expect(HTTPDate.parse(text) == Date(timeIntervalSince1970: TimeInterval(seconds)), "\(text)")
        }
    }

    @Test func canonicalKeysFoldOnlyWhatCannotNameAnotherPage() {
        let key = CanonicalURL.key
        #expect(
            key("HTTPS://News.Example:443/World/Story?utm_source=rss&utm_medium=feed#top")
                == key("https://news.example/World/Story")
        )
        #expect(key("http://news.example:80") == "http://news.example/")
        #expect(key("https://news.example/a?id=7&fbclid=xyz&page=2") == "https://news.example/a?id=7&page=2")
        // Different paths, cases in the path, queries and schemes stay different.
        #expect(key("https://news.example/World/Story") != key("https://news.example/world/story"))
        #expect(key("https://news.example/a?id=7") != key("https://news.example/a?id=8"))
        #expect(key("http://news.example/a") != key("https://news.example/a"))
        #expect(key("https://news.example:8443/a") != key("https://news.example/a"))
        #expect(key("/local/file.html") == "/local/file.html")
    }
}
