import Core
import Facts
import Testing

/// The word lists of `[grammar]`, `[words]` and `[deadlines]` are data: a user lexicon that adds a word changes what
/// is extracted, with no recompiling, and merging unites the lists.
@Suite struct LexiconWordListTests {
    /// The facts of `body` (after a headline) with the built-in lexicon and `user` merged into it.
    private func facts(_ body: String, user: String? = nil) throws -> [Fact] {
        var lexicon = Lexicon.builtin
        if let user { lexicon = lexicon.merging(try Lexicon(toml: user, origin: "user.toml")) }
        return FactExtractor(lexicon: lexicon).extract(
            text: "Headline\n\n\(body)",
            published: LocalDateTime(iso: "2025-03-05")
        ).facts
    }

    @Test func aUserSpeechVerbDatesTheReportNotTheClosure() throws {
        let body = "Chile ordered Peru to close its consulate in Arica, the minister tweeted on March 10."
        // Unknown as a verb of saying, "tweeted on March 10" reads as the closure's day.
        #expect(try facts(body).first?.deadline?.value?.iso == "2025-03-10")
        let told = try facts(body, user: "[grammar]\nspeech_verbs = [\"tweeted\"]\n")
        #expect(told.map(\.facility.key.rawValue) == ["pe:consulate:cl:arica"])
        #expect(told.first?.deadline == nil)
    }

    @Test func aUserPlaceNounPlacesTheFacility() throws {
        let body = "China closed its consulate in the prefecture of Niigata on Monday."
        #expect(try facts(body).isEmpty)
        let placed = try facts(body, user: "[grammar]\nplace_nouns = [\"prefecture\"]\n")
        #expect(placed.map(\.facility.key.rawValue) == ["cn:consulate:jp:niigata"])
        #expect(placed.first?.status == .closed)
    }

    @Test func aUserStaffWordIsWithdrawn() throws {
        let body = "Britain withdrew its contractors from its embassy in Kyiv on Monday."
        #expect(try facts(body).isEmpty)
        let withdrawn = try facts(body, user: "[words]\nstaff = [\"contractors\"]\n")
        #expect(withdrawn.map(\.facility.key.rawValue) == ["gb:embassy:ua:kyiv"])
        #expect(withdrawn.first?.status == .evacuated)
    }

    @Test func aUserDeadlineSignalMakesADeadline() throws {
        let body = "Chile ordered Peru to close its consulate in Arica not after March 10."
        #expect(try facts(body).first?.deadline == nil)
        let signalled = try facts(body, user: "[deadlines]\nby = [\"not after\"]\n")
        #expect(signalled.first?.status == .orderedClosed)
        #expect(signalled.first?.deadline?.value?.iso == "2025-03-10")
    }

    @Test func mergingUnitesTheNewLists() throws {
        let user = try Lexicon(
            toml: """
                [grammar]
                speech_verbs = ["tweeted", "said"]
                place_nouns = ["prefecture"]

                [words]
                withdrawal_verbs = ["drew"]

                [deadlines]
                by = ["not after"]
                deadline_nouns = ["cutoff"]
                """,
            origin: "user.toml"
        )
        let builtin = Lexicon.builtin
        let merged = builtin.merging(user)
        let speech = merged.wordLists[.speechVerbs] ?? []
        #expect(speech == (builtin.wordLists[.speechVerbs] ?? []) + ["tweeted"])
        #expect(merged.wordLists[.placeNouns]?.suffix(1) == ["prefecture"])
        #expect(merged.wordLists[.placeNouns]?.contains("province") == true)
        #expect(merged.wordLists[.withdrawalVerbs]?.contains("drew") == true)
        #expect(merged.wordLists[.withdrawalVerbs]?.contains("withdrew") == true)
        #expect(merged.deadlines.by == builtin.deadlines.by + ["not after"])
        #expect(merged.deadlines.within == builtin.deadlines.within)
        #expect(merged.wordLists[.deadlineNouns] == ["deadline", "ultimatum", "cutoff"])
        #expect(merged.wordLists[.clauseBreaks] == builtin.wordLists[.clauseBreaks])
    }

    @Test func everyListHasItsTableAndBuiltInWords() {
        for list in WordList.allCases {
            #expect(["grammar", "words", "deadlines"].contains(list.table))
            #expect(!(Lexicon.builtin.wordLists[list] ?? []).isEmpty, "\(list.table).\(list.key) is empty")
        }
        #expect(WordList.speechVerbs.key == "speech_verbs")
        #expect(WordList.allCases.count <= 64, "a WordListTable word holds 64 lists")
    }

    @Test func aListEntryIsOneWordAndAMisspeltKeyIsNamed() {
        #expect {
            try Lexicon(toml: "[grammar]\nplace_nouns = [\"county\", \"border town\"]\n", origin: "u.toml")
        } throws: { error in
            (error as? LexiconError).map { $0.code == .invalidValue && $0.key == "grammar.place_nouns[1]" } ?? false
        }
        #expect {
            try Lexicon(toml: "[deadlines]\nwithin = [\"inside\"]\nreported_event = [\"memo\"]\n", origin: "u.toml")
        } throws: { error in
            guard let error = error as? LexiconError else { return false }
            return error.key == "deadlines.reported_event" && error.message.contains("did you mean \"reported_events\"")
        }
        #expect {
            try Lexicon(toml: "[grammer]\nspeech_verbs = [\"tweeted\"]\n", origin: "u.toml")
        } throws: { error in
            (error as? LexiconError).map { $0.key == "grammer" && $0.message.contains("\"grammar\"") } ?? false
        }
    }
}
