import Testing

@testable import Fetching

@Suite struct FileLocationTests {
    @Test func parsesFileURLsAndPaths() throws {
        #expect(try FileLocation("file:///var/lib/a%20b.txt").path == "/var/lib/a b.txt")
        #expect(try FileLocation("FILE://localhost/etc/x.html").path == "/etc/x.html")
        #expect(try FileLocation("file:/tmp/y?query#frag").path == "/tmp/y")
        #expect(try FileLocation("/abs/path").path == "/abs/path")
        #expect(try FileLocation("rel/z.txt", currentDirectory: "/work").path == "/work/rel/z.txt")
        #expect(throws: FetchError.self) { try FileLocation("file://host/share") }
        #expect(throws: FetchError.self) { try FileLocation("") }
    }

    @Test func urlRoundTripsThroughPercentEncoding() throws {
        let location = try FileLocation("/data/news #1/é.html")
        #expect(location.url == "file:///data/news%20%231/%C3%A9.html")
        #expect(try FileLocation(location.url).path == location.path)
    }

    @Test func contentTypeIsGuessedUnderGzip() throws {
        #expect(try FileLocation("/a/feed.atom.gz").guessedContentType == "application/atom+xml")
        #expect(try FileLocation("/a/page.HTM").guessedContentType == "text/html")
        #expect(try FileLocation("/a.b/noextension").guessedContentType == nil)
        #expect(try FileLocation("/a/x.gz").isGzip)
    }

    @Test func httpDatesAreIMFFixdates() {
        #expect(HTTPDate.format(secondsSinceEpoch: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(secondsSinceEpoch: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(secondsSinceEpoch: 1_504_195_500) == "Thu, 31 Aug 2017 16:05:00 GMT")
    }
}
