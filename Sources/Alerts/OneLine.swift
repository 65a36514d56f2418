/// Turns arbitrary hook output into text that stays on one line of a log or one database cell.
///
/// journald starts a new entry at every newline, and a `last_error` that spans lines breaks `factwatch deliveries`
/// tables, so control characters are written as escapes instead.
public enum OneLine {
    public static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The last `maximum` characters of `text` with surrounding whitespace removed, escaped; "…" marks a cut.
    static func tail(of text: String, maximum: Int) -> String {
        let trimmed = text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
        let kept = String(trimmed.suffix(maximum))
        return (trimmed.count > maximum ? "…" : "") + escape(kept)
    }
}
