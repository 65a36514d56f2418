import Core
import Facts
import Testing

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    @Test func keepsAbbreviationsInsideSentences() {
        let text =
            "The U.S. Embassy in Washington, D.C. and the consulate will close by Sept. 2, Gen. Ortiz said. "
            + "Mr. J. K. Lee, a 3.5-year veteran, agreed."
        let sentences = splitter.split(text).map(\.text)
        #expect(
            sentences == [
                "The U.S. Embassy in Washington, D.C. and the consulate will close by Sept. 2, Gen. Ortiz said.",
                "Mr. J. K. Lee, a 3.5-year veteran, agreed.",
            ]
        )
    }

    @Test func endsAtAnAbbreviationBeforeASentenceOpener() {
        let sentences = splitter.split("The order came from the U.S. The ministry protested.").map(\.text)
        #expect(sentences == ["The order came from the U.S.", "The ministry protested."])
    }

    @Test func closingQuoteBelongsToItsSentence() {
        let text =
            "\"We did not start this.\" The ministry said it would respond. \"Every act will be answered,\" he said."
        let sentences = splitter.split(text).map(\.text)
        #expect(
            sentences == [
                "\"We did not start this.\"", "The ministry said it would respond.",
                "\"Every act will be answered,\" he said.",
            ]
        )
    }

    @Test func paragraphsAlwaysEndSentences() {
        let sentences = splitter.split("Consulate shut in Houston\n\nHOUSTON - Movers arrived early").map(\.text)
        #expect(sentences == ["Consulate shut in Houston", "HOUSTON - Movers arrived early"])
    }

    @Test func spansIndexTheTextInUnicodeScalars() {
        let text = "Le consulat à Kraków a fermé. Côte d’Ivoire’s embassy reopened… Then it closed again."
        let sentences = splitter.split(text)
        #expect(sentences.count == 3)
        let scalars = Array(text.unicodeScalars)
        for sentence in sentences {
            let slice = String(String.UnicodeScalarView(scalars[sentence.span.start..<sentence.span.end]))
            #expect(slice == sentence.text)
        }
    }

    @Test func numberAbbreviationsAndCaptionCreditsDoNotEndSentencesEarly() {
        let text =
            "No. 10 said the embassy in Washington, D.C. would close by Sept. 2. The ministry agreed.\n\n"
            + "FILE PHOTO: The consulate in Houston, Texas, U.S. July 22, 2020. REUTERS/Staff"
        let sentences = splitter.split(text).map(\.text)
        #expect(
            sentences == [
                "No. 10 said the embassy in Washington, D.C. would close by Sept. 2.", "The ministry agreed.",
                "FILE PHOTO: The consulate in Houston, Texas, U.S. July 22, 2020.", "REUTERS/Staff",
            ]
        )
    }
}
