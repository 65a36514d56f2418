import Core
import Foundation
import GRDB

/// A date bound as GRDB stores one, "2017-09-02 12:00:00.000" in UTC, but formatted by hand.
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

    static func fromDatabaseValue(_ value: DatabaseValue) -> StoredDate? {
        Date.fromDatabaseValue(value).map(StoredDate.init)
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS`, rounded to the nearest millisecond as GRDB's formatter does.
    var text: String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, inDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let day = CivilDate(dayNumber: Int(inDay < 0 ? days - 1 : days))
        let rest = inDay < 0 ? inDay + 86_400_000 : inDay
        var bytes: [UInt8] = []
        bytes.reserveCapacity(23)
        func append(_ value: Int, digits: Int) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            var remaining = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor % 10))
                remaining %= divisor
                divisor /= 10
            }
        }
        append(day.year, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        append(day.month, digits: 2)
        bytes.append(UInt8(ascii: "-"))
        append(day.day, digits: 2)
        bytes.append(UInt8(ascii: " "))
        append(Int(rest / 3_600_000), digits: 2)
        bytes.append(UInt8(ascii: ":"))
        append(Int(rest / 60_000 % 60), digits: 2)
        bytes.append(UInt8(ascii: ":"))
        append(Int(rest / 1000 % 60), digits: 2)
        bytes.append(UInt8(ascii: "."))
        append(Int(rest % 1000), digits: 3)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Date {
    /// This date as the store binds it (see ``StoredDate``).
    var stored: StoredDate { StoredDate(self) }
}
