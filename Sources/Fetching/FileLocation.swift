import Foundation

/// Where a `file://` URL or a plain path points on this machine.
///
/// Kept apart from the reading so the URL rules (local host only, percent-decoding, relative paths) are testable
/// without touching the disk.
struct FileLocation: Hashable, Sendable {
    /// The absolute, percent-decoded path.
    let path: String

    /// Parses `file:///abs/path`, `file://localhost/abs/path`, `file:/abs/path` or a plain (possibly relative) path.
    init(_ url: String, currentDirectory: String = FileManager.default.currentDirectoryPath) throws(FetchError) {
        var rawPath: Substring
        if url.lowercased().hasPrefix("file:") {
            var rest = url.dropFirst("file:".count)
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                if rest.lowercased().hasPrefix("localhost/") {
                    rest = rest.dropFirst("localhost".count)
                }
                guard rest.hasPrefix("/") else {
                    throw FetchError(
                        code: .badURL,
                        url: url,
                        message: "a file URL must name a path on this machine, as file:///path"
                    )
                }
            }
            // A query or fragment is not part of a file's name.
            if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
                rest = rest[..<end]
            }
            guard let decoded = String(rest).removingPercentEncoding else {
                throw FetchError(code: .badURL, url: url, message: "the file URL has invalid percent-escapes")
            }
            rawPath = Substring(decoded)
        } else {
            rawPath = Substring(url)
        }
        guard !rawPath.isEmpty, !rawPath.contains("\0") else {
            throw FetchError(code: .badURL, url: url, message: "the path is empty or contains a NUL byte")
        }
        if !rawPath.hasPrefix("/") {
            rawPath = Substring(currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/") + rawPath
        }
        path = String(rawPath)
    }

    /// The canonical `file://` URL of ``path``, reported as the response's final URL.
    var url: String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return "file://" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)
    }

    /// True for `.gz` files, which are decompressed when read.
    var isGzip: Bool { path.lowercased().hasSuffix(".gz") }

    /// A media type guessed from the extension (under any `.gz`), so the pipeline can tell feeds from pages.
    var guessedContentType: String? {
        var name = path.lowercased()
        if isGzip { name = String(name.dropLast(3)) }
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
        switch name[name.index(after: dot)...] {
        case "html", "htm", "xhtml": return "text/html"
        case "txt", "text": return "text/plain"
        case "xml": return "application/xml"
        case "rss": return "application/rss+xml"
        case "atom": return "application/atom+xml"
        case "rdf": return "application/rdf+xml"
        case "json": return "application/json"
        default: return nil
        }
    }
}
