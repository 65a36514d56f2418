import CCurl
import Glibc
import Logging
import Synchronization

/// The body of ``HTTPClient``'s dedicated thread: owns the multi handle and every transfer attached to it.
///
/// Each turn takes new submissions and cancellations from the inbox, lets curl make progress, hands finished
/// transfers back to their callers, and then sleeps in `curl_multi_poll` until a socket is ready, curl's own timer
/// fires, or a caller wakes it. Not Sendable: it never leaves the thread that runs ``run()``.
final class CurlMultiLoop {
    private let client: HTTPClient
    private var multi: UnsafeMutableRawPointer { client.multi.raw }
    private var active: [UInt64: CurlTransfer] = [:]

    init(client: HTTPClient) {
        self.client = client
    }

    func run() {
        while true {
            let (submitted, cancelled, shutdown) = client.inbox.withLock { inbox in
                defer {
                    inbox.submitted = []
                    inbox.cancelled = []
                }
                return (inbox.submitted, inbox.cancelled, inbox.shutdownRequested)
            }
            // Submissions first: a cancellation in the same batch must find its transfer.
            for submission in submitted {
                start(submission)
            }
            for id in cancelled {
                finish(id, with: .failure(cancellation(of: id, reason: "the fetch was cancelled")))
            }
            if shutdown { break }

            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            if performed != CURLM_OK {
                report(performed, in: "curl_multi_perform")
            }
            collectFinished()
            let polled = curl_multi_poll(multi, nil, 0, 1000, nil)
            if polled != CURLM_OK {
                report(polled, in: "curl_multi_poll")
                usleep(10_000)  // never spin if polling keeps failing
            }
        }
        close()
    }

    private func start(_ submission: HTTPClient.Submission) {
        let transfer: CurlTransfer
        do {
            transfer = try CurlTransfer(id: submission.id, request: submission.request, limits: client.limits)
        } catch {
            submission.continuation.resume(returning: .failure(error))
            return
        }
        transfer.continuation = submission.continuation
        let context = Unmanaged.passRetained(transfer)
        do {
            try transfer.setContext(context.toOpaque())
        } catch {
            context.release()
            transfer.complete(with: .failure(error))
            return
        }
        let added = curl_multi_add_handle(multi, transfer.easy)
        guard added == CURLM_OK else {
            context.release()
            let message = "curl_multi_add_handle failed: \(String(cString: curl_multi_strerror(added)))"
            transfer.complete(with: .failure(FetchError(code: .other, url: submission.request.url, message: message)))
            return
        }
        active[submission.id] = transfer
        client.logger.debug(
            "Fetch started",
            metadata: ["fetch.id": "\(submission.id)", "url": "\(transfer.request.url)"]
        )
    }

    private func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE else { continue }
            let code = ccurl_msg_result(message)
            var context: UnsafeMutableRawPointer?
            guard let easy = message.pointee.easy_handle,
                ccurl_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &context) == CURLE_OK, let context
            else { continue }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            finish(transfer.id, with: transfer.outcome(of: code))
        }
    }

    /// Detaches a transfer, answers its caller, then drops curl's reference: after `curl_multi_remove_handle` curl
    /// can no longer call back, so releasing the context here is what finally frees the easy handle.
    private func finish(_ id: UInt64, with result: Result<FetchResponse, FetchError>) {
        guard let transfer = active.removeValue(forKey: id) else { return }
        let removed = curl_multi_remove_handle(multi, transfer.easy)
        if removed != CURLM_OK {
            report(removed, in: "curl_multi_remove_handle")
        }
        switch result {
        case .success(let response):
            client.logger.debug(
                "Fetch finished",
                metadata: ["fetch.id": "\(id)", "url": "\(transfer.request.url)", "http.status": "\(response.status)"]
            )
        case .failure(let error):
            client.logger.debug(
                "Fetch failed",
                metadata: ["fetch.id": "\(id)", "url": "\(transfer.request.url)", "error": "\(error)"]
            )
        }
        transfer.complete(with: result)
        Unmanaged.passUnretained(transfer).release()
    }

    /// Ends every transfer, marks the client closed so no caller touches the handle again, then cleans it up.
    private func close() {
        let late = client.inbox.withLock { inbox in
            inbox.closed = true
            defer { inbox.submitted = [] }
            return inbox.submitted
        }
        for submission in late {
            let error = FetchError(
                code: .cancelled,
                url: submission.request.url,
                message: "the HTTP client has shut down"
            )
            submission.continuation.resume(returning: .failure(error))
        }
        for id in Array(active.keys) {
            finish(id, with: .failure(cancellation(of: id, reason: "the HTTP client has shut down")))
        }
        let cleaned = curl_multi_cleanup(multi)
        if cleaned != CURLM_OK {
            report(cleaned, in: "curl_multi_cleanup")
        }
    }

    private func cancellation(of id: UInt64, reason: String) -> FetchError {
        FetchError(code: .cancelled, url: active[id]?.request.url ?? "", message: reason)
    }

    private func report(_ code: CURLMcode, in call: String) {
        client.logger.error(
            "libcurl multi call failed",
            metadata: ["curl.call": "\(call)", "curl.error": "\(String(cString: curl_multi_strerror(code)))"]
        )
    }
}
