public import Core
public import Facts
import Foundation

/// `factwatch extract --cases FILE.jsonl`: facts and time expressions for a batch of texts, one JSON line in, one
/// JSON line out, in one process (the form evaluation sets and bulk checks use).
///
/// Input lines are `{"id", "text", "published"}` (`published` is `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or null). Output
/// lines are `{"id", "facts": [...], "rejected": [...], "timex": [...]}`: facts (one claim per facility) with flat keys
/// (`kind`, `city`, `status`, `deadline`, `operator`, `country`, ...) and the `support` they were resolved from
/// (`status`, `place`, `sentence`, `span` of each mention), and every time expression with Unicode scalar offsets into
/// `text`, its TIMEX3 `type` and `value`. A line that cannot be read gives `{"id", "error"}` and the run goes on.
public struct CaseExtraction: Sendable {
    /// One input line.
    public struct Case: Decodable, Sendable {
        public var id: String
        public var text: String
        public var published: String?
    }

    /// A fact as one flat object, the shape evaluation scorers read.
    public struct FlatFact: Encodable, Sendable {
        var key: String
        var facility: String
        var kind: String
        var `operator`: String?
        var country: String?
        var city: String?
        var status: String
        var deadline: String?
        var deadlineText: String?
        var deadlineAnchor: String?
        var staff: Int?
        var staffLimit: Int?
        var relocatedTo: String?
        var polarity: String
        var confidence: Double
        var sentence: String
        var span: TextSpan
        /// The mentions the claim was resolved from (absent for rejected candidates).
        var support: [Support]?

        enum CodingKeys: String, CodingKey {
            case key, facility, kind, `operator`, country, city, status, deadline, staff, polarity, confidence
            case sentence, span, support
            case deadlineText = "deadline_text"
            case deadlineAnchor = "deadline_anchor"
            case staffLimit = "staff_limit"
            case relocatedTo = "relocated_to"
        }

        init(_ fact: Fact) {
            key = fact.facility.key.rawValue
            facility = fact.facility.name
            kind = fact.facility.kind.rawValue
            self.operator = fact.facility.operatorCountry?.rawValue
            country = fact.facility.hostCountry?.rawValue
            city = fact.facility.city
            status = fact.status.rawValue
            deadline = fact.deadline?.value?.iso
            deadlineText = fact.deadline?.phrase
            deadlineAnchor = fact.deadline?.anchor.rawValue
            staff = fact.staff
            staffLimit = fact.staffLimit
            relocatedTo = fact.relocatedTo
            polarity = fact.modality.rawValue
            confidence = (fact.confidence * 100).rounded() / 100
            sentence = fact.evidence.sentence
            span = fact.evidence.span
            support = fact.support.isEmpty ? nil : fact.support
        }
    }

    /// One output line.
    public struct Result: Encodable, Sendable {
        public var id: String
        var facts: [FlatFact]?
        var rejected: [FlatFact]?
        var timex: [Timex]?
        var error: String?
    }

    public let facts: FactExtractor

    public init(facts: FactExtractor) {
        self.facts = facts
    }

    /// The result for one case. The time expressions are the tags fact extraction read the deadlines from, resolved
    /// against the same reference date as the facts: the case's publication date, else the newest full date its text
    /// states.
    public func run(_ item: Case) -> Result {
        var published: LocalDateTime?
        if let text = item.published, !text.isEmpty {
            guard let parsed = LocalDateTime(iso: text) else {
                return Result(
                    id: item.id,
                    error: "published \"\(text)\" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM"
                )
            }
            published = parsed
        }
        let extraction = facts.extract(text: item.text, published: published, tagsTimex: true)
        return Result(
            id: item.id,
            facts: extraction.facts.map(FlatFact.init),
            rejected: extraction.rejected.map(FlatFact.init),
            timex: extraction.timex
        )
    }

    /// Reads JSON lines from `input` and hands each output line to `emit`; returns how many lines failed.
    public func run(lines input: some Sequence<Substring>, emit: (String) -> Void) -> Int {
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var failures = 0
        for (number, line) in input.enumerated() where !line.allSatisfy(\.isWhitespace) {
            var result: Result
            do {
                result = run(try decoder.decode(Case.self, from: Data(line.utf8)))
            } catch {
                result = Result(
                    id: "line \(number + 1)",
                    error: "not a case object {\"id\", \"text\", \"published\"}: \(error)"
                )
            }
            if result.error != nil { failures += 1 }
            let data = (try? encoder.encode(result)) ?? Data("{\"error\": \"unencodable\"}".utf8)
            emit(String(decoding: data, as: UTF8.self))
        }
        return failures
    }

    /// Runs over a JSON-lines file (`-` reads standard input); returns how many lines failed.
    public static func run(file: String, facts: FactExtractor, emit: (String) -> Void) throws -> Int {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CaseExtractionError(
                    path: file,
                    message: "cannot read the cases file: \(error.localizedDescription)"
                )
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        return CaseExtraction(facts: facts).run(lines: text.split(separator: "\n"), emit: emit)
    }
}

/// A cases file that cannot be read at all (one bad line is reported in the output instead).
public struct CaseExtractionError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}
