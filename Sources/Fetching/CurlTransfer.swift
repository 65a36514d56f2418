import CCurl
import Foundation

/// One HTTP transfer: the easy handle it borrowed and everything curl writes into while it runs.
///
/// Confined to the loop thread of ``HTTPClient``. The loop retains it through `Unmanaged` for as long as the easy
/// handle is attached to the multi handle, because curl's callbacks receive it as a raw pointer. The easy handle
/// belongs to the loop's ``EasyHandlePool``: the loop detaches it and resets it (clearing every pointer into this
/// object) before releasing the transfer, so curl can never call back into a freed object.
final class CurlTransfer {
    typealias Continuation = CheckedContinuation<Result<FetchResponse, FetchError>, Never>

    let id: UInt64
    let request: FetchRequest
    /// The host whose politeness budget this transfer uses (see ``AdmissionQueue``).
    let host: String
    let easy: UnsafeMutableRawPointer
    /// Set once the transfer is attached; resumed exactly once by ``complete(with:)``.
    var continuation: Continuation?

    private let maxBodyBytes: Int
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?
    private var body: [UInt8] = []
    private var bodyTooLarge = false
    private var headers = ResponseHeaders()

    /// Sets every option on `easy`, a fresh or reset handle; the caller attaches it to the multi handle.
    init(
        id: UInt64,
        request: FetchRequest,
        host: String,
        limits: FetchLimits,
        easy: UnsafeMutableRawPointer
    )
        throws(FetchError)
    {
        self.id = id
        self.request = request
        self.host = host
        self.easy = easy
        self.maxBodyBytes = max(0, limits.maxBodyBytes)
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(limits: limits)
    }

    deinit {
        curl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
    }

    /// Points curl's callbacks and `CURLINFO_PRIVATE` at `context`, the retained pointer to this transfer.
    func setContext(_ context: UnsafeMutableRawPointer) throws(FetchError) {
        try set(CURLOPT_PRIVATE, pointer: context)
        try set(CURLOPT_WRITEDATA, pointer: context)
        try set(CURLOPT_HEADERDATA, pointer: context)
    }

    /// Resumes the waiting caller; later calls do nothing.
    func complete(with result: Result<FetchResponse, FetchError>) {
        continuation?.resume(returning: result)
        continuation = nil
    }

    /// Turns curl's verdict on the finished transfer into the caller's result.
    func outcome(of code: CURLcode) -> Result<FetchResponse, FetchError> {
        guard code == CURLE_OK else {
            if bodyTooLarge {
                return .failure(tooLarge())
            }
            let detail = String(cString: errorBuffer).trimmingSpaces()
            return .failure(FetchError(curlCode: code, url: request.url, detail: detail))
        }
        var status = 0
        _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        _ = ccurl_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? request.url
        if status >= 400 {
            let reason = headers.reasonPhrase.map { " \($0)" } ?? ""
            // Only these two statuses promise that waiting helps; elsewhere the header is noise.
            let retryAfter =
                status == 429 || status == 503
                ? headers["retry-after"].flatMap { RetryAfter.parse($0, now: Date()) } : nil
            let wait = retryAfter.map { "; it asks to retry after \($0.components.seconds) s" } ?? ""
            return .failure(
                FetchError(
                    code: .httpStatus,
                    url: finalURL,
                    message: "server answered \(status)\(reason)\(wait)",
                    httpStatus: status,
                    retryAfter: retryAfter
                )
            )
        }
        let contentType = headers["content-type"]
        var response = FetchResponse(
            requestedURL: request.url,
            finalURL: finalURL,
            status: status,
            body: body,
            contentType: contentType,
            charset: contentType.flatMap(ContentType.charset(of:)),
            etag: headers["etag"],
            lastModified: headers["last-modified"],
            duration: elapsed
        )
        if response.notModified {
            response.etag = response.etag ?? request.etag
            response.lastModified = response.lastModified ?? request.lastModified
        }
        return .success(response)
    }

    /// How long the transfer took, from start to the last byte, redirects included.
    private var elapsed: Duration {
        var microseconds: curl_off_t = 0
        _ = ccurl_easy_getinfo_off_t(easy, CURLINFO_TOTAL_TIME_T, &microseconds)
        return .microseconds(Int64(microseconds))
    }

    private func tooLarge() -> FetchError {
        FetchError(code: .bodyTooLarge, url: request.url, message: "body exceeds the limit of \(maxBodyBytes) bytes")
    }

    // MARK: - Callbacks (on the loop thread, inside curl_multi_perform)

    /// Appends decoded body bytes; false aborts the transfer because the cap was passed.
    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maxBodyBytes else {
            bodyTooLarge = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        headers.consume(line: String(decoding: bytes, as: UTF8.self))
    }

    // MARK: - Options

    private func configure(limits: FetchLimits) throws(FetchError) {
        try set(CURLOPT_URL, string: request.url)
        try set(CURLOPT_NOSIGNAL, long: 1)
        // Only http and https, also after a redirect: a `Location: file:///etc/passwd` must not read local files.
        try set(CURLOPT_PROTOCOLS_STR, string: "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, string: "http,https")
        try set(CURLOPT_FOLLOWLOCATION, long: request.method == "GET" ? 1 : 0)
        try set(CURLOPT_MAXREDIRS, long: max(0, limits.maxRedirects))
        try set(CURLOPT_CONNECTTIMEOUT_MS, long: limits.connectTimeout.wholeMilliseconds)
        try set(CURLOPT_TIMEOUT_MS, long: limits.totalTimeout.wholeMilliseconds)
        try set(CURLOPT_LOW_SPEED_LIMIT, long: max(0, limits.lowSpeedLimit))
        try set(CURLOPT_LOW_SPEED_TIME, long: limits.lowSpeedTime.wholeSecondsRoundingUp)
        // Rejects a declared Content-Length over the cap up front; receiveBody enforces it on the decoded bytes.
        try check(ccurl_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxBodyBytes)), "MAXFILESIZE")
        // "" offers every encoding this libcurl can decode; the body arrives decoded.
        try set(CURLOPT_ACCEPT_ENCODING, string: "")
        try set(CURLOPT_USERAGENT, string: limits.userAgent)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try setConditionalHeaders()
        if let body = request.body {
            try set(CURLOPT_POST, long: 1)
            try check(
                ccurl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)),
                "POSTFIELDSIZE"
            )
            // COPYPOSTFIELDS copies the bytes, so the body need not outlive this call.
            var bytes = body
            if bytes.isEmpty { bytes = [0] }
            let code = bytes.withUnsafeMutableBytes {
                ccurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)
            }
            try check(code, "COPYPOSTFIELDS")
        }
        try check(
            ccurl_easy_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                let length = size * count
                guard let context else { return 0 }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
            },
            "WRITEFUNCTION"
        )
        try check(
            ccurl_easy_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                let length = size * count
                guard let context else { return length }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: length))
                return length
            },
            "HEADERFUNCTION"
        )
    }

    /// Sends the stored validators verbatim; line breaks are dropped so a stored value can never inject a header.
    private func setConditionalHeaders() throws(FetchError) {
        var lines: [String] = []
        if let etag = request.etag.map(Self.headerValue), !etag.isEmpty {
            lines.append("If-None-Match: \(etag)")
        }
        if let lastModified = request.lastModified.map(Self.headerValue), !lastModified.isEmpty {
            lines.append("If-Modified-Since: \(lastModified)")
        }
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            let cleanName = Self.headerValue(name).filter { $0 != ":" }
            guard !cleanName.isEmpty else { continue }
            lines.append("\(cleanName): \(Self.headerValue(value))")
        }
        if request.body != nil {
            // No "Expect: 100-continue" round trip for a small body.
            lines.append("Expect:")
        }
        guard !lines.isEmpty else { return }
        for line in lines {
            guard let appended = curl_slist_append(requestHeaders, line) else {
                throw FetchError(code: .other, url: request.url, message: "curl_slist_append failed (out of memory?)")
            }
            requestHeaders = appended
        }
        try check(ccurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, requestHeaders), "HTTPHEADER")
    }

    private static func headerValue(_ value: String) -> String {
        value.filter { $0 != "\r" && $0 != "\n" }.trimmingSpaces()
    }

    private func set(_ option: CURLoption, long value: Int) throws(FetchError) {
        try check(ccurl_easy_setopt_long(easy, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, string value: String) throws(FetchError) {
        try check(ccurl_easy_setopt_string(easy, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer) throws(FetchError) {
        try check(ccurl_easy_setopt_pointer(easy, option, value), "option \(option.rawValue)")
    }

    private func check(_ result: CURLcode, _ what: String) throws(FetchError) {
        guard result == CURLE_OK else {
            let text = String(cString: curl_easy_strerror(result))
            throw FetchError(
                code: FetchError.code(for: result),
                url: request.url,
                message: "curl_easy_setopt(\(what)) failed: \(text)"
            )
        }
    }
}
