import Testing

@testable import Fetching

@Suite struct HeaderParsingTests {
    @Test func statusLineStartsAFreshSetOfHeaders() {
        var headers = ResponseHeaders()
        for line in [
            "HTTP/1.1 302 Found\r\n", "ETag: \"hop\"\r\n", "Location: /next\r\n", "\r\n",
            "HTTP/1.1 200 OK\r\n", "content-type: text/html\r\n", "\r\n",
        ] {
            headers.consume(line: line)
        }
        #expect(headers["ETag"] == nil)
        #expect(headers["Location"] == nil)
        #expect(headers["Content-Type"] == "text/html")
        #expect(headers.reasonPhrase == "OK")
    }

    @Test func valuesAreTrimmedAndNamesCaseInsensitive() {
        var headers = ResponseHeaders()
        headers.consume(line: "HTTP/2 304\r\n")
        headers.consume(line: "ETAG:   W/\"a:b\"  \r\n")
        headers.consume(line: "no colon here\r\n")
        #expect(headers["etag"] == "W/\"a:b\"")
        #expect(headers.reasonPhrase == nil)
        #expect(headers.fields.count == 1)
    }

    @Test func charsetIsReadFromContentType() {
        #expect(ContentType.charset(of: "text/html; charset=ISO-8859-1") == "ISO-8859-1")
        #expect(ContentType.charset(of: "text/html;CHARSET=\"utf-8\"; foo=bar") == "utf-8")
        #expect(ContentType.charset(of: "application/xml; version=1; charset = windows-1252 ") == "windows-1252")
        #expect(ContentType.charset(of: "text/html") == nil)
        #expect(ContentType.charset(of: "text/html; charset=") == nil)
        #expect(ContentType.mediaType(of: "Text/HTML; charset=utf-8") == "text/html")
    }

    @Test func schemesAreFoundWithoutParsingTheURL() {
        #expect(URLScheme.of("HTTPS://example.com") == "https")
        #expect(URLScheme.of("file:///tmp/a") == "file")
        #expect(URLScheme.of("/var/lib/a:b") == nil)
        #expect(URLScheme.of("relative/path.txt") == nil)
        #expect(URLScheme.of("svn+ssh://host/") == "svn+ssh")
    }
}
