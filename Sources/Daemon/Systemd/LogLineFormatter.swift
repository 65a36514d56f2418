import Alerts
import Core
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

    /// UTC with milliseconds.
    static func iso8601(_ date: Date) -> String {
        UTCTimestamp.dateTime(date, milliseconds: true)
    }
}
