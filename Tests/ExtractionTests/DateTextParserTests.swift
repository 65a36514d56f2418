import Core
import Extraction
import Testing

@Suite struct DateTextParserTests {
    @Test(arguments: [
        ("2019-11-19T22:07:09-05:00", "2019-11-19T22:07"),
        ("2019-11-19", "2019-11-19"),
        ("2019/11/19 08:05", "2019-11-19T08:05"),
        ("Tue, 19 Nov 2019 22:07:09 GMT", "2019-11-19T22:07"),
        ("November 19, 2019", "2019-11-19"),
        ("Nov. 19, 2019 at 10:07 p.m. ET", "2019-11-19T22:07"),
        ("Updated 12:30 AM, Jan 1st 2020", "2020-01-01"),
        ("19. November 2019", "2019-11-19"),
        ("le 5 février 2021 à 14h30", "2021-02-05T14:30"),
        ("19 de noviembre de 2019", "2019-11-19"),
        ("3 de março de 2020", "2020-03-03"),
        ("19.11.2019 14:30", "2019-11-19T14:30"),
        ("20 января 2020", "2020-01-20"),
        ("2020. augusztus 18.", "2020-08-18"),
        ("2019年11月19日 08:00", "2019-11-19T08:00"),
        ("2020년 8월 27일", "2020-08-27"),
        ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),
    ])
    func readsDatesAsWritten(text: String, expected: String) {
        #expect(DateTextParser.firstDate(in: text)?.iso == expected)
    }

    @Test func ambiguousNumericDatesFollowTheLocale() {
        #expect(DateTextParser.firstDate(in: "04/05/2020")?.iso == "2020-05-04")
        #expect(DateTextParser.firstDate(in: "04/05/2020", monthFirst: true)?.iso == "2020-04-05")
        #expect(DateTextParser.firstDate(in: "11/19/2019")?.iso == "2019-11-19")
    }

    @Test func metadataFormsIncludeCompactDatesAndTimestamps() {
        #expect(DateTextParser.metadataDate("20200413T16:38:07Z")?.date.iso == "2020-04-13")
        #expect(DateTextParser.metadataDate("20191119")?.iso == "2019-11-19")
        #expect(DateTextParser.metadataDate("1574168580")?.iso == "2019-11-19T13:03")
        #expect(DateTextParser.metadataDate("1574168580000")?.date.iso == "2019-11-19")
    }

    @Test(arguments: [
        "", "no date here", "2019-13-45", "February 30, 2020", "version 10.2.2019b", "call 555-1234", "1789-07-14",
        "A1 19.11.2019x",
    ])
    func rejectsWhatIsNotAPlausibleDate(text: String) {
        #expect(DateTextParser.firstDate(in: text) == nil)
    }
}
