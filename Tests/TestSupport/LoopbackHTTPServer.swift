import Foundation
import Glibc
import Synchronization

/// A small, real HTTP/1.1 server on 127.0.0.1 for tests: routes are closures, every request is recorded.
///
/// It listens on an ephemeral port with a backlog of 256, so fifty concurrent clients never hit SYN retransmit
/// timers. One thread accepts; each connection gets its own thread, reads one request, answers, and closes
/// (`Connection: close`), which keeps the framing simple; with `keepAlive` it instead waits for further requests on
/// the same connection, so tests can see a client reuse connections (``connectionsAccepted``). It also counts how
/// many requests it was answering at the same time (``maxConcurrentRequests``), so tests can check a client's
/// per-host limit without timing anything. Delays and paced bodies wait on a shared wake pipe, so ``stop()``
/// interrupts them at once and returns only after every server thread has ended.
public final class LoopbackHTTPServer: Sendable {
    /// The request handler of one route.
    public typealias Handler = @Sendable (RecordedRequest) -> LoopbackResponse

    /// A socket call that failed while setting up the server.
    public struct SocketError: Error, CustomStringConvertible {
        public var call: String
        public var code: Int32
        public var description: String { "loopback server: \(call) failed: \(String(cString: strerror(code)))" }
    }

    private struct RouteKey: Hashable {
        var method: String
        var path: String
    }

    private struct State {
        var routes: [RouteKey: Handler] = [:]
        var requests: [RecordedRequest] = []
        var connections = 0
        var inFlight = 0
        var maxInFlight = 0
        var threads = 0
        var stopping = false
        var stopped = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The TCP port the server listens on.
    public let port: Int
    /// Whether a connection stays open for further requests after a response.
    public let keepAlive: Bool
    private let listener: Int32
    /// Readable once the server stops; every blocking wait in the server also polls it.
    let wakeRead: Int32
    private let wakeWrite: Int32
    private let state = Mutex(State())

    private init(listener: Int32, port: Int, keepAlive: Bool, wakeRead: Int32, wakeWrite: Int32) {
        self.listener = listener
        self.port = port
        self.keepAlive = keepAlive
        self.wakeRead = wakeRead
        self.wakeWrite = wakeWrite
    }

    /// Runs `body` with a started server and stops it afterwards, whether `body` throws or not.
    public static func with<Result>(
        keepAlive: Bool = false,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (LoopbackHTTPServer) async throws -> Result
    ) async throws -> Result {
        let server = try start(keepAlive: keepAlive)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Binds 127.0.0.1 on an ephemeral port and starts accepting. Pair with ``stop()``.
    public static func start(keepAlive: Bool = false) throws -> LoopbackHTTPServer {
        let listener = try LoopbackSocket.listen(backlog: 256)
        let port: Int
        do {
            port = try LoopbackSocket.port(of: listener)
        } catch {
            close(listener)
            throw error
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let code = errno
            close(listener)
            throw SocketError(call: "pipe", code: code)
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        let server = LoopbackHTTPServer(
            listener: listener,
            port: port,
            keepAlive: keepAlive,
            wakeRead: pipeEnds[0],
            wakeWrite: pipeEnds[1]
        )
        server.spawn { server.acceptLoop() }
        return server
    }

    /// Stops accepting, interrupts delayed responses, and returns once every server thread has ended.
    public func stop() async {
        let first = state.withLock { state in
            defer { state.stopping = true }
            return !state.stopping
        }
        if first {
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if state.threads == 0 { return true }
                state.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        let closeNow = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if closeNow {
            close(listener)
            close(wakeRead)
            close(wakeWrite)
        }
    }

    /// Answers `method` requests for `path` (the target without its query) with `handler`; replaces any earlier
    /// handler. Requests without a route get a 404.
    public func route(_ path: String, method: String = "GET", _ handler: @escaping Handler) {
        state.withLock { $0.routes[RouteKey(method: method, path: path)] = handler }
    }

    /// Answers every `method` request for `path` with the same response.
    public func route(_ path: String, method: String = "GET", response: LoopbackResponse) {
        route(path, method: method) { _ in response }
    }

    /// `http://127.0.0.1:<port><path>`.
    public func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] {
        state.withLock { $0.requests }
    }

    /// Connections accepted so far.
    public var connectionsAccepted: Int {
        state.withLock { $0.connections }
    }

    /// The most requests that were being handled at the same time, each counted from its receipt until its answer
    /// starts (so a route's `delay` counts, the writing does not).
    public var maxConcurrentRequests: Int {
        state.withLock { $0.maxInFlight }
    }

    /// The requests received for `path`.
    public func requests(for path: String) -> [RecordedRequest] {
        requests.filter { $0.path == path }
    }

    /// Waits until a request for `path` has arrived, polling every 10 ms; false after `timeout`.
    public func waitForRequest(to path: String, timeout: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !requests(for: path).isEmpty { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return !requests(for: path).isEmpty
    }

    /// A port on 127.0.0.1 with nothing listening, for connection-refused tests: bound, read, and closed again.
    public static func unusedPort() throws -> Int {
        let socket = try LoopbackSocket.bound()
        defer { close(socket) }
        return try LoopbackSocket.port(of: socket)
    }

    // MARK: - Server threads

    private func acceptLoop() {
        while true {
            guard LoopbackSocket.wait(for: listener, events: POLLIN, wake: wakeRead, timeout: nil) == .ready else {
                return
            }
            // Glibc's Swift overlay lacks accept4, so the flags are set in two steps.
            let connection = accept(listener, nil, nil)
            if connection < 0 { continue }
            state.withLock { $0.connections += 1 }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            _ = fcntl(connection, F_SETFL, O_NONBLOCK)
            let started = spawn { [self] in
                LoopbackConnection(fd: connection, server: self).serve()
                close(connection)
            }
            if !started { close(connection) }
        }
    }

    /// Starts a counted server thread; false once the server is stopping.
    @discardableResult
    private func spawn(_ work: @escaping @Sendable () -> Void) -> Bool {
        let accepted = state.withLock { state in
            guard !state.stopping else { return false }
            state.threads += 1
            return true
        }
        guard accepted else { return false }
        let thread = Thread { [self] in
            work()
            let waiters = state.withLock { state in
                state.threads -= 1
                guard state.threads == 0 else { return [CheckedContinuation<Void, Never>]() }
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
        thread.name = "loopback-http"
        thread.start()
        return true
    }

    // MARK: - Used by connections

    func requestStarted() {
        state.withLock { state in
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
        }
    }

    func requestEnded() {
        state.withLock { $0.inFlight -= 1 }
    }

    func record(_ request: RecordedRequest) -> Handler? {
        state.withLock { state in
            state.requests.append(request)
            return state.routes[RouteKey(method: request.method, path: request.path)]
        }
    }
}
