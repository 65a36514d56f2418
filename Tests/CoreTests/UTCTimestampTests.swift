import Foundation
import Testing

@testable import Daemon

/// The one formatter behind `tail`, the status line and log lines: seconds rounded down, UTC, also
/// before 1970.
@Suite struct UTCTimestampTests {
    @Test func dateTimeWithAndWithoutMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_504_188_000.75)
        #expect(UTCTimestamp.dateTime(date) == "2017-08-31T14:00:00Z")
        #expect(UTCTimestamp.dateTime(date, milliseconds: true) == "2017-08-31T14:00:00.750Z")
        #expect(UTCTimestamp.dateTime(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }

    @Test func timeOfDay() {
        #expect(UTCTimestamp.timeOfDay(Date(timeIntervalSince1970: 1_504_188_000 + 3_723.9)) == "15:02:03Z")
    }

    @Test func tailLineStartsWithTheDetectionTime() {
        let detected = Date(timeIntervalSince1970: 1_504_188_000)
        #expect(ChangeFormatter.timestamp(detected) == "2017-08-31T14:00:00Z")
    }
}
