import Core
import Facts
import Testing

/// TIMEX3 values on sentences written for these tests, against a fixed document date (Thursday 2008-09-18).
@Suite struct TimexTaggerTests {
    let tagger = TimexTagger()
    let reference = CivilDate(iso: "2008-09-18")

    private func tag(_ text: String) -> [String] {
        tagger.tag(text, reference: reference).map { "\($0.text)|\($0.type.rawValue)|\($0.value)" }
    }

    @Test(arguments: [
        ("The company said on Monday it had agreed.", "Monday|DATE|2008-09-15"),
        ("The markets will remain closed until Friday.", "Friday|DATE|2008-09-19"),
        ("Talks will resume on Tuesday.", "Tuesday|DATE|2008-09-23"),
        ("The deal was signed on April 3.", "April 3|DATE|2008-04-03"),
        ("The plant will open on October 12.", "October 12|DATE|2008-10-12"),
        ("Sales fell in February.", "February|DATE|2008-02"),
        ("The contract was awarded on October 9, 2002.", "October 9, 2002|DATE|2002-10-09"),
        ("It was founded in 1989.", "1989|DATE|1989"),
        ("Prices rose today.", "today|DATE|2008-09-18"),
        ("Shares fell yesterday.", "yesterday|DATE|2008-09-17"),
        ("Output fell last week.", "last week|DATE|2008-W37"),
        ("Profits rose last year.", "last year|DATE|2007"),
        ("It expects growth next month.", "next month|DATE|2008-10"),
        ("Revenue rose in the first quarter of 2009.", "the first quarter of 2009|DATE|2009-Q1"),
        ("It opened a week ago.", "a week ago|DATE|2008-09-11"),
        ("Sales are weak in the spring.", "the spring|DATE|2008-SP"),
    ])
    func dates(text: String, expected: String) {
        #expect(tag(text) == [expected])
    }

    @Test(arguments: [
        ("She has worked there for 33 years.", "33 years|DURATION|P33Y"),
        ("They must leave within 72 hours.", "72 hours|DURATION|PT72H"),
        ("It signed a fifty-year lease.", "fifty-year|DURATION|P50Y"),
        ("Prices rose for several years.", "several years|DURATION|PXY"),
        ("It lasted almost two and a half years.", "almost two and a half years|DURATION|P2.5Y"),
        ("The past nine days were calm.", "The past nine days|DURATION|P9D"),
    ])
    func durations(text: String, expected: String) {
        #expect(tag(text) == [expected])
    }

    @Test func timesSetsAndReferences() {
        #expect(tag("The index closed at 16:08 UTC.") == ["16:08 UTC|TIME|2008-09-18T16:08Z"])
        #expect(tag("They met on Friday morning.") == ["Friday morning|TIME|2008-09-12TMO"])
        #expect(tag("The magazine appears weekly.") == ["weekly|SET|P1W"])
        #expect(tag("It delivers 15 a year.") == ["a year|SET|P1Y"])
        #expect(tag("The firm is currently profitable.") == ["currently|DATE|PRESENT_REF"])
        #expect(tag("It has recently grown.") == ["recently|DATE|PAST_REF"])
    }

    @Test func theSameDayAndABareClockTimeTakeTheDayLastNamed() {
        #expect(
            tag("The jet flew on Tuesday. It landed at 18:00 UTC and returned the same day.") == [
                "Tuesday|DATE|2008-09-16", "18:00 UTC|TIME|2008-09-16T18:00Z", "the same day|DATE|2008-09-16",
            ]
        )
        #expect(tag("Shares rose on the day.").isEmpty)
    }

    @Test func aFutureWeekdayCanBeTheDocumentsOwnDay() {
        #expect(tag("The board will vote on Thursday.") == ["Thursday|DATE|2008-09-18"])
        #expect(tag("The board will vote next Thursday.") == ["next Thursday|DATE|2008-09-25"])
        #expect(tag("The board voted last Thursday.") == ["last Thursday|DATE|2008-09-11"])
        #expect(tag("A second consecutive day of losses.").isEmpty)
    }

    @Test func wordsThatOnlyLookLikeTimesAreLeftAlone() {
        #expect(tag("Ministers may meet again.").isEmpty)
        #expect(tag("Protesters march to the square.").isEmpty)
        #expect(tag("The company employs 2008 people.").isEmpty)
        #expect(tag("It costs $ 1999.").isEmpty)
    }

    @Test func withoutAReferenceYearsStayUnknown() {
        let result = tagger.tag("The consulate reopened on April 3.", reference: nil)
        #expect(result.map(\.value) == ["XXXX-04-03"])
    }

    @Test func offsetsAreUnicodeScalarOffsets() {
        let text = "Côte d’Ivoire’s consulate closed on Monday."
        let timex = tagger.tag(text, reference: reference)
        let scalars = Array(text.unicodeScalars)
        #expect(timex.count == 1)
        if let first = timex.first {
            #expect(String(String.UnicodeScalarView(scalars[first.start..<first.end])) == "Monday")
        }
    }

    /// The tags deadlines are read from: the ends of periods, days of the month, days a future clause points to.
    @Test(arguments: [
        ("Prices will be reviewed at the end of the month.", "the end of the month|DATE|2008-09"),
        ("The plant closes at year-end.", "year-end|DATE|2008"),
        ("Bills are due on or before the 25th.", "the 25th|DATE|2008-09-25"),
        ("Trading will be halted on Sunday.", "Sunday|DATE|2008-09-21"),
        ("Pay no later than Friday.", "Friday|DATE|2008-09-19"),
    ])
    func tagsDeadlinesAreReadFrom(text: String, expected: String) {
        #expect(tag(text) == [expected])
    }

    @Test func aRangeSharesTheYearWrittenAtItsEnd() {
        #expect(
            tag("Stores shut from December 29 to January 2, 2009.") == [
                "December 29|DATE|2008-12-29", "January 2, 2009|DATE|2009-01-02",
            ]
        )
    }

    @Test func factExtractionReportsTheTagsItReadDeadlinesFrom() {
        let text = "Ministry orders consulate shut\n\nThe ministry on Tuesday ordered the consulate closed by Friday."
        let published = LocalDateTime(iso: "2008-09-18")
        let extraction = FactExtractor().extract(text: text, published: published, tagsTimex: true)
        #expect(extraction.timex == tagger.tag(text, reference: reference))
        #expect(extraction.timex.map(\.value) == ["2008-09-16", "2008-09-19"])
        #expect(FactExtractor().extract(text: text, published: published).timex.isEmpty)
    }
}
