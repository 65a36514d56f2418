import Core
import Facts
import Testing

@Suite struct LexiconTests {
    @Test func builtinHasTheStandardKindsAndStatuses() {
        let lexicon = Lexicon.builtin
        let kinds = Set(lexicon.kinds.map(\.name))
        for kind in [
            FacilityKind.embassy, .consulate, .annex, .tradeOffice, .residence, .compound, .interestsSection,
            .liaisonOffice, .visaCenter,
        ] {
            #expect(kinds.contains(kind), "missing kind \(kind)")
        }
        let statuses = Set(lexicon.cues.flatMap { [$0.done, $0.ordered] + ($0.temporary.map { [$0] } ?? []) })
        for status in [
            Status.orderedClosed, .closed, .suspended, .evacuated, .relocated, .reopened, .opened, .seized, .staffCut,
            .restored,
        ] {
            #expect(statuses.contains(status), "no cue asserts \(status)")
        }
        let embassy = lexicon.kinds.first { $0.name == .embassy }
        #expect(embassy?.triggers.contains("high commission") == true)
        #expect(embassy?.inCapital == true)
    }

    @Test func regularVerbsAreInflected() throws {
        let lexicon = try Lexicon(
            toml: """
                [cues.shutter]
                frame = "facility"
                verbs = ["shutter", "stop, stops, stopped, stopping"]
                done = "closed"
                """,
            origin: "user.toml"
        )
        let forms = lexicon.cues[0].verbs
        #expect(
            forms[0] == Lexicon.VerbForms(base: "shutter", third: "shutters", past: "shuttered", gerund: "shuttering")
        )
        #expect(forms[1].past == "stopped")
        #expect(lexicon.cues[0].ordered == .closed)
    }

    @Test func syntaxErrorsKeepTheirLine() {
        #expect {
            try Lexicon(
                toml: "[kinds.plant]\ntriggers = [\"plant\"\nlabel = \"Plant\"\n",
                origin: "config/lexicon.toml"
            )
        } throws: { error in
            guard let error = error as? LexiconError else { return false }
            return error.code == .syntax && error.line != nil && error.description.hasPrefix("config/lexicon.toml:")
        }
    }

    @Test func errorsNameTheKeyAndWhatIsAllowed() {
        #expect {
            try Lexicon(
                toml: "[cues.x]\nframe = \"object\"\nverbs = [\"close\"]\ndone = \"closed\"\n",
                origin: "u.toml"
            )
        } throws: { error in
            guard let error = error as? LexiconError else { return false }
            return error.code == .invalidValue && error.key == "cues.x.frame"
                && error.message.contains("facility, services, staff, relocation")
        }
        #expect {
            try Lexicon(toml: "[kinds.plant]\nlabel = \"Plant\"\n", origin: "u.toml")
        } throws: { error in
            (error as? LexiconError).map { $0.code == .missingKey && $0.key == "kinds.plant.triggers" } ?? false
        }
        #expect {
            try Lexicon(toml: "[kinds.plant]\ntriggers = \"plant\"\n", origin: "u.toml")
        } throws: { error in
            (error as? LexiconError).map { $0.code == .wrongType && $0.key == "kinds.plant.triggers" } ?? false
        }
        #expect {
            try Lexicon(toml: "[kinds.Plant]\ntriggers = [\"plant\"]\n", origin: "u.toml")
        } throws: { error in
            (error as? LexiconError)?.code == .invalidValue
        }
        #expect {
            try Lexicon(toml: "[colours]\nred = 1\n", origin: "u.toml")
        } throws: { error in
            (error as? LexiconError).map { $0.key == "colours" } ?? false
        }
    }

    @Test func mergingAddsKindsAndPhrases() throws {
        let user = try Lexicon(
            toml: """
                [kinds.border_crossing]
                label = "Border crossing"
                triggers = ["border crossing", "border post"]

                [kinds.embassy]
                triggers = ["people's bureau"]

                [mood]
                hedge = ["mulled over"]
                """,
            origin: "config/lexicon.toml"
        )
        let merged = Lexicon.builtin.merging(user)
        #expect(
            merged.kinds.contains {
                $0.name == "border_crossing" && $0.plurals == ["border crossings", "border posts"]
            }
        )
        let embassy = merged.kinds.first { $0.name == .embassy }
        #expect(embassy?.triggers.contains("people's bureau") == true)
        #expect(embassy?.triggers.contains("embassy") == true)
        #expect(merged.mood.hedge.contains("mulled over"))
        #expect(merged.mood.hedge.contains("could"))
        #expect(merged.cues.count == Lexicon.builtin.cues.count)
    }

    @Test func aUserKindIsExtracted() throws {
        let user = try Lexicon(
            toml: "[kinds.border_crossing]\nlabel = \"Border crossing\"\ntriggers = [\"border crossing\"]\n",
            origin: "config/lexicon.toml"
        )
        let extractor = FactExtractor(lexicon: Lexicon.builtin.merging(user))
        let article = Article(
            url: "https://example.com/a",
            title: nil,
            paragraphs: ["Poland closed its border crossing in Terespol on Monday."],
            published: LocalDateTime(iso: "2025-03-05")
        )
        let facts = extractor.extract(from: article).facts
        #expect(facts.map(\.facility.kind) == ["border_crossing"])
        #expect(facts.first?.status == .closed)
    }
}
