import CCurl
public import Logging
import Synchronization

import class Foundation.Thread

/// An HTTP(S) client over one libcurl multi handle, driven by one dedicated thread.
///
/// Transfers from any number of tasks share the multi handle, so connections are reused, and they start only as
/// ``FetchPoliteness`` allows: a caller may submit ten thousand requests at once and they wait their turn, without
/// their timeouts running, in the loop's queue. Only two things cross threads: a submission or cancellation appended
/// to the locked ``Inbox``, and `curl_multi_wakeup`, which libcurl documents as callable from any thread. Every easy
/// handle, buffer and the multi handle itself are used on the loop thread only (see ``CurlMultiLoop``).
///
/// The loop thread lives exactly as long as ``withClient(limits:logger:isolation:_:)``'s body: there is no
/// `deinit`-time cleanup that could race with curl calling back.
public final class HTTPClient: Sendable {
    struct Submission: Sendable {
        let id: UInt64
        let request: FetchRequest
        let continuation: CurlTransfer.Continuation
    }

    /// The only state shared between callers and the loop thread.
    struct Inbox: Sendable {
        var nextID: UInt64 = 0
        var submitted: [Submission] = []
        var cancelled: [UInt64] = []
        var shutdownRequested = false
        /// Set by the loop, under the lock, before it cleans up the multi handle: from then on nobody may call
        /// `curl_multi_wakeup` on it.
        var closed = false
    }

    /// The raw multi handle, shareable only because the single off-thread use, `curl_multi_wakeup`, is thread-safe
    /// and happens under the inbox lock while `closed` is false.
    struct MultiHandle: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
    }

    let inbox = Mutex(Inbox())
    let multi: MultiHandle
    let limits: FetchLimits
    let politeness: FetchPoliteness
    let logger: Logger

    private init(multi: MultiHandle, limits: FetchLimits, politeness: FetchPoliteness, logger: Logger) {
        self.multi = multi
        self.limits = limits
        self.politeness = politeness
        self.logger = logger
    }

    /// Runs `body` with a client whose loop thread starts before and stops after it.
    ///
    /// When `body` returns or throws, fetches still in flight (from escaped tasks) fail with `cancelled`, the
    /// multi handle is cleaned up on its own thread, and only then does this function return.
    public static func withClient<Result>(
        limits: FetchLimits = FetchLimits(),
        politeness: FetchPoliteness = FetchPoliteness(),
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (HTTPClient) async throws -> Result
    ) async throws -> Result {
        guard let raw = curl_multi_init() else {
            throw FetchError(code: .other, url: "", message: "curl_multi_init failed (out of memory?)")
        }
        var politeness = politeness
        politeness.maxTransfers = max(1, politeness.maxTransfers)
        // The loop's admission queue enforces the per-host limits; curl's own cap is only a backstop on open
        // connections (redirects to other hosts included), so connections beyond it queue inside curl.
        let code = ccurl_multi_setopt_long(raw, CURLMOPT_MAX_TOTAL_CONNECTIONS, politeness.maxTransfers)
        guard code == CURLM_OK else {
            curl_multi_cleanup(raw)
            throw FetchError(
                code: .other,
                url: "",
                message:
                    "curl_multi_setopt(MAX_TOTAL_CONNECTIONS) failed: \(String(cString: curl_multi_strerror(code)))"
            )
        }
        let client = HTTPClient(multi: MultiHandle(raw: raw), limits: limits, politeness: politeness, logger: logger)
        let exit = ExitSignal()
        let thread = Thread {
            CurlMultiLoop(client: client).run()
            exit.signal()
        }
        thread.name = "curl-multi"
        thread.start()

        let outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(try await body(client))
        } catch {
            outcome = .failure(error)
        }
        client.requestShutdown()
        await exit.wait()
        return try outcome.get()
    }

    /// Fetches one URL over http or https.
    ///
    /// - Throws: ``FetchError``; `cancelled` when the calling task is cancelled (the transfer stops at once).
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        let id = inbox.withLock { inbox in
            inbox.nextID += 1
            return inbox.nextID
        }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                submit(Submission(id: id, request: request, continuation: continuation))
            }
        } onCancel: {
            inbox.withLock { inbox in
                guard !inbox.closed else { return }
                inbox.cancelled.append(id)
                curl_multi_wakeup(multi.raw)
            }
        }
        return try result.get()
    }

    private func submit(_ submission: Submission) {
        let refusal: FetchError? = inbox.withLock { inbox in
            if inbox.closed || inbox.shutdownRequested {
                return FetchError(
                    code: .cancelled,
                    url: submission.request.url,
                    message: "the HTTP client has shut down"
                )
            }
            // The cancellation flag is set before onCancel runs, so a cancellation the loop could not match to a
            // transfer (it had not been submitted yet) is caught here.
            if Task.isCancelled {
                return FetchError(code: .cancelled, url: submission.request.url, message: "the fetch was cancelled")
            }
            inbox.submitted.append(submission)
            curl_multi_wakeup(multi.raw)
            return nil
        }
        if let refusal {
            submission.continuation.resume(returning: .failure(refusal))
        }
    }

    private func requestShutdown() {
        inbox.withLock { inbox in
            guard !inbox.closed else { return }
            inbox.shutdownRequested = true
            curl_multi_wakeup(multi.raw)
        }
    }
}

/// Lets an async caller wait, without blocking a thread, until the loop thread has finished.
private final class ExitSignal: Sendable {
    private enum State {
        case running
        case waiting(CheckedContinuation<Void, Never>)
        case exited
    }

    private let state = Mutex(State.running)

    func signal() {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            defer { state = .exited }
            if case .waiting(let continuation) = state { return continuation }
            return nil
        }
        waiter?.resume()
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let exited = state.withLock { state in
                if case .exited = state { return true }
                state = .waiting(continuation)
                return false
            }
            if exited { continuation.resume() }
        }
    }
}
