/// Reads the parts of a `Content-Type` header value that the pipeline needs.
enum ContentType {
    /// The `charset` parameter (`text/html; charset="ISO-8859-1"` → `ISO-8859-1`), unquoted, as written.
    static func charset(of value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            guard parameter[..<equals].trimmingSpaces().lowercased() == "charset" else { continue }
            var charset = parameter[parameter.index(after: equals)...].trimmingSpaces()
            if charset.count >= 2, charset.hasPrefix("\""), charset.hasSuffix("\"") {
                charset = String(charset.dropFirst().dropLast())
            }
            return charset.isEmpty ? nil : charset
        }
        return nil
    }

    /// The media type without parameters, lower-cased (`text/html`).
    static func mediaType(of value: String) -> String {
        (value.split(separator: ";").first.map { $0.trimmingSpaces() } ?? "").lowercased()
    }
}
