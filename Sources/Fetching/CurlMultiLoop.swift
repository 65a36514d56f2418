import CCurl
import Glibc
import Logging
import Synchronization

/// The body of ``HTTPClient``'s dedicated thread: owns the multi handle, the queue of requests waiting for a
/// politeness slot, and every transfer attached to the multi handle.
///
/// Each turn takes new submissions and cancellations from the inbox, starts what the ``AdmissionQueue`` allows, lets
/// curl make progress, hands finished transfers back to their callers (which frees slots, so more may start at once),
/// and then sleeps in `curl_multi_poll` until a socket is ready, curl's own timer fires, a caller wakes it, or a host's
/// delay runs out. Not Sendable: it never leaves the thread that runs ``run()``.
final class CurlMultiLoop {
    private let client: HTTPClient
    private var multi: UnsafeMutableRawPointer { client.multi.raw }
    private var active: [UInt64: CurlTransfer] = [:]
    /// Submissions waiting in ``admission``, by id.
    private var waiting: [UInt64: HTTPClient.Submission] = [:]
    private var admission: AdmissionQueue
    private let handles: EasyHandlePool
    private let clock = ContinuousClock()

    init(client: HTTPClient) {
        self.client = client
        self.admission = AdmissionQueue(policy: client.politeness)
        self.handles = EasyHandlePool(capacity: client.politeness.maxTransfers)
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
            // Submissions first: a cancellation in the same batch must find its request.
            for submission in submitted {
                guard submission.request.polite else {
                    // Not metered (a webhook): starts now, and its end frees no host slot.
                    start(submission, host: AdmissionQueue.unmetered)
                    continue
                }
                let host = HostName.of(submission.request.url) ?? ""
                waiting[submission.id] = submission
                admission.enqueue(submission.id, host: host)
            }
            for id in cancelled {
                cancel(id)
            }
            if shutdown { break }

            startAdmitted()
            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            if performed != CURLM_OK {
                report(performed, in: "curl_multi_perform")
            }
            collectFinished()
            // Slots freed by finished transfers are filled now, not after the next sleep.
            startAdmitted()
            let polled = curl_multi_poll(multi, nil, 0, pollTimeoutMilliseconds(), nil)
            if polled != CURLM_OK {
                report(polled, in: "curl_multi_poll")
                usleep(10_000)  // never spin if polling keeps failing
            }
        }
        close()
    }

    /// At most a second, and no longer than until the next host delay or pause ends.
    private func pollTimeoutMilliseconds() -> Int32 {
        guard !waiting.isEmpty, let wake = admission.nextWakeup(now: clock.now) else { return 1000 }
        let left = (wake - clock.now).components
        let milliseconds = left.seconds * 1000 + (left.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: min(1000, max(1, milliseconds)))
    }

    private func startAdmitted() {
        guard !waiting.isEmpty else { return }
        let decision = admission.admit(now: clock.now)
        for deferral in decision.deferred {
            guard let submission = waiting.removeValue(forKey: deferral.id) else { continue }
            let error = FetchError(
                code: .deferred,
                url: submission.request.url,
                message: "not sent: \(deferral.host) asked (Retry-After) to be left alone for another "
                    + "\(deferral.remaining.components.seconds) s",
                retryAfter: deferral.remaining
            )
            submission.continuation.resume(returning: .failure(error))
        }
        for admitted in decision.started {
            guard let submission = waiting.removeValue(forKey: admitted.id) else {
                admission.finished(host: admitted.host)
                continue
            }
            start(submission, host: admitted.host)
        }
    }

    private func cancel(_ id: UInt64) {
        if let submission = waiting.removeValue(forKey: id) {
            admission.cancel(id)
            let error = FetchError(code: .cancelled, url: submission.request.url, message: "the fetch was cancelled")
            submission.continuation.resume(returning: .failure(error))
        } else {
            finish(id, with: .failure(cancellation(of: id, reason: "the fetch was cancelled")))
        }
    }

    /// Attaches an admitted request to the multi handle; any failure here gives its slot back at once.
    private func start(_ submission: HTTPClient.Submission, host: String) {
        guard let easy = handles.take() else {
            admission.finished(host: host)
            let error = FetchError(
                code: .other,
                url: submission.request.url,
                message: "curl_easy_init failed (out of memory?)"
            )
            submission.continuation.resume(returning: .failure(error))
            return
        }
        let transfer: CurlTransfer
        do {
            transfer = try CurlTransfer(
                id: submission.id,
                request: submission.request,
                host: host,
                limits: submission.request.limits ?? client.limits,
                easy: easy
            )
        } catch {
            handles.giveBack(easy)
            admission.finished(host: host)
            submission.continuation.resume(returning: .failure(error))
            return
        }
        transfer.continuation = submission.continuation
        let context = Unmanaged.passRetained(transfer)
        do {
            try transfer.setContext(context.toOpaque())
        } catch {
            release(transfer, context: context, with: .failure(error))
            return
        }
        let added = curl_multi_add_handle(multi, transfer.easy)
        guard added == CURLM_OK else {
            let message = "curl_multi_add_handle failed: \(String(cString: curl_multi_strerror(added)))"
            release(
                transfer,
                context: context,
                with: .failure(FetchError(code: .other, url: submission.request.url, message: message))
            )
            return
        }
        active[submission.id] = transfer
        client.logger.trace(
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

    /// Detaches a transfer, answers its caller, resets its easy handle for reuse, then drops curl's reference: after
    /// `curl_multi_remove_handle` and `curl_easy_reset` curl can no longer call back, so releasing the context here
    /// is what finally frees the transfer.
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
            if let wait = error.retryAfter, error.code == .httpStatus {
                admission.pause(host: transfer.host, for: wait, now: clock.now)
            }
            client.logger.debug(
                "Fetch failed",
                metadata: ["fetch.id": "\(id)", "url": "\(transfer.request.url)", "error": "\(error)"]
            )
        }
        release(transfer, context: Unmanaged.passUnretained(transfer), with: result)
    }

    /// Answers the caller, frees the host's slot, recycles the easy handle and drops the retained context.
    private func release(
        _ transfer: CurlTransfer,
        context: Unmanaged<CurlTransfer>,
        with result: Result<FetchResponse, FetchError>
    ) {
        admission.finished(host: transfer.host)
        transfer.complete(with: result)
        handles.giveBack(transfer.easy)
        context.release()
    }

    /// Ends every transfer and waiting request, marks the client closed so no caller touches the handle again, then
    /// cleans up the easy handles and the multi handle, on this thread.
    private func close() {
        let late = client.inbox.withLock { inbox in
            inbox.closed = true
            defer { inbox.submitted = [] }
            return inbox.submitted
        }
        for submission in late + waiting.values {
            let error = FetchError(
                code: .cancelled,
                url: submission.request.url,
                message: "the HTTP client has shut down"
            )
            submission.continuation.resume(returning: .failure(error))
        }
        waiting = [:]
        for id in Array(active.keys) {
            finish(id, with: .failure(cancellation(of: id, reason: "the HTTP client has shut down")))
        }
        handles.drain()
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
