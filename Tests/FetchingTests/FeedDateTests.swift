import Core
import Testing

@testable import Fetching

@Suite struct FeedDateTests {
    private func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int? = nil, _ minute: Int = 0) -> LocalDateTime {
        LocalDateTime(date: CivilDate(year: year, month: month, day: day)!, hour: hour, minute: minute)
    }

    @Test func rfc822KeepsTheWrittenLocalTime() {
        #expect(FeedDate.parse("Thu, 31 Aug 2017 16:05:00 -0400") == local(2017, 8, 31, 16, 5))
        #expect(FeedDate.parse("Thu, 31 Aug 2017 23:30:00 GMT") == local(2017, 8, 31, 23, 30))
        #expect(FeedDate.parse("1 Sep 2017 07:00 EDT") == local(2017, 9, 1, 7, 0))
        #expect(FeedDate.parse("  Fri, 01 September 2017 07:00:59 +0000 ") == local(2017, 9, 1, 7, 0))
        #expect(FeedDate.parse("Mon, 2 Jan 06 15:04:05 MST") == local(2006, 1, 2, 15, 4))
        #expect(FeedDate.parse("Sat, 2 Jan 99 00:00:00 GMT") == local(1999, 1, 2, 0, 0))
        #expect(FeedDate.parse("31 Aug 2017") == local(2017, 8, 31))
    }

    @Test func rfc3339KeepsTheWrittenLocalTime() {
        #expect(FeedDate.parse("2017-08-31T16:05:00-04:00") == local(2017, 8, 31, 16, 5))
        #expect(FeedDate.parse("2017-08-31T20:05:00Z") == local(2017, 8, 31, 20, 5))
        #expect(FeedDate.parse("2017-08-31t20:05:00.123456+09:30") == local(2017, 8, 31, 20, 5))
        #expect(FeedDate.parse("2017-08-31 20:05") == local(2017, 8, 31, 20, 5))
        #expect(FeedDate.parse("2017-08-31") == local(2017, 8, 31))
    }

    @Test(arguments: [
        "", "yesterday", "Thu, 31 Foo 2017 16:05:00 GMT", "Thu, 31 Feb 2017 16:05:00 GMT", "2017-02-30",
        "2017-13-01T00:00:00Z", "2017-08-31T25:00:00Z", "31 Aug 2017 16h05", "2017-08-31X10:00",
    ])
    func rejectsWhatIsNotADate(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }
}
