import Core
import Foundation
import GRDB

/// A date bound as GRDB stores one, "2017-09-02 12:00:00.000" in UTC, but formatted by hand
/// (``UTCTimestamp/storage(_:)``).
///
/// GRDB formats every `Date` argument with a shared `DateFormatter`, which cost more than the rest of binding a
/// version's rows in a first pass over a thousand sources. The text is the same to the millisecond (a test holds
/// the two together), so stored dates keep comparing and reading back as before; reading still goes through
/// GRDB's own parser.
struct StoredDate: DatabaseValueConvertible {
    var date: Date

    init(_ date: Date) {
        self.date = date
    }

    var databaseValue: DatabaseValue { text.databaseValue }

    var text: String { UTCTimestamp.storage(date) }

    static func fromDatabaseValue(_ value: DatabaseValue) -> StoredDate? {
        Date.fromDatabaseValue(value).map(StoredDate.init)
    }
}

extension Date {
    /// This date as the store binds it (see ``StoredDate``).
    var stored: StoredDate { StoredDate(self) }
}
