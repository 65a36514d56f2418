import Core
import Foundation
import Testing

/// The one formatter behind `tail`, the status line, log lines and stored dates: UTC, also before 1970; seconds
/// rounded down for reading, milliseconds rounded to the nearest for the store (as GRDB rounds).
@Suite struct UTCTimestampTests {
    @Test func dateTimeWithAndWithoutMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_504_188_000.75)
        #expect(UTCTimestamp.dateTime(date) == "2017-08-31T14:00:00Z")
        #expect(UTCTimestamp.dateTime(date, milliseconds: true) == "2017-08-31T14:00:00.750Z")
        #expect(UTCTimestamp.dateTime(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }

    @Test func storageForm() {
        #expect(UTCTimestamp.storage(Date(timeIntervalSince1970: 1_504_353_600.125)) == "2017-09-02 12:00:00.125")
        #expect(UTCTimestamp.storage(Date(timeIntervalSince1970: 86_399.9996)) == "1970-01-02 00:00:00.000")
    }

    @Test func timeOfDay() {
        #expect(UTCTimestamp.timeOfDay(Date(timeIntervalSince1970: 1_504_188_000 + 3_723.9)) == "15:02:03Z")
    }
}
