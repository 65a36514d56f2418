import Fetching
import Foundation
import Glibc
import TestSupport
import Testing

/// The test server itself: other modules' tests (webhooks) rely on its request recording and framing.
@Suite struct LoopbackHTTPServerTests {
    /// Sends raw bytes to the server and reads the whole answer (the server closes after each response).
    private func exchange(port: Int, _ request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        let bytes = Array(request.utf8)
        try #require(bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count)
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer.append(contentsOf: chunk[..<count])
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test func recordsAPostBodyAndAnswersFromTheRoute() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route("/hook", method: "POST") { request in
                .text("got \(request.body.count) bytes", status: 202)
            }
            let answer = try exchange(
                port: server.port,
                "POST /hook?attempt=2 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 11\r\n\r\n{\"id\": 42}\n"
            )
            #expect(answer.hasPrefix("HTTP/1.1 202 "))
            #expect(answer.hasSuffix("got 11 bytes"))
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.path == "/hook")
            #expect(request.query == "attempt=2")
            #expect(request.header("content-type") == "application/json")
            #expect(request.bodyText == "{\"id\": 42}\n")
        }
    }

    @Test func decodesAChunkedRequestBodyAndHonoursExpectContinue() async throws {
        try await LoopbackHTTPServer.with { server in
            server.route("/upload", method: "PUT", response: .text("stored"))
            let answer = try exchange(
                port: server.port,
                "PUT /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n"
            )
            #expect(answer.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"))
            #expect(server.requests.first?.bodyText == "hello, world")
        }
    }

    @Test func unknownRoutesAre404AndStillRecorded() async throws {
        try await LoopbackHTTPServer.with { server in
            let answer = try exchange(port: server.port, "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
            #expect(server.requests.map(\.path) == ["/nowhere"])
        }
    }

    @Test func stopInterruptsADelayedResponse() async throws {
        let server = try LoopbackHTTPServer.start()
        server.route("/slow", response: LoopbackResponse(body: Array("late".utf8), delay: .seconds(60)))
        try await Fetcher.withFetcher(logger: testLogger()) { fetcher in
            try await withThrowingTaskGroup(of: FetchError?.self) { group in
                group.addTask {
                    await fetchError { () async throws(FetchError) in
                        try await fetcher.fetch(FetchRequest(url: server.url("/slow")))
                    }
                }
                #expect(await server.waitForRequest(to: "/slow"))
                let clock = ContinuousClock()
                let start = clock.now
                await server.stop()
                let error = try await group.next() ?? nil
                // The connection closes without an answer; nothing near the 60 s delay may pass.
                #expect(error != nil)
                #expect(clock.now - start < .seconds(10))
            }
        }
    }
}
