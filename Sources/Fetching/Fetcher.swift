public import Logging

/// The daemon's one way to get bytes: http and https through the shared ``HTTPClient``, files through
/// ``FileFetcher``.
///
/// Sendable and meant to be shared: any number of tasks may call ``fetch(_:)`` at once, and their HTTP transfers
/// run side by side on one libcurl multi handle, with connections reused, as many at once and as often per host as
/// ``FetchPoliteness`` allows.
public final class Fetcher: Sendable {
    private let http: HTTPClient
    private let files: FileFetcher

    private init(http: HTTPClient, files: FileFetcher) {
        self.http = http
        self.files = files
    }

    /// Runs `body` with a fetcher whose network thread lives exactly as long as the call.
    ///
    /// Calls ``Fetching/globalInit()`` first (a no-op when `main` already did).
    /// - Parameters:
    ///   - limits: the bounds of a request that brings none of its own.
    ///   - politeness: how many transfers run at once, overall and per host, and how often one host is asked.
    public static func withFetcher<Result>(
        limits: FetchLimits = FetchLimits(),
        politeness: FetchPoliteness = FetchPoliteness(),
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Fetcher) async throws -> Result
    ) async throws -> Result {
        try Fetching.globalInit()
        return try await HTTPClient.withClient(limits: limits, politeness: politeness, logger: logger) { http in
            try await body(Fetcher(http: http, files: FileFetcher(maxBodyBytes: limits.maxBodyBytes)))
        }
    }

    /// Fetches one URL or path.
    ///
    /// Statuses of 400 and above are errors (`httpStatus`); a `304` is a normal response with
    /// ``FetchResponse/notModified`` set.
    ///
    /// - Throws: ``FetchError``; `unsupportedScheme` for anything but http, https, file or a plain path, and
    ///   `cancelled` when the calling task is cancelled.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        switch URLScheme.of(request.url) {
        case "http", "https":
            return try await http.fetch(request)
        case "file", nil:
            guard request.method == "GET" else {
                throw FetchError(
                    code: .unsupportedScheme,
                    url: request.url,
                    message: "\(request.method) needs an http or https URL"
                )
            }
            guard let limits = request.limits else { return try files.fetch(request) }
            return try FileFetcher(maxBodyBytes: limits.maxBodyBytes).fetch(request)
        case let scheme?:
            throw FetchError(
                code: .unsupportedScheme,
                url: request.url,
                message: "the scheme \"\(scheme)\" is not supported"
            )
        }
    }
}

/// Finds the scheme of a URL without fully parsing it.
enum URLScheme {
    /// The lower-cased scheme (`https`), or nil when the text has none and so is a file path.
    static func of(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }
}
