/// The headers of the last HTTP response curl reported, built line by line from its header callback.
///
/// With redirects (and `100 Continue`) curl reports the headers of every hop. Each hop starts with an `HTTP/`
/// status line, and ``consume(line:)`` starts afresh there, so an `ETag` or `Content-Type` from a redirect never
/// ends up describing the final body.
struct ResponseHeaders: Hashable, Sendable {
    /// Header values by lower-cased name; a repeated header keeps its last value.
    private(set) var fields: [String: String] = [:]
    /// The status line of the response these headers belong to, e.g. `HTTP/1.1 404 Not Found`.
    private(set) var statusLine: String?

    mutating func consume(line rawLine: String) {
        let line = rawLine.trimmingSpaces()
        if line.hasPrefix("HTTP/") {
            fields = [:]
            statusLine = line
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingSpaces().lowercased()
        guard !name.isEmpty else { return }
        fields[name] = line[line.index(after: colon)...].trimmingSpaces()
    }

    subscript(name: String) -> String? { fields[name.lowercased()] }

    /// The reason phrase of the status line ("Not Found"), when the server sent one (HTTP/2 never does).
    var reasonPhrase: String? {
        guard let statusLine else { return nil }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count == 3 else { return nil }
        return String(parts[2])
    }
}
