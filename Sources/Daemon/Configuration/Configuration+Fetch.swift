public import Fetching

extension Configuration {
    /// The fetcher's limits from the configuration's fetch settings.
    public var fetchLimits: FetchLimits {
        var limits = FetchLimits()
        limits.totalTimeout = fetch.timeout
        limits.connectTimeout = fetch.connectTimeout
        limits.maxBodyBytes = fetch.maxBodyBytes
        if let userAgent = fetch.userAgent { limits.userAgent = userAgent }
        return limits
    }
}
