import Core
import Foundation

/// The one-line summary systemd shows in `systemctl status` (sd_notify STATUS=).
struct StatusLine: Sendable {
    var sources = 0
    var due = 0
    var failing: Set<String> = []
    var changesLogged = 0
    var lastPass: Date?
    var nextDue: Date?
    var reloadError: String?

    mutating func record(_ results: [SourcePollResult], at date: Date, schedules: [String: PollSchedule]) {
        for result in results {
            if result.succeeded { failing.remove(result.source) } else { failing.insert(result.source) }
            changesLogged += result.changes.count
        }
        lastPass = date
        nextDue = schedules.values.map(\.nextDue).min()
        due = schedules.values.filter { $0.isDue(at: date) }.count
    }

    var text: String {
        var parts = ["\(sources) sources", "\(due) due"]
        if !failing.isEmpty { parts.append("\(failing.count) failing") }
        parts.append("\(changesLogged) changes logged")
        if let lastPass { parts.append("last pass \(Self.clock(lastPass))") }
        if let nextDue { parts.append("next \(Self.clock(nextDue))") }
        if let reloadError { parts.append("reload failed: \(reloadError.prefix(120))") }
        return parts.joined(separator: ", ")
    }

    private static func clock(_ date: Date) -> String {
        UTCTimestamp.timeOfDay(date)
    }
}
