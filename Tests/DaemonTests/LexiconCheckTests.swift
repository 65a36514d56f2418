import Core
import Daemon
import Facts
import Foundation
import TestSupport
import Testing

/// `check-config` reaches the lexicon: a user lexicon that parses but is wrong is reported with its lines.
@Suite struct LexiconCheckTests {
    private func load(lexicon: String) async throws -> Result<Lexicon, ConfigurationError> {
        try await TemporaryDirectory.with { directory in
            try "lexicon = \"extra.toml\"\n".write(
                toFile: directory.file("factwatch.toml"),
                atomically: true,
                encoding: .utf8
            )
            try lexicon.write(toFile: directory.file("extra.toml"), atomically: true, encoding: .utf8)
            return Result { () throws(ConfigurationError) -> Lexicon in
                try Configuration.load(path: directory.file("factwatch.toml"), environment: [:]).loadLexicon()
            }
        }
    }

    @Test func aUserKindIsMergedAndUsable() async throws {
        let result = try await load(
            lexicon: """
                [kinds.border_crossing]
                label = "Border crossing"
                triggers = ["border crossing", "border post"]
                """
        )
        let lexicon = try result.get()
        #expect(lexicon.kinds.contains { $0.name.rawValue == "border_crossing" })
        let extractor = FactExtractor(lexicon: lexicon)
        let facts = extractor.extract(
            text: "Headline\n\nPeru closed its border post in Desaguadero on Monday.",
            published: nil
        ).facts
        #expect(facts.map(\.facility.key.rawValue) == ["pe:border_crossing:xx:desaguadero"])
    }

    @Test func aMisspeltStatusAndAPhraseOfTwoKindsAreReportedWithTheirLines() async throws {
        let result = try await load(
            lexicon: """
                # extra cues
                [cues.padlock]
                frame = "facility"
                verbs = ["padlock"]
                done = "closd"

                [kinds.annex]
                triggers = ["consulate"]
                """
        )
        guard case .failure(let error) = result else {
            Issue.record("a misspelt status must fail the check")
            return
        }
        #expect(error.path.hasSuffix("extra.toml"))
        let lines = Set(error.issues.map { "\($0.line ?? 0) \($0.key)" })
        #expect(lines == ["5 cues.padlock.done", "8 kinds.annex.triggers"])
        #expect(error.issues.contains { $0.message.contains("did you mean \"closed\"") })
    }

    @Test func aFormatErrorNamesItsKeyAndLine() async throws {
        let result = try await load(lexicon: "[cues.pry]\nframe = \"object\"\nverbs = [\"pry\"]\ndone = \"seized\"\n")
        guard case .failure(let error) = result else {
            Issue.record("an unknown frame must fail the check")
            return
        }
        #expect(error.issues.first?.line == 2)
        #expect(error.issues.first?.key == "cues.pry.frame")
    }

    @Test func aMisspeltKeyInANewTableIsReportedWithItsLine() async throws {
        let result = try await load(
            lexicon: """
                # words our feeds use
                [grammar]
                place_nouns = ["prefecture"]
                speach_verbs = ["tweeted"]
                """
        )
        guard case .failure(let error) = result else {
            Issue.record("a misspelt key must fail the check")
            return
        }
        #expect(error.issues.map(\.key) == ["grammar.speach_verbs"])
        #expect(error.issues.first?.line == 4)
        #expect(error.issues.first?.message.contains("did you mean \"speech_verbs\"") == true)
    }

    @Test func aPhraseInASingleWordListIsReportedWithItsLine() async throws {
        let result = try await load(
            lexicon: """
                [deadlines]
                by = ["not after"]

                reported_events = ["press release"]
                """
        )
        guard case .failure(let error) = result else {
            Issue.record("two words in a single-word list must fail the check")
            return
        }
        #expect(error.issues.first?.key == "deadlines.reported_events[0]")
        #expect(error.issues.first?.line == 4)
    }

    @Test func theBuiltInLexiconValidates() {
        #expect(Lexicon.builtin.validate().isEmpty)
    }
}
