import Fetching
import Foundation
import TestSupport
import Testing

@Suite struct HTTPFetchTests {
    @Test func okResponseCarriesBodyHeadersAndCharsetWithoutTranscoding() async throws {
        // 0xE9 is "é" in ISO-8859-1; it must arrive as that single byte, untouched.
        let body: [UInt8] = Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        let before = Date()
        let response = try await withServerAndFetcher { server, fetcher in
            server.route(
                "/page",
                response: LoopbackResponse(
                    headers: [
                        ("Content-Type", "text/html; charset=ISO-8859-1"),
                        ("ETag", "\"v1\""),
                        ("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT"),
                    ],
                    body: body
                )
            )
            return try await fetcher.fetch(FetchRequest(url: server.url("/page")))
        }
        #expect(response.status == 200)
        #expect(response.body == body)
        #expect(response.contentType == "text/html; charset=ISO-8859-1")
        #expect(response.charset == "ISO-8859-1")
        #expect(response.etag == "\"v1\"")
        #expect(response.lastModified == "Wed, 21 Oct 2015 07:28:00 GMT")
        #expect(response.finalURL == response.requestedURL)
        #expect(!response.notModified)
        #expect(response.fetchedAt >= before && response.fetchedAt <= Date())
    }

    @Test func weakETagIsSentVerbatimAndA304IsANormalResponse() async throws {
        try await withServerAndFetcher { server, fetcher in
            let tag = "W/\"abc-123\""
            server.route("/feed") { request in
                if request.header("If-None-Match") == tag {
                    return LoopbackResponse(status: 304, headers: [("ETag", tag)])
                }
                return .text("<rss/>", headers: [("ETag", tag)])
            }
            let first = try await fetcher.fetch(FetchRequest(url: server.url("/feed")))
            #expect(first.status == 200)
            #expect(first.etag == tag)

            let second = try await fetcher.fetch(FetchRequest(url: server.url("/feed"), etag: first.etag))
            #expect(second.notModified)
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
            #expect(second.etag == tag)

            let received = server.requests(for: "/feed")
            #expect(received.count == 2)
            #expect(received.first?.header("If-None-Match") == nil)
            #expect(received.last?.header("If-None-Match") == tag)
        }
    }

    @Test func lastModifiedIsSentVerbatimAndKeptOnA304WithoutOne() async throws {
        try await withServerAndFetcher { server, fetcher in
            let stamp = "Thu, 31 Aug 2017 16:05:00 GMT"
            server.route("/page") { request in
                if request.header("If-Modified-Since") == stamp {
                    return LoopbackResponse(status: 304)
                }
                return .text("body", headers: [("Last-Modified", stamp)])
            }
            let first = try await fetcher.fetch(FetchRequest(url: server.url("/page")))
            #expect(first.lastModified == stamp)
            let second = try await fetcher.fetch(
                FetchRequest(url: server.url("/page"), lastModified: first.lastModified)
            )
            #expect(second.notModified)
            #expect(second.lastModified == stamp)
            #expect(server.requests(for: "/page").last?.header("If-Modified-Since") == stamp)
        }
    }

    @Test func redirectChainIsFollowedAndOnlyFinalHeadersCount() async throws {
        try await withServerAndFetcher { server, fetcher in
            server.route(
                "/start",
                response: .redirect(
                    to: "/middle",
                    headers: [("ETag", "\"wrong\""), ("Content-Type", "text/plain; charset=koi8-r")]
                )
            )
            server.route(
                "/middle",
                response: .redirect(
                    to: server.url("/final"),
                    status: 301,
                    headers: [("Last-Modified", "Mon, 01 Jan 2001 00:00:00 GMT")]
                )
            )
            server.route("/final", response: .text("done", contentType: "text/html", headers: [("ETag", "\"right\"")]))

            let response = try await fetcher.fetch(FetchRequest(url: server.url("/start")))
            #expect(response.requestedURL == server.url("/start"))
            #expect(response.finalURL == server.url("/final"))
            #expect(response.body == Array("done".utf8))
            #expect(response.etag == "\"right\"")
            #expect(response.lastModified == nil)
            #expect(response.contentType == "text/html")
            #expect(response.charset == nil)
            #expect(server.requests.map(\.path) == ["/start", "/middle", "/final"])
        }
    }

    @Test func redirectLoopStopsAtTheLimit() async throws {
        try await withServerAndFetcher(limits: FetchLimits(maxRedirects: 3)) { server, fetcher in
            server.route("/loop", response: .redirect(to: "/loop"))
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/loop")))
            }
            #expect(error?.code == .tooManyRedirects)
            // The first request plus three followed redirects.
            #expect(server.requests(for: "/loop").count == 4)
        }
    }

    @Test func redirectToAFileURLIsRefused() async throws {
        try await withServerAndFetcher { server, fetcher in
            server.route("/sneaky", response: .redirect(to: "file:///etc/passwd"))
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/sneaky")))
            }
            #expect(error?.code == .unsupportedScheme)
            #expect(error?.url == server.url("/sneaky"))
        }
    }

    @Test(arguments: [404, 410, 500, 503])
    func errorStatusesBecomeFetchErrors(status: Int) async throws {
        try await withServerAndFetcher { server, fetcher in
            server.route("/broken", response: .text("nope", status: status))
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: server.url("/broken")))
            }
            #expect(error?.code == .httpStatus)
            #expect(error?.httpStatus == status)
            #expect(error?.url == server.url("/broken"))
            #expect(error?.description.contains("\(status)") == true)
            #expect(error?.description.contains(server.url("/broken")) == true)
            #expect(error?.isTransient == (status >= 500))
        }
    }

    @Test func userAgentIsSent() async throws {
        let agent = "factwatch-test/9.9 (+https://example.invalid/bot)"
        try await withServerAndFetcher(limits: FetchLimits(userAgent: agent)) { server, fetcher in
            server.route("/ua", response: .text("ok"))
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/ua")))
            #expect(server.requests(for: "/ua").first?.header("User-Agent") == agent)
        }
    }

    @Test func defaultUserAgentNamesTheDaemon() async throws {
        try await withServerAndFetcher { server, fetcher in
            server.route("/ua", response: .text("ok"))
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/ua")))
            #expect(server.requests(for: "/ua").first?.header("User-Agent") == FetchLimits().userAgent)
            #expect(FetchLimits().userAgent.hasPrefix("factwatch/"))
        }
    }

    @Test func gzipEncodedResponseArrivesDecoded() async throws {
        let text = String(repeating: "The consulate was ordered closed. ", count: 200)
        let compressed = try Gzip.compress(Array(text.utf8))
        #expect(compressed.count < text.utf8.count)
        try await withServerAndFetcher { server, fetcher in
            server.route(
                "/gz",
                response: LoopbackResponse(
                    headers: [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")],
                    body: compressed
                )
            )
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/gz")))
            #expect(response.body == Array(text.utf8))
            let offered = server.requests(for: "/gz").first?.header("Accept-Encoding") ?? ""
            #expect(offered.contains("gzip"))
        }
    }

    @Test func unsupportedSchemesAreRefusedWithoutANetworkCall() async throws {
        try await withServerAndFetcher { _, fetcher in
            for url in ["ftp://example.com/file", "gopher://example.com/", "mailto:someone@example.com"] {
                let error = await fetchError { () async throws(FetchError) in
                    try await fetcher.fetch(FetchRequest(url: url))
                }
                #expect(error?.code == .unsupportedScheme, "\(url)")
            }
        }
    }

    @Test func malformedURLIsABadURL() async throws {
        try await withServerAndFetcher { _, fetcher in
            let error = await fetchError { () async throws(FetchError) in
                try await fetcher.fetch(FetchRequest(url: "http://exa mple.com:99999999/"))
            }
            #expect(error?.code == .badURL)
        }
    }
}
