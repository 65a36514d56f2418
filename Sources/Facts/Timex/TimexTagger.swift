public import Core

/// Finds every time expression in a text and normalises it to a TimeML TIMEX3 type and value, against the document's
/// date and the tense of each expression's clause.
///
/// This is the general reader of time in a text (dates, times, durations, recurrences, references to the present);
/// deadlines of facts are read by the same tokens with a narrower grammar (``TemporalTagger``).
public struct TimexTagger: Sendable {
    public init() {}

    /// The time expressions of `text`, left to right, not overlapping; offsets are Unicode scalar offsets.
    ///
    /// - Parameter reference: the document's date (its publication date); `nil` leaves years and relative dates
    ///   unknown (`XXXX`).
    public func tag(_ text: String, reference: CivilDate?) -> [Timex] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let sentences = SentenceSplitter().ranges(of: tokens)
        var result: [Timex] = []
        var lastDay: String?
        for sentence in sentences {
            result += tag(tokens, sentence: sentence, scalars: scalars, reference: reference, lastDay: &lastDay)
        }
        return result
    }

    /// - Parameter lastDay: the latest full date the text named, for "the same day" and a clock time with no date.
    func tag(
        _ tokens: [Token],
        sentence: Range<Int>,
        scalars: [Unicode.Scalar],
        reference: CivilDate?,
        lastDay: inout String?
    ) -> [Timex] {
        let grammar = TimexGrammar(tokens: tokens, range: sentence)
        var result: [Timex] = []
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            guard let (end, spec) = grammar.match(at: index), end > index else {
                index += 1
                continue
            }
            let direction = ClauseTense.direction(of: index..<end, in: sentence, tokens: tokens)
            let start = tokens[index].start
            let stop = tokens[end - 1].end
            var value = TimexResolver.value(spec, reference: reference, direction: direction)
            switch spec {
            case .sameDay:
                guard let lastDay else {
                    index = end
                    continue
                }
                value = lastDay
            case .clock(_, _, nil):
                // "The index closed at 18:00 UTC" after "on Tuesday": the time is on the day last named.
                if let lastDay, let clock = value.firstIndex(of: "T") { value = lastDay + value[clock...] }
            default:
                break
            }
            if spec.type == .date, value.count == 10, value.first?.isNumber == true { lastDay = value }
            result.append(
                Timex(
                    start: start,
                    end: stop,
                    text: String(String.UnicodeScalarView(scalars[start..<stop])),
                    type: spec.type,
                    value: value
                )
            )
            index = end
        }
        return result
    }
}
