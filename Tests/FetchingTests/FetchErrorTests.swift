import CCurl
import Testing

@testable import Fetching

@Suite struct FetchErrorTests {
    @Test func descriptionIsOneLineWithURLAndHint() {
        let error = FetchError(
            code: .timedOut,
            url: "https://example.com/a",
            message: "Operation timed out\nafter 30000 ms"
        )
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("https://example.com/a"))
        #expect(error.description.contains("timedOut"))
        #expect(error.description.contains("retry later"))
    }

    @Test func credentialsInURLsNeverReachTheDescription() {
        let error = FetchError(code: .httpStatus, url: "https://bot:s3cret@example.com/feed?x=1", message: "401")
        #expect(!error.description.contains("s3cret"))
        #expect(error.description.contains("https://example.com/feed?x=1"))
        #expect(FetchError.redacted("https://example.com/a@b") == "https://example.com/a@b")
    }

    @Test func statusHintsFollowTheStatus() {
        let gone = FetchError(code: .httpStatus, url: "u", message: "m", httpStatus: 410)
        let limited = FetchError(code: .httpStatus, url: "u", message: "m", httpStatus: 429)
        #expect(gone.hint?.contains("gone") == true)
        #expect(!gone.isTransient)
        #expect(limited.hint?.contains("less often") == true)
        #expect(limited.isTransient)
    }

    @Test func curlCodesMapToKinds() {
        #expect(FetchError.code(for: CURLE_COULDNT_RESOLVE_HOST) == .dnsFailed)
        #expect(FetchError.code(for: CURLE_OPERATION_TIMEDOUT) == .timedOut)
        #expect(FetchError.code(for: CURLE_PEER_FAILED_VERIFICATION) == .tls)
        #expect(FetchError.code(for: CURLE_RECV_ERROR) == .other)
        let error = FetchError(curlCode: CURLE_COULDNT_RESOLVE_HOST, url: "http://x.invalid/", detail: "")
        #expect(error.message.contains("(curl error 6)"))
        #expect(error.message.contains(String(cString: curl_easy_strerror(CURLE_COULDNT_RESOLVE_HOST))))
    }

    @Test func durationsBecomeCurlUnits() {
        #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
        #expect(Duration.microseconds(10).wholeMilliseconds == 1)
        #expect(Duration.zero.wholeMilliseconds == 0)
        #expect(Duration.milliseconds(1500).wholeSecondsRoundingUp == 2)
        #expect(Duration.seconds(15).wholeSecondsRoundingUp == 15)
    }
}
