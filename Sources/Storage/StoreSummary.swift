public import Foundation

/// The numbers `factwatch status` shows, read from the database in one go.
public struct StoreSummary: Codable, Hashable, Sendable {
    public var sources: Int
    /// Sources whose next poll time has come (or that were never polled).
    public var due: Int
    /// Sources whose last poll failed.
    public var failing: Int
    /// The most recent poll of any source.
    public var lastPass: Date?
    public var changesTotal: Int
    /// Changes logged since midnight UTC.
    public var changesToday: Int
    public var facilities: Int
    public var pendingDeliveries: Int
    public var deadDeliveries: Int
    /// The database file and its write-ahead log, in bytes.
    public var databaseBytes: Int64

    public init(
        sources: Int,
        due: Int,
        failing: Int,
        lastPass: Date?,
        changesTotal: Int,
        changesToday: Int,
        facilities: Int,
        pendingDeliveries: Int,
        deadDeliveries: Int,
        databaseBytes: Int64
    ) {
        self.sources = sources
        self.due = due
        self.failing = failing
        self.lastPass = lastPass
        self.changesTotal = changesTotal
        self.changesToday = changesToday
        self.facilities = facilities
        self.pendingDeliveries = pendingDeliveries
        self.deadDeliveries = deadDeliveries
        self.databaseBytes = databaseBytes
    }

    enum CodingKeys: String, CodingKey {
        case sources, due, failing, facilities
        case lastPass = "last_pass"
        case changesTotal = "changes_total"
        case changesToday = "changes_today"
        case pendingDeliveries = "pending_deliveries"
        case deadDeliveries = "dead_deliveries"
        case databaseBytes = "database_bytes"
    }
}
