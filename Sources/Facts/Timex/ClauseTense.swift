/// The direction a time expression points to, from the words around it: a preposition ("until Friday" forward,
/// "since Friday" back), else the tense of the nearest verb group in its sentence.
///
/// News copy is mostly past tense, so "Thursday" in "the company said on Thursday" is the last Thursday, while
/// "will meet on Thursday" is the next one.
enum ClauseTense {
    /// - Parameter words: the tense words by vocabulary id, when the tokens carry ids (fact extraction).
    static func direction(
        of range: Range<Int>,
        in sentence: Range<Int>,
        tokens: [Token],
        words: TimexWords.Table? = nil
    ) -> TimexSpec.Direction {
        if let written = prepositionDirection(of: range, in: sentence, tokens: tokens) { return written }
        return tenseDirection(of: range, in: sentence, tokens: tokens, words: words)
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
            // "no later than Friday": "than" leads back to "later".
            if !Self.passable.contains(key) { break }
            index -= 1
            steps += 1
        }
        return nil
    }

    /// The tense of the nearest verb group around the expression.
    static func tenseDirection(
        of range: Range<Int>,
        in sentence: Range<Int>,
        tokens: [Token],
        words: TimexWords.Table?
    ) -> TimexSpec.Direction {
        // The nearest tense marker, looking left first (the verb usually precedes its time adverb), then right.
        var left = range.lowerBound - 1
        var distance = 0
        while left >= sentence.lowerBound, distance < 14 {
            if let tense = tense(at: left, tokens: tokens, floor: sentence.lowerBound, words: words) { return tense }
            if Self.clauseBreaks.contains(tokens[left].key) { break }
            left -= 1
            distance += 1
        }
        var right = range.upperBound
        distance = 0
        while right < sentence.upperBound, distance < 12 {
            if let tense = tense(at: right, tokens: tokens, floor: sentence.lowerBound, words: words) { return tense }
            right += 1
            distance += 1
        }
        return .unknown
    }

    /// Words between a preposition and its expression ("by the end", "until early June", "no later than").
    private static let passable = ["on", "the", "at", "by", "early", "late", "in", "of", ",", "than"]
    private static let clauseBreaks = [";", "\u{201C}", "\""]

    private static let forward: Set<String> = [
        "until", "till", "by", "through", "starting", "effective", "before", "within", "ahead", "next", "upcoming",
        "later",
    ]
    /// Modals (an obligation points ahead too) and words of plans; and the present of verbs that schedule ("the
    /// order takes effect on Monday", "the ultimatum expires on Sunday").
    static let future: Set<String> = [
        "will", "'ll", "shall", "would", "plans", "plan", "planned", "expects", "expected", "scheduled", "due",
        "aims", "intends", "upcoming", "going", "set", "should", "could", "might", "may", "wo", "must", "takes",
        "expires", "begins", "starts",
    ]
    static let past: Set<String> = [
        "was", "were", "had", "did", "said", "went", "came", "made", "took", "gave", "told", "left", "saw", "met",
        "got", "won", "lost", "fell", "rose", "sold", "bought", "began", "ran", "held", "kept", "sent", "spent",
        "paid", "led", "became", "brought", "thought", "found", "struck", "flew", "grew", "wrote", "spoke", "chose",
        "broke", "drove", "knew", "shot", "ago", "fought", "has", "have", "been", "announced", "reported",
    ]
    /// "had to leave", "was forced to close": an infinitive after these happened.
    private static let doneTo: Set<String> = [
        "had", "used", "forced", "managed", "tried", "was", "were", "able", "began", "started", "went", "came",
        "needed", "wanted", "agreed", "refused", "failed", "seemed", "appeared", "continued",
    ]
    static let notPast: Set<String> = [
        "need", "speed", "seed", "feed", "bed", "red", "hundred", "shed", "indeed", "embed", "proceed", "exceed",
        "succeed", "breed", "creed", "greed", "weed", "deed", "united", "limited", "based", "related", "expected",
        "scheduled", "planned", "proposed", "alleged", "so-called", "red", "armed", "advanced", "detailed",
    ]

    private static func tense(
        at index: Int,
        tokens: [Token],
        floor: Int,
        words: TimexWords.Table?
    ) -> TimexSpec.Direction? {
        guard tokens[index].isWord else { return nil }
        let role = TimexWords.roles(tokens, index, words)
        if role.contains(.future) { return .future }
        let key = tokens[index].key
        // "ordered the staff to leave on Saturday", "is to close on Friday": an infinitive points ahead of its verb,
        // unless that verb tells it happened ("had to leave", "was forced to close").
        if key == "to", index + 1 < tokens.count, tokens[index + 1].isWord, !tokens[index + 1].capitalized,
            index > floor, !Self.doneTo.contains(tokens[index - 1].key)
        {
            return .future
        }
        let isPast =
            role.contains(.past)
            || key.hasSuffix("ed") && key.utf8.count > 4 && !tokens[index].capitalized && !role.contains(.notPast)
        guard isPast else { return nil }
        return participleAfterModal(index, tokens: tokens, floor: floor) ? .future : .past
    }

    /// Words that can stand between a modal and the participle of its verb group ("will be closed", "is to be
    /// temporarily shut", "would not be reopened").
    private static let groupFillers: Set<String> = [
        "be", "been", "being", "not", "n't", "also", "temporarily", "still", "only", "then", "now", "again",
        "soon", "likely", "probably", "fully", "partly", "formally", "officially", "finally",
    ]

    /// "will be closed on Sunday", "is to be shut": a participle whose verb group starts with a modal or an
    /// infinitive "to" is not a past tense.
    private static func participleAfterModal(_ index: Int, tokens: [Token], floor: Int) -> Bool {
        var probe = index - 1
        while probe >= floor, probe > index - 5, groupFillers.contains(tokens[probe].key) { probe -= 1 }
        guard probe >= floor, probe < index - 1 else { return false }
        let key = tokens[probe].key
        return future.contains(key) || key == "to"
    }
}
