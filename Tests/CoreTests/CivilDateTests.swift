import Core
import Testing

@Suite struct CivilDateTests {
    @Test func dayNumbersRoundTripAcrossLeapYearsAndCenturies() {
        for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
            #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
    }

    @Test func addingDaysCrossesMonthAndYearEnds() {
        #expect(CivilDate(year: 2017, month: 8, day: 31)!.adding(days: 2).iso == "2017-09-02")
        #expect(CivilDate(year: 2024, month: 2, day: 28)!.adding(days: 1).iso == "2024-02-29")
        #expect(CivilDate(year: 2023, month: 2, day: 28)!.adding(days: 1).iso == "2023-03-01")
        #expect(CivilDate(year: 2024, month: 12, day: 31)!.adding(days: 1).iso == "2025-01-01")
    }

    @Test func weekdaysAreISONumbered() {
        #expect(CivilDate(year: 2017, month: 8, day: 31)!.weekday == 4)  // Thursday
        #expect(CivilDate(year: 2017, month: 9, day: 2)!.weekday == 6)  // Saturday
        #expect(CivilDate(year: 2025, month: 2, day: 9)!.weekday == 7)  // Sunday
        #expect(CivilDate(year: 1969, month: 12, day: 29)!.weekday == 1)  // Monday, before the epoch
    }

    @Test func invalidDatesAreRejected() {
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CivilDate(iso: "2024-1-01") == nil)
        #expect(CivilDate(iso: "2024-04-31") == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 10)!.endOfMonth.iso == "2024-02-29")
    }

    @Test func localDateTimesParseAndPrintBothForms() {
        #expect(LocalDateTime(iso: "2017-09-02")?.iso == "2017-09-02")
        #expect(LocalDateTime(iso: "2017-09-02T12:00")?.iso == "2017-09-02T12:00")
        #expect(LocalDateTime(iso: "2025-02-07 17:00:00")?.iso == "2025-02-07T17:00")
        #expect(LocalDateTime(iso: "2025-02-07T25:00") == nil)
        #expect(LocalDateTime(iso: "2017-09-02")! < LocalDateTime(iso: "2017-09-02T00:00")!)
    }
}
