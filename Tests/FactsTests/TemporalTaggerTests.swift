import Core
import Facts
import Testing

@Suite struct TemporalTaggerTests {
    let tagger = TemporalTagger()

    /// The single deadline found in `text`, as ISO text (nil when unresolved).
    private func resolve(
        _ text: String,
        _ reference: String?
    ) -> (value: String?, phrase: String, anchor: Deadline.Anchor)? {
        let deadlines = tagger.deadlines(in: text, reference: reference.flatMap { CivilDate(iso: $0) })
        guard deadlines.count == 1, let deadline = deadlines.first else { return nil }
        return (deadline.value?.iso, deadline.phrase, deadline.anchor)
    }

    @Test(arguments: [
        ("The mission must shut within 48 hours.", "2024-03-14", "2024-03-16", "within 48 hours"),
        ("It was given 72 hours to leave.", "2025-06-11", "2025-06-14", "72 hours"),
        ("Diplomats must go within 25 hours.", "2025-06-11", "2025-06-13", "within 25 hours"),
        ("The office must close within two weeks.", "2025-03-12", "2025-03-26", "within two weeks"),
        ("Staff must leave within a week.", "2024-10-08", "2024-10-15", "within a week"),
        ("The cut is due within 30 days.", "2024-06-04", "2024-07-04", "within 30 days"),
    ])
    func withinPeriods(text: String, reference: String, expected: String, phrase: String) {
        let result = resolve(text, reference)
        #expect(result?.value == expected)
        #expect(result?.phrase == phrase)
        #expect(result?.anchor == .published)
    }

    @Test(arguments: [
        ("Close it no later than 5 p.m. on Friday.", "2025-02-04", "2025-02-07T17:00"),
        ("They must leave by Saturday.", "2024-08-13", "2024-08-17"),
        ("They must leave by Tuesday.", "2024-08-13", "2024-08-20"),
        ("Vacate by 12 p.m. Eastern Daylight Time on Saturday.", "2017-08-31", "2017-09-02T12:00"),
        ("Leave by 6 p.m. local time on Thursday.", "2024-11-20", "2024-11-21T18:00"),
        ("It was told to close until Friday noon.", "2024-09-10", "2024-09-13T12:00"),
    ])
    func weekdaysAndClockTimes(text: String, reference: String, expected: String) {
        #expect(resolve(text, reference)?.value == expected)
    }

    @Test(arguments: [
        ("Close it by Sept. 2.", "2024-08-29", "2024-09-02"),
        ("Close it by September 2.", "2017-08-31", "2017-09-02"),
        ("Shut by Jan. 3, they said.", "2024-12-20", "2025-01-03"),
        ("The office opens starting from March 1.", "2025-02-11", "2025-03-01"),
        ("They will open on Sept. 22.", "2025-08-19", "2025-09-22"),
        ("Close by 23:59 Moscow time on October 14.", "2024-10-08", "2024-10-14T23:59"),
        ("It closed before the 5 p.m. deadline on Feb. 7.", "2025-02-08", "2025-02-07T17:00"),
    ])
    func monthDaysTakeTheClosestYear(text: String, reference: String, expected: String) {
        #expect(resolve(text, reference)?.value == expected)
    }

    @Test func fullDatesNeedNoReference() {
        let result = resolve("Vacate the house by October 31, 2024.", nil)
        #expect(result?.value == "2024-10-31")
        #expect(result?.anchor == .absolute)
        #expect(resolve("Close the office before March 31, 2024.", "2024-03-26")?.value == "2024-03-31")
        #expect(resolve("Leave by 12 March 2024.", nil)?.value == "2024-03-12")
    }

    @Test(arguments: [
        ("It will open on or before the 15th.", "2025-09-03", "2025-09-15"),
        ("It will open on or before the 2nd.", "2025-09-03", "2025-10-02"),
        ("Close it by the end of the month.", "2024-10-09", "2024-10-31"),
        ("Close it by end of month.", "2024-02-09", "2024-02-29"),
        ("Move it by the end of the year.", "2025-07-08", "2025-12-31"),
        ("Move it by year-end.", "2025-07-08", "2025-12-31"),
        ("Close it by the end of the day.", "2025-04-09", "2025-04-09"),
        ("Services are suspended effective immediately.", "2024-05-21", "2024-05-21"),
        ("Vacate the premises by the close of business.", "2025-04-09", "2025-04-09"),
        ("Close it by the end of May.", "2025-04-02", "2025-05-31"),
    ])
    func calendarAnchors(text: String, reference: String, expected: String) {
        #expect(resolve(text, reference)?.value == expected)
    }

    @Test func relativePhrasesWithoutAReferenceStayUnresolved() {
        let result = resolve("Close the consulate by Friday.", nil)
        #expect(result?.value == nil)
        #expect(result?.phrase == "by Friday")
        #expect(result?.anchor == .unresolved)
    }

    @Test func durationsAndNumbersAreNotDeadlines() {
        #expect(
            tagger.deadlines(
                in: "Services are suspended until further notice.",
                reference: CivilDate(iso: "2025-04-15")
            ).isEmpty
        )
        #expect(tagger.deadlines(in: "Cut the staff by 15 people.", reference: CivilDate(iso: "2025-04-15")).isEmpty)
        #expect(
            tagger.deadlines(in: "It reopened in 2022 after renovation.", reference: CivilDate(iso: "2025-04-15"))
                .isEmpty
        )
    }
}
