/// The direction a time expression points to, from the words around it: a preposition ("until Friday" forward,
/// "since Friday" back), else the tense of the nearest verb group in its sentence.
///
/// News copy is mostly past tense, so "Thursday" in "the company said on Thursday" is the last Thursday, while
/// "will meet on Thursday" is the next one.
enum ClauseTense {
    static func direction(of range: Range<Int>, in sentence: Range<Int>, tokens: [Token]) -> TimexSpec.Direction {
        if let written = prepositionDirection(of: range, in: sentence, tokens: tokens) { return written }
        return tenseDirection(of: range, in: sentence, tokens: tokens)
    }

    /// The direction a preposition in front of the expression gives ("until Friday", "since March"), if any.
    static func prepositionDirection(
        of range: Range<Int>,
        in sentence: Range<Int>,
        tokens: [Token]
    ) -> TimexSpec.Direction? {
        var index = range.lowerBound - 1
        var steps = 0
        while index >= sentence.lowerBound, steps < 3 {
            let key = tokens[index].key
            if forward.contains(key) { return .future }
            if key == "since" || key == "ago" { return .past }
            if !["on", "the", "at", "by", "early", "late", "in", "of", ","].contains(key) { break }
            index -= 1
            steps += 1
        }
        return nil
    }

    /// The tense of the nearest verb group around the expression.
    static func tenseDirection(
        of range: Range<Int>,
        in sentence: Range<Int>,
        tokens: [Token]
    ) -> TimexSpec.Direction {
        // The nearest tense marker, looking left first (the verb usually precedes its time adverb), then right.
        var left = range.lowerBound - 1
        var distance = 0
        while left >= sentence.lowerBound, distance < 14 {
            if let tense = tense(at: left, tokens: tokens, floor: sentence.lowerBound) { return tense }
            if [";", "\u{201C}", "\""].contains(tokens[left].key) { break }
            left -= 1
            distance += 1
        }
        var right = range.upperBound
        distance = 0
        while right < sentence.upperBound, distance < 12 {
            if let tense = tense(at: right, tokens: tokens, floor: sentence.lowerBound) { return tense }
            right += 1
            distance += 1
        }
        return .unknown
    }

    private static let forward: Set<String> = [
        "until", "till", "by", "through", "starting", "effective", "before", "within", "ahead", "next", "upcoming",
    ]
    private static let future: Set<String> = [
        "will", "'ll", "shall", "would", "plans", "plan", "planned", "expects", "expected", "scheduled", "due",
        "aims", "intends", "upcoming", "going", "set", "should", "could", "might", "may", "wo",
    ]
    private static let past: Set<String> = [
        "was", "were", "had", "did", "said", "went", "came", "made", "took", "gave", "told", "left", "saw", "met",
        "got", "won", "lost", "fell", "rose", "sold", "bought", "began", "ran", "held", "kept", "sent", "spent",
        "paid", "led", "became", "brought", "thought", "found", "struck", "flew", "grew", "wrote", "spoke", "chose",
        "broke", "drove", "knew", "shot", "ago", "fought", "has", "have", "been", "announced", "reported",
    ]
    private static let notPast: Set<String> = [
        "need", "speed", "seed", "feed", "bed", "red", "hundred", "shed", "indeed", "embed", "proceed", "exceed",
        "succeed", "breed", "creed", "greed", "weed", "deed", "united", "limited", "based", "related", "expected",
        "scheduled", "planned", "proposed", "alleged", "so-called", "red", "armed", "advanced", "detailed",
    ]

    private static func tense(at index: Int, tokens: [Token], floor: Int) -> TimexSpec.Direction? {
        let token = tokens[index]
        guard token.isWord else { return nil }
        let key = token.key
        if future.contains(key) { return .future }
        if key == "to", index + 1 < tokens.count, tokens[index + 1].isWord, !tokens[index + 1].capitalized,
            index > floor,
            ["is", "are", "plans", "aims", "expected", "set", "due", "going"].contains(
                tokens[index - 1].key
            )
        {
            return .future
        }
        if past.contains(key) { return .past }
        if key.hasSuffix("ed"), key.count > 4, !token.capitalized, !notPast.contains(key) { return .past }
        if ["is", "are", "am", "says", "say"].contains(key) { return nil }
        return nil
    }
}
