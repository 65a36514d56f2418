import Core
import Facts
import Testing

@Suite struct DeadlineReaderTests {
    let tagger = DeadlineReader()

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
        // A weekday equal to the reference date's is that day.
        ("They must leave by Tuesday.", "2024-08-13", "2024-08-13"),
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

    @Test func aDeadlineNamedByItsDay() {
        #expect(resolve("The staff left hours before Friday's deadline.", "2025-02-05")?.value == "2025-02-07")
        #expect(
            resolve("The staff left hours before Friday's deadline.", "2025-02-05")?.phrase
                == "before Friday's deadline"
        )
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

    // MARK: - Weekdays against the publication date

    @Test(arguments: [
        // Written on a Thursday: the same Thursday, the next Friday.
        ("The consulate will close on Thursday.", "2023-11-30", "2023-11-30"),
        ("The markets stay shut until Friday.", "2023-11-30", "2023-12-01"),
        ("The mission would reopen on Monday.", "2023-11-30", "2023-12-04"),
        ("The office is set to reopen Tuesday.", "2023-11-30", "2023-12-05"),
        ("The embassy will be closed on Sunday and Monday.", "2013-08-03", "2013-08-04"),
        // A past-tense clause names the last such day.
        ("The consulate closed on Monday.", "2023-11-30", "2023-11-27"),
    ])
    func weekdaysFollowTheClause(text: String, reference: String, expected: String) {
        #expect(tagger.deadlines(in: text, reference: CivilDate(iso: reference)).first?.value?.iso == expected)
    }

    // MARK: - Periods counted from the order

    @Test(arguments: [
        // The sentence dates the order: the period runs from that day.
        (
            "The ministry issued a note early Monday saying the mission must close within 48 hours.", "2024-05-08",
            "2024-05-08"
        ),
        (
            "The envoy received the notice on Tuesday and the office was given 10 days to shut.", "2024-05-08",
            "2024-05-17"
        ),
        ("On March 3 the government ordered the annex vacated within two weeks.", "2024-03-06", "2024-03-17"),
        // No day in the sentence, or a day ahead of the story: from the reference date.
        ("The mission must close within 48 hours.", "2024-05-08", "2024-05-10"),
        ("Talks will resume on Friday and staff must leave within 48 hours.", "2024-05-08", "2024-05-10"),
    ])
    func periodsCountFromTheOrdersDay(text: String, reference: String, expected: String) {
        let deadlines = tagger.deadlines(in: text, reference: CivilDate(iso: reference))
        #expect(deadlines.last?.value?.iso == expected)
    }

    // MARK: - Ranges, signals, clock times

    @Test func aRangeTakesEffectOnItsFirstDayWithTheYearWrittenAtItsEnd() {
        let deadlines = tagger.deadlines(
            in: "The offices will be closed from Monday, July 7 through Saturday, July 12, 2025.",
            reference: nil
        )
        #expect(deadlines.map { $0.value?.iso } == ["2025-07-07"])
        #expect(deadlines.first?.anchor == .absolute)
        let winter = tagger.deadlines(in: "Visa desks shut from December 29 to January 2, 2026.", reference: nil)
        #expect(winter.first?.value?.iso == "2025-12-29")
        let short = tagger.deadlines(in: "The mission closes from May 6-7.", reference: CivilDate(iso: "2025-05-02"))
        #expect(short.first?.value?.iso == "2025-05-06")
    }

    @Test(arguments: [
        ("The consulate will resume work on or around March 12.", "2025-03-01", "2025-03-12"),
        ("The license is revoked as of September 1.", "2025-06-20", "2025-09-01"),
        ("The office closes effective September 1.", "2025-06-20", "2025-09-01"),
        ("The mission must be vacated by 1 March 2026.", "2025-12-01", "2026-03-01"),
        ("Staff must be gone prior to April 30.", "2025-04-02", "2025-04-30"),
        ("The posts will be closed between August 4 and August 10.", "2025-08-01", "2025-08-04"),
        ("The office will close commencing June 1.", "2025-05-20", "2025-06-01"),
        ("The consulate must close in 72 hours.", "2025-05-20", "2025-05-23"),
        ("The ministry set a deadline of 48 hours for the closure.", "2025-05-20", "2025-05-22"),
    ])
    func signalWords(text: String, reference: String, expected: String) {
        #expect(resolve(text, reference)?.value == expected)
    }

    @Test func aDatetimeKeepsTheTimeTheTextGives() {
        #expect(
            resolve("The embassy is set to reopen Wednesday at 7:30pm local time.", "2025-06-11")?.value
                == "2025-06-11T19:30"
        )
        #expect(resolve("Leave by midnight on Sunday.", "2025-06-11")?.value == "2025-06-15T23:59")
    }

    @Test func theDayOfAReportedEventIsNotADeadline() {
        let reference = CivilDate(iso: "2024-07-10")
        let text = "Staff were told to leave the country following the ministry's announcement on Friday."
        #expect(tagger.deadlines(in: text, reference: reference).isEmpty)
        #expect(tagger.deadlines(in: "The envoy was handed a note Monday.", reference: reference).isEmpty)
    }

    @Test func aPeriodThatIsNotADeadlineIsLeftAlone() {
        let reference = CivilDate(iso: "2025-04-15")
        #expect(tagger.deadlines(in: "Britain extended the closure by two days.", reference: reference).isEmpty)
        #expect(tagger.deadlines(in: "The embassy stayed shut for 48 hours.", reference: reference).isEmpty)
        #expect(tagger.deadlines(in: "It should reopen within weeks.", reference: reference).isEmpty)
        #expect(tagger.deadlines(in: "It reopened for the first time in 30 years.", reference: reference).isEmpty)
    }

    // MARK: - A text with no publication date

    @Test func withoutAPublicationDateTheNewestDateTheTextWritesAnchors() {
        let text = """
            Estonia orders Russian consulate in Narva closed

            TALLINN, March 12, 2024 - Estonia ordered Russia to close its consulate in Narva within a week. \
            The consular staff must leave Estonia by March 31, 2024.
            """
        let extraction = FactExtractor().extract(text: text, published: nil)
        // "by March 31, 2024" is a deadline, ahead of the story: it does not date it.
        #expect(extraction.reference == CivilDate(iso: "2024-03-12"))
        let fact = extraction.facts.first { $0.status == .orderedClosed }
        #expect(fact?.deadline?.value?.iso == "2024-03-19")
        #expect(fact?.deadline?.anchor == .textDate)
    }

    @Test func aScheduleIsNotTheDateOfAStoryWithNoPublicationDate() {
        let text = """
            Embassy to close for a week

            AMMAN, June 2, 2025 - The embassy in Amman will be closed from June 9 through June 12, 2025.
            """
        let extraction = FactExtractor().extract(text: text, published: nil)
        #expect(extraction.reference == CivilDate(iso: "2025-06-02"))
        #expect(extraction.facts.first?.deadline?.value?.iso == "2025-06-09")
    }
}
