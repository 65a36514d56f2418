import Foundation

/// The form of an article URL used to tell whether two feed items point at the same article.
///
/// Feeds list one story under several spellings: with and without a tracking query (`?utm_source=rss`), with a
/// fragment, with an explicit default port, with a differently cased host. Fetching each spelling would poll the
/// same page several times and store it as several documents. The key folds exactly those differences and nothing
/// that could name another resource: the path and the remaining query keep their case and order, and `http` and
/// `https` stay apart.
public enum CanonicalURL {
    /// Query parameters that only say where a click came from.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "cmpid", "ocid",
    ]

    /// The comparison key of `url`; text that is not an absolute http(s) URL is returned unchanged.
    public static func key(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return url }
        var rest = url[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") {
            rest = rest[..<hash]
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd].lowercased()
        let defaultPort = scheme == "http" ? ":80" : ":443"
        if authority.hasSuffix(defaultPort) {
            authority.removeLast(defaultPort.count)
        }
        if authority.hasSuffix(".") {
            authority.removeLast()
        }
        var target = rest[authorityEnd...]
        var query: Substring?
        if let question = target.firstIndex(of: "?") {
            query = target[target.index(after: question)...]
            target = target[..<question]
        }
        let path = target.isEmpty ? "/" : String(target)
        let kept = (query ?? "").split(separator: "&").filter { parameter in
            let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return !name.isEmpty && !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        let keptQuery = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
        return "\(scheme)://\(authority)\(path)\(keptQuery)"
    }
}
