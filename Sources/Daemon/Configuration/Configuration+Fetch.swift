public import Fetching

extension Configuration {
    /// The limits of every fetch whose source sets none of its own.
    public var fetchLimits: FetchLimits {
        var limits = FetchLimits()
        limits.totalTimeout = fetch.timeout
        limits.connectTimeout = fetch.connectTimeout
        limits.maxBodyBytes = fetch.maxBodyBytes
        limits.maxRedirects = fetch.maxRedirects
        limits.lowSpeedLimit = fetch.lowSpeedLimit
        limits.lowSpeedTime = fetch.lowSpeedTime
        if let userAgent = fetch.userAgent { limits.userAgent = userAgent }
        return limits
    }

    /// The fetcher's politeness: `concurrency` transfers overall, `concurrency_per_host` and `host_delay` per host,
    /// with the `[[host]]` overrides.
    public var fetchPoliteness: FetchPoliteness {
        FetchPoliteness(
            maxTransfers: concurrency,
            maxTransfersPerHost: fetch.concurrencyPerHost,
            hostDelay: fetch.hostDelay,
            hosts: fetch.hosts
        )
    }

    /// The complete limits of each source that sets some of its own: its values over the global ones.
    public var sourceFetchLimits: [String: FetchLimits] {
        var result: [String: FetchLimits] = [:]
        for (name, settings) in sourceFetch where !settings.isEmpty {
            var limits = fetchLimits
            if let timeout = settings.timeout { limits.totalTimeout = timeout }
            if let connectTimeout = settings.connectTimeout { limits.connectTimeout = connectTimeout }
            if let maxBodyBytes = settings.maxBodyBytes { limits.maxBodyBytes = maxBodyBytes }
            if let maxRedirects = settings.maxRedirects { limits.maxRedirects = maxRedirects }
            if let lowSpeedLimit = settings.lowSpeedLimit { limits.lowSpeedLimit = lowSpeedLimit }
            if let lowSpeedTime = settings.lowSpeedTime { limits.lowSpeedTime = lowSpeedTime }
            result[name] = limits
        }
        return result
    }
}
