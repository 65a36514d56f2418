import CCurl

extension FetchError {
    /// Classifies a failed transfer by its curl result code.
    ///
    /// - Parameters:
    ///   - detail: the transfer's ERRORBUFFER text, which names the host, the timeout or the TLS failure; when it is
    ///     empty curl's generic text for the code is used.
    init(curlCode: CURLcode, url: String, detail: String) {
        let generic = String(cString: curl_easy_strerror(curlCode))
        let text = detail.isEmpty ? generic : detail
        self.init(code: FetchError.code(for: curlCode), url: url, message: "\(text) (curl error \(curlCode.rawValue))")
    }

    static func code(for curlCode: CURLcode) -> Code {
        switch curlCode {
        case CURLE_OPERATION_TIMEDOUT: return .timedOut
        case CURLE_COULDNT_CONNECT: return .connectFailed
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .dnsFailed
        case CURLE_TOO_MANY_REDIRECTS: return .tooManyRedirects
        case CURLE_FILESIZE_EXCEEDED: return .bodyTooLarge
        case CURLE_UNSUPPORTED_PROTOCOL: return .unsupportedScheme
        case CURLE_URL_MALFORMAT: return .badURL
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED:
            return .tls
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        default: return .other
        }
    }
}
