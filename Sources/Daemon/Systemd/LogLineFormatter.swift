import Alerts
import Foundation
import Glibc
import Logging

/// Turns one log event into one line of text: the pure half of ``JournaldLogHandler``.
enum LogLineFormatter {
    /// The journal's syslog priority for a swift-log level (`<N>` prefix): trace and debug are both 7.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// `<6>message key=value` for the journal, which adds its own timestamp and identifier;
    /// `2026-09-01T12:00:00.000Z info label: message key=value` for a terminal or file. Always ends in exactly one
    /// newline, the only one in the line.
    static func line(
        level: Logger.Level,
        message: String,
        metadata: Logger.Metadata,
        label: String,
        journal: Bool,
        timestamp: Date
    ) -> String {
        let text = escape(message) + render(metadata)
        if journal {
            return "<\(priority(level))>\(text)\n"
        }
        return "\(iso8601(timestamp)) \(level) \(escape(label)): \(text)\n"
    }

    /// ` key=value` pairs sorted by key. Values with spaces, quotes or `=` are quoted so the line splits back
    /// unambiguously.
    static func render(_ metadata: Logger.Metadata) -> String {
        metadata.keys.sorted().map { key in
            " \(escape(key))=\(quoteIfNeeded(escape(metadata[key].map { "\($0)" } ?? "")))"
        }.joined()
    }

    /// Control characters as escapes, so that one event is one line (journald starts an entry at every newline).
    static func escape(_ text: String) -> String {
        OneLine.escape(text)
    }

    private static func quoteIfNeeded(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// UTC with milliseconds, formatted by hand: no formatter object to share between threads.
    static func iso8601(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds.quotientAndRemainder(dividingBy: 1000).quotient)
        let fraction = Int((milliseconds % 1000 + 1000) % 1000)
        if milliseconds < 0 && fraction != 0 { seconds -= 1 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(fraction), 3))Z"
    }
}
