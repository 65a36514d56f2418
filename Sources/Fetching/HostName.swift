import Foundation

/// Finds the host a URL talks to, the key of every per-host politeness rule.
///
/// Only the authority is read: no full URL parse, no percent-decoding, no IDNA. The host is lower-cased and loses
/// its port and any `user:password@`, so `https://User@Example.COM:8443/a` and `http://example.com/b` share one
/// budget: a publisher's server does not care which port or scheme the requests arrive on.
public enum HostName {
    /// The lower-cased host of an absolute URL (`example.com`, `127.0.0.1`, `::1` without brackets), or nil when the
    /// text has no `scheme://host`.
    public static func of(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        var authority = afterScheme[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let literal = authority[authority.index(after: authority.startIndex)..<close]
            return literal.isEmpty ? nil : literal.lowercased()
        }
        if let colon = authority.lastIndex(of: ":") {
            authority = authority[..<colon]
        }
        if authority.hasSuffix(".") {
            authority = authority.dropLast()
        }
        return authority.isEmpty ? nil : authority.lowercased()
    }
}
