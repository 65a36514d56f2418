import Foundation
import GRDB
import Testing

@testable import Storage

/// The store binds dates with its own formatter; it must write exactly what GRDB writes, or stored dates would stop
/// comparing (`next_attempt_at <= ?`) with the ones already in a database.
@Suite struct StoredDateTests {
    @Test func writesWhatGRDBWritesToTheMillisecond() {
        var generator = SystemRandomNumberGenerator()
        var instants: [TimeInterval] = [
            0, 0.0005, 0.9999, 86_399.999, 951_782_400, 1_504_353_600.25, 4_102_444_799.999,
        ]
        for _ in 0..<2000 { instants.append(Double.random(in: 0..<4_102_444_800, using: &generator)) }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            #expect(date.stored.databaseValue == date.databaseValue, "at \(instant)")
        }
    }

    @Test func readsBackWhatItWrote() throws {
        let date = Date(timeIntervalSince1970: 1_504_353_600.125)
        #expect(StoredDate(date).text == "2017-09-02 12:00:00.125")
        let read = try #require(StoredDate.fromDatabaseValue(StoredDate(date).databaseValue))
        #expect(abs(read.date.timeIntervalSince(date)) < 0.001)
    }
}
