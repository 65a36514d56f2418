public import Core

/// One sentence of an article: its text and where it stands in the article text.
public struct Sentence: Hashable, Sendable {
    public var text: String
    /// Unicode scalar offsets into the text that was split.
    public var span: TextSpan

    public init(text: String, span: TextSpan) {
        self.text = text
        self.span = span
    }
}

/// Splits news text into sentences without breaking at "U.S.", "D.C.", "Sept. 2", "Gen. Smith", "J. Smith", "3.5"
/// or inside a closing quote.
///
/// Paragraph breaks always end a sentence (headlines, captions and datelines are their own units). A period after a
/// dotted abbreviation ("the U.S. The ministry ...") ends a sentence only when a typical sentence opener follows,
/// because "U.S. Embassy" and "5 p.m. Eastern Daylight Time" are far more common than a sentence ending in them.
public struct SentenceSplitter: Sendable {
    public init() {}

    public func split(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        return ranges(of: tokens).map { range in
            let start = tokens[range.lowerBound].start
            let end = tokens[range.upperBound - 1].end
            return Sentence(
                text: String(String.UnicodeScalarView(scalars[start..<end])),
                span: TextSpan(start: start, end: end)
            )
        }
    }

    /// Token index ranges of the sentences.
    func ranges(of tokens: [Token]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < tokens.count {
            var end = index + 1
            var boundary = false
            if end < tokens.count && tokens[end].paragraphStart {
                boundary = true
            } else if isTerminator(tokens[index]) || tokens[index].key.hasSuffix(".") && tokens[index].kind == .word {
                // Closing quotes and brackets belong to the sentence they close.
                while end < tokens.count && Self.closers.contains(tokens[end].text) && !tokens[end].paragraphStart
                    && tokens[end].start == tokens[end - 1].end
                {
                    end += 1
                }
                if end >= tokens.count || tokens[end].paragraphStart {
                    boundary = true
                } else {
                    boundary = endsSentence(tokens, terminator: index, next: end)
                }
            }
            if boundary || end >= tokens.count {
                result.append(start..<end)
                start = end
            }
            index = end
        }
        return result.filter { !$0.isEmpty }
    }

    private func isTerminator(_ token: Token) -> Bool {
        token.kind == .punct && (token.text == "." || token.text == "!" || token.text == "?" || token.text == "…")
    }

    private func endsSentence(_ tokens: [Token], terminator: Int, next: Int) -> Bool {
        let following = tokens[next]
        let opensSentence =
            following.capitalized || following.kind == .number || Self.openers.contains(following.text)
        guard opensSentence else { return false }
        let token = tokens[terminator]
        if token.kind == .word {
            // A dotted abbreviation ("U.S.", "p.m."): only before a typical sentence opener.
            return Self.sentenceStarters.contains(following.key)
        }
        guard token.text == "." else { return true }
        guard terminator > 0 else { return true }
        let previous = tokens[terminator - 1]
        guard previous.end == token.start, previous.kind == .word else { return true }
        if Self.titles.contains(previous.key) { return false }
        if Self.months.contains(previous.key) && following.kind == .number { return false }
        // An initial: "J. Smith".
        if previous.text.count == 1 && previous.capitalized { return false }
        return true
    }

    private static let closers: Set<String> = ["\"", "\u{201D}", "\u{2019}", "'", ")", "]"]
    private static let openers: Set<String> = ["\"", "\u{201C}", "\u{2018}", "'", "(", "["]

    private static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "gov", "sen", "rep", "st", "jr",
        "sr", "prof", "rev", "hon", "no", "vs", "adm", "cmdr", "amb", "pres", "messrs", "mt", "ft", "ave", "blvd",
        "fig", "gens", "lt. col", "supt", "insp", "det", "sec", "dept", "approx", "est", "inc", "ltd", "corp", "co",
    ]
    private static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    private static let sentenceStarters: Set<String> = [
        "the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "in", "on", "at", "but", "and", "or", "this",
        "that", "these", "those", "its", "his", "her", "their", "there", "after", "before", "when", "while", "as",
        "if", "however", "meanwhile", "also", "both", "some", "many", "most", "officials", "such", "since", "for",
        "from", "with", "until", "during", "one", "two", "three", "last", "earlier", "later", "on", "no", "our",
    ]
}
