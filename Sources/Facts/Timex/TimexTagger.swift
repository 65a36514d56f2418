public import Core

/// Finds every time expression in a text and normalises it to a TimeML TIMEX3 type and value, against the document's
/// date and the tense of each expression's clause.
///
/// This is factwatch's one reader of time. Fact extraction tags each sentence once with
/// ``matches(_:in:words:)`` while it annotates an article; the deadline layer (``DeadlineReader``) reads deadlines
/// from those matches, and ``resolve(_:tokens:scalars:reference:)`` turns the same matches into the TIMEX3 values
/// `factwatch extract --cases` prints, so the values scored on MEANTIME are the ones deadlines are made of.
public struct TimexTagger: Sendable {
    public init() {}

    /// The time expressions of `text`, left to right, not overlapping; offsets are Unicode scalar offsets.
    ///
    /// - Parameter reference: the document's date (its publication date); `nil` leaves years and relative dates
    ///   unknown (`XXXX`).
    public func tag(_ text: String, reference: CivilDate?) -> [Timex] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let matches = SentenceSplitter().ranges(of: tokens).flatMap { Self.matches(tokens, in: $0) }
        return Self.resolve(matches, tokens: tokens, scalars: scalars, reference: reference)
    }

    /// The expressions of one sentence, left to right, not overlapping, before any reference date is applied.
    ///
    /// - Parameter words: the start and anchor words by vocabulary id, when the tokens carry ids (fact extraction).
    static func matches(_ tokens: [Token], in sentence: Range<Int>, words: TimexWords.Table? = nil) -> [TimexMatch] {
        let grammar = TimexGrammar(tokens: tokens, range: sentence, words: words)
        var result: [TimexMatch] = []
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            guard TimexWords.canStart(tokens, at: index, limit: sentence.upperBound, words),
                let (end, spec) = grammar.match(at: index), end > index
            else {
                index += 1
                continue
            }
            let direction =
                spec.readsDirection
                ? ClauseTense.direction(of: index..<end, in: sentence, tokens: tokens, words: words) : .unknown
            result.append(TimexMatch(range: index..<end, spec: spec, direction: direction))
            index = end
        }
        shareRangeYears(&result, tokens)
        return result
    }

    /// The words that join the two ends of a range of dates.
    static let rangeConnectors: Set<String> = ["through", "thru", "to", "until", "till", "-", "\u{2013}", "\u{2014}"]

    /// "Monday, August 5 through Saturday, August 10, 2013": the year written at the end of a range is its start's
    /// year too (the year before when the start's month and day come later in the year: "December 28 to January 3,
    /// 2014").
    static func shareRangeYears(_ matches: inout [TimexMatch], _ tokens: [Token]) {
        guard matches.count > 1 else { return }
        for index in 1..<matches.count {
            let start = matches[index - 1]
            guard case .monthDay(let month, let day) = start.spec,
                matches[index].range.lowerBound == start.range.upperBound + 1,
                rangeConnectors.contains(tokens[start.range.upperBound].key),
                let end = matches[index].explicitDate
            else { continue }
            let year = month * 100 + day > end.month * 100 + end.day ? end.year - 1 : end.year
            matches[index - 1].spec = .date(year: year, month: month, day: day)
        }
    }

    /// The TIMEX3 tags of an article's matches, resolved against `reference` in text order: "the same day" and a
    /// clock time with no date take the latest full date the text named.
    static func resolve(
        _ matches: [TimexMatch],
        tokens: [Token],
        scalars: [Unicode.Scalar],
        reference: CivilDate?
    ) -> [Timex] {
        var result: [Timex] = []
        result.reserveCapacity(matches.count)
        var lastDay: String?
        for match in matches {
            var value = TimexResolver.value(match.spec, reference: reference, direction: match.direction)
            var spec = match.spec
            if case .end(let period) = spec { spec = period }
            switch spec {
            case .sameDay:
                guard let lastDay else { continue }
                value = lastDay
            case .clock(_, _, nil):
                // "The index closed at 18:00 UTC" after "on Tuesday": the time is on the day last named.
                if let lastDay, let clock = value.firstIndex(of: "T") { value = lastDay + value[clock...] }
            default:
                break
            }
            if spec.type == .date, value.count == 10, value.first?.isNumber == true { lastDay = value }
            let start = tokens[match.range.lowerBound].start
            let stop = tokens[match.range.upperBound - 1].end
            result.append(
                Timex(
                    start: start,
                    end: stop,
                    text: Tokenizer.string(scalars, start, stop),
                    type: match.spec.type,
                    value: value
                )
            )
        }
        return result
    }
}
