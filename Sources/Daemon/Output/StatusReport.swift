import Foundation
public import Storage

/// `factwatch status`: the daemon's health at a glance, from the database alone.
public enum StatusReport {
    public static func render(_ summary: StoreSummary, database: String) -> String {
        let lastPass = summary.lastPass.map(ChangeFormatter.timestamp) ?? "never"
        let rows: [(String, String)] = [
            ("database", "\(database) (\(megabytes(summary.databaseBytes)))"),
            ("sources", "\(summary.sources), \(summary.due) due, \(summary.failing) failing"),
            ("last pass", lastPass),
            ("changes", "\(summary.changesToday) today, \(summary.changesTotal) in all"),
            ("facilities", "\(summary.facilities)"),
            ("deliveries", "\(summary.pendingDeliveries) pending, \(summary.deadDeliveries) dead"),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        var lines = rows.map { "\($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)" }
        if summary.failing > 0 { lines.append("See `factwatch sources` for the failing sources' last errors.") }
        if summary.deadDeliveries > 0 { lines.append("See `factwatch deliveries`; `--retry` re-queues dead ones.") }
        return lines.joined(separator: "\n")
    }

    static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
