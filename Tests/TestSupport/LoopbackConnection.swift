import Glibc

/// One accepted connection of ``LoopbackHTTPServer``: read a request, record it, answer it; then either close, or,
/// when the server keeps connections alive, wait for the next request on the same connection.
struct LoopbackConnection {
    let fd: Int32
    let server: LoopbackHTTPServer

    /// Largest request head accepted; a test client never needs more.
    private static let maxHeadBytes = 64 * 1024
    /// How long a client may take to send its request.
    private static let readTimeout = Duration.seconds(10)

    func serve() {
        var buffer: [UInt8] = []
        while true {
            guard let (request, reusable) = readRequest(from: &buffer) else { return }
            let handler = server.record(request)
            // Counted until the answer starts: a client may see the end of a response (and send its next request)
            // before this thread gets past its last write, and that must not look like an overlap.
            server.requestStarted()
            let response =
                handler?(request) ?? .text("no route for \(request.method) \(request.path)\n", status: 404)
            if let delay = response.delay {
                guard sleep(delay) else {
                    server.requestEnded()
                    return
                }
            }
            server.requestEnded()
            var keepAlive = server.keepAlive && reusable && request.header("Connection")?.lowercased() != "close"
            if case .untilClose = response.framing { keepAlive = false }
            guard send(response, keepAlive: keepAlive), keepAlive else { return }
        }
    }

    // MARK: - Reading

    /// Reads the next request, taking its bytes off the front of `buffer`; `reusable` is false when the request's
    /// framing leaves the connection in a state this small server does not track (a chunked body).
    private func readRequest(from buffer: inout [UInt8]) -> (RecordedRequest, reusable: Bool)? {
        var bytes = buffer
        buffer = []
        var head = try? HTTPRequestParser.head(in: bytes)
        while head == nil {
            guard bytes.count <= Self.maxHeadBytes, receive(into: &bytes) else { return nil }
            guard let parsed = try? HTTPRequestParser.head(in: bytes) else { return nil }
            head = parsed
        }
        guard let head else { return nil }
        if head.header("Expect")?.lowercased() == "100-continue" {
            guard write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        var body: [UInt8] = []
        var consumed = head.length
        var reusable = true
        if head.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            while true {
                guard let decoded = try? HTTPRequestParser.chunkedBody(in: bytes, from: head.length) else {
                    guard receive(into: &bytes) else { return nil }
                    continue
                }
                body = decoded
                break
            }
            consumed = bytes.count
            reusable = false
        } else if let length = head.header("Content-Length").flatMap({ Int($0) }), length > 0 {
            while bytes.count < head.length + length {
                guard receive(into: &bytes) else { return nil }
            }
            body = Array(bytes[head.length..<head.length + length])
            consumed = head.length + length
        }
        buffer = Array(bytes[consumed...])
        let request = RecordedRequest(method: head.method, target: head.target, headers: head.headers, body: body)
        return (request, reusable)
    }

    /// Appends whatever the client sent next; false on end of stream, error, timeout or server stop.
    private func receive(into bytes: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            guard ready(for: POLLIN) else { return false }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                bytes.append(contentsOf: chunk[..<count])
                return true
            }
            if count == 0 { return false }
            if errno == EAGAIN || errno == EINTR { continue }
            return false
        }
    }

    /// Waits for `duration`; false when the server stopped meanwhile.
    private func sleep(_ duration: Duration) -> Bool {
        LoopbackSocket.wait(for: nil, events: 0, wake: server.wakeRead, timeout: duration) == .timedOut
    }

    /// Waits until the socket is ready for `events`; false on timeout, error or server stop.
    private func ready(for events: Int32) -> Bool {
        LoopbackSocket.wait(for: fd, events: events, wake: server.wakeRead, timeout: Self.readTimeout) == .ready
    }

    // MARK: - Writing

    /// Writes the response; false when the client went away or the server is stopping.
    private func send(_ response: LoopbackResponse, keepAlive: Bool) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(response.reasonPhrase)\r\n"
        for (name, value) in response.headers {
            head += "\(name): \(value)\r\n"
        }
        switch response.framing {
        case .contentLength:
            head += "Content-Length: \(response.body.count)\r\n"
        case .chunked:
            head += "Transfer-Encoding: chunked\r\n"
        case .untilClose:
            break
        }
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        guard write(Array(head.utf8)) else { return false }

        switch response.framing {
        case .contentLength, .untilClose:
            return write(response.body)
        case .chunked(let chunkSize, let pause):
            var offset = 0
            while offset < response.body.count {
                let end = min(response.body.count, offset + max(1, chunkSize))
                let piece =
                    Array(String(end - offset, radix: 16).utf8) + [13, 10] + response.body[offset..<end] + [13, 10]
                guard write(piece) else { return false }
                offset = end
                if let pause, offset < response.body.count {
                    guard sleep(pause) else { return false }
                }
            }
            return write(Array("0\r\n\r\n".utf8))
        }
    }

    /// Sends all of `bytes`; false when the client went away or the server is stopping. MSG_NOSIGNAL keeps a closed
    /// peer from raising SIGPIPE in the test process.
    private func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            guard ready(for: POLLOUT) else { return false }
            let count = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                offset += count
            } else if count < 0, errno == EAGAIN || errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
