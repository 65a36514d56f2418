import CCurl
import CLibXML2

/// Process-wide setup of the C libraries this module uses.
///
/// `curl_global_init` and `xmlInitParser` must run once before any thread uses curl or libxml2; both are safe to
/// call here from any thread because a Swift `static let` initialiser runs exactly once.
///
/// `main` must call ``globalInit()`` at startup, before starting services, and must also ignore `SIGPIPE`
/// (`signal(SIGPIPE, SIG_IGN)`): libcurl sets `CURLOPT_NOSIGNAL`, but a TLS library writing to a socket the peer
/// closed can still raise it, and the default action kills the daemon.
public enum Fetching {
    private static let curlInitResult: CURLcode = {
        let result = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        xmlInitParser()
        return result
    }()

    /// Initialises libcurl and libxml2 once; later calls do nothing. Throws when libcurl cannot initialise (which in
    /// practice means the TLS library failed to load).
    public static func globalInit() throws(FetchError) {
        let result = curlInitResult
        guard result == CURLE_OK else {
            throw FetchError(
                code: .other,
                url: "",
                message: "curl_global_init failed: \(String(cString: curl_easy_strerror(result)))"
            )
        }
    }
}
