public import Core

/// The deadline layer over the TIMEX tags: reads the signal word in front of each tag ("by Friday", "within 48
/// hours", "no later than 5 p.m. on Friday", "as of October 1", "on or around June 22"), keeps the tags that can be
/// deadlines, and adds the deadline phrases that hold no time expression ("effective immediately", "by the same
/// deadline", "within the period").
///
/// It finds no time of its own: every date comes from ``TimexTagger``'s matches, so fact deadlines are read from the
/// same tags `extract --cases` prints.
public struct DeadlineReader: Sendable {
    public init() {}

    /// The deadline expressions of `text`, resolved against `reference` (a `nil` reference leaves relative ones
    /// unresolved, with their phrase kept).
    public func deadlines(in text: String, reference: CivilDate?, anchor: Deadline.Anchor = .published) -> [Deadline] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        return SentenceSplitter().ranges(of: tokens).flatMap { sentence in
            let matches = TimexTagger.matches(tokens, in: sentence)
            return Self.expressions(tokens, sentence: sentence, matches: matches, scalars: scalars)
        }.compactMap { expression in
            expression.isAnaphoric ? nil : expression.deadline(reference: reference, anchor: anchor)
        }
    }

    /// The deadline expressions of one sentence, left to right, from its TIMEX matches.
    static func expressions(
        _ tokens: [Token],
        sentence: Range<Int>,
        matches: [TimexMatch],
        scalars: [Unicode.Scalar],
        words: TimexWords.Table? = nil,
        signals: DeadlineSignals.Signals = .builtin,
        lists: WordListTable = .builtin
    ) -> [TemporalExpression] {
        let reader = DeadlineSignals(tokens: tokens, sentence: sentence, words: words, signals: signals, lists: lists)
        var result: [TemporalExpression] = []
        for (number, match) in matches.enumerated() {
            guard var expression = reader.expression(for: match, before: matches[..<number]) else { continue }
            expression.phrase = Tokenizer.string(
                scalars,
                tokens[expression.range.lowerBound].start,
                tokens[expression.range.upperBound - 1].end
            )
            result.append(expression)
        }
        // "effective immediately", "by the same deadline": phrases without a time expression.
        var phrases: [TemporalExpression] = []
        for index in sentence where tokens[index].kind == .word && Self.isDeadlineWord(tokens, index, words) {
            guard var expression = reader.phrase(at: index),
                !result.contains(where: { $0.range.overlaps(expression.range) })
            else { continue }
            expression.phrase = Tokenizer.string(
                scalars,
                tokens[expression.range.lowerBound].start,
                tokens[expression.range.upperBound - 1].end
            )
            phrases.append(expression)
        }
        guard !phrases.isEmpty else { return result }
        return (result + phrases).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func isDeadlineWord(_ tokens: [Token], _ index: Int, _ words: TimexWords.Table?) -> Bool {
        if let words { return words.roles(ofWord: tokens[index].word).contains(.deadline) }
        return TimexWords.deadlineWords.contains(tokens[index].key)
    }
}
