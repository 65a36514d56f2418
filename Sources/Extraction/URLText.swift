/// Minimal URL handling on strings: enough to resolve a canonical link against the page URL.
///
/// Foundation's URL would also do, but pages carry sloppy hrefs (spaces, bare paths) that it rejects outright,
/// and the rules only need scheme, host and path.
enum URLText {
    /// `href` made absolute: kept when it has a scheme, else joined to `base`'s scheme and host (and directory
    /// for a relative path).
    static func resolve(_ href: String, against base: String) -> String {
        if href.includes("://") { return href }
        guard let schemeEnd = base.firstRange(of: "://") else { return href }
        let scheme = base[..<schemeEnd.lowerBound]
        if href.hasPrefix("//") { return "\(scheme):\(href)" }
        let afterScheme = base[schemeEnd.upperBound...]
        let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        let origin = base[..<hostEnd]
        if href.hasPrefix("/") { return "\(origin)\(href)" }
        let path = afterScheme[hostEnd...]
        let pathOnly = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let directory = pathOnly.lastIndex(of: "/").map { pathOnly[...$0] } ?? "/"
        return "\(origin)\(directory)\(href)"
    }

    /// The path of a URL (without query or fragment), or "" when it has none.
    static func path(_ url: String) -> Substring {
        guard let schemeEnd = url.firstRange(of: "://") else { return url[...] }
        let afterScheme = url[schemeEnd.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return "" }
        let rest = afterScheme[slash...]
        let end = rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        return rest[..<end]
    }

    /// The host of a URL in lower case, without a leading "www.".
    static func host(_ url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let end = afterScheme.firstIndex { $0 == "/" || $0 == ":" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        var host = afterScheme[..<end].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty ? nil : host
    }

    /// Whether the URL addresses one revision of a wiki page (MediaWiki's `diff=` or `oldid=` parameters): the
    /// document shown is that revision, not the article as first created.
    static func isRevisionView(_ url: String) -> Bool {
        guard let query = url.firstIndex(of: "?") else { return false }
        let parameters = url[url.index(after: query)...].prefix { $0 != "#" }.split(separator: "&")
        return parameters.contains { $0.hasPrefix("diff=") || $0.hasPrefix("oldid=") }
    }
}
