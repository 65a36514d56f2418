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
        for sentence in sentences {
            result += tag(tokens, sentence: sentence, scalars: scalars, reference: reference)
        }
        return result
    }

    func tag(_ tokens: [Token], sentence: Range<Int>, scalars: [Unicode.Scalar], reference: CivilDate?) -> [Timex] {
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
            result.append(
                Timex(
                    start: start,
                    end: stop,
                    text: String(String.UnicodeScalarView(scalars[start..<stop])),
                    type: spec.type,
                    value: TimexResolver.value(spec, reference: reference, direction: direction)
                )
            )
            index = end
        }
        return result
    }
}
