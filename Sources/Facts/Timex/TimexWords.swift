/// The words the time grammar can start an expression with and the words every expression holds near its start,
/// so that the tagger tries the grammar only where an expression can be.
///
/// Every expression the grammar reads has an anchor (a number, a weekday, a month, a unit such as "years", "today",
/// "now") within its first ``window`` tokens, and only starters and ``links`` before it ("at least a couple of
/// more years", "the end of the month"). Inside fact extraction the words are looked up by vocabulary id
/// (``Table``), so that the tagger tests integers instead of hashing every token's key.
enum TimexWords {
    static let window = 7

    /// Words inside an expression before its anchor that neither start nor anchor one.
    static let links: Set<String> = TimexGrammar.unitAdjectives.union([
        "of", "-", "than", "least", "to", "and", "near", "long", "short", "medium", "time",
    ])

    /// Whether an expression can start at `index`: a starter followed, through starters and links, by an anchor
    /// within the window.
    static func canStart(_ tokens: [Token], at index: Int, limit: Int, _ table: Table?) -> Bool {
        guard roles(tokens, index, table).contains(.starter) else { return false }
        var probe = index
        while probe < limit, probe < index + window {
            let role = roles(tokens, probe, table)
            if role.contains(.anchor) { return true }
            guard probe == index || !role.isDisjoint(with: [.starter, .link]) else { return false }
            probe += 1
        }
        return false
    }

    /// What the token at `index` is to the time grammar: by vocabulary id with a table, else by its key. A number or
    /// a clock time starts and anchors expressions.
    static func roles(_ tokens: [Token], _ index: Int, _ table: Table?) -> Table.Role {
        let kind = tokens[index].kind
        if kind == .number || kind == .time { return [.starter, .anchor] }
        if let table { return table.roles(ofWord: tokens[index].word) }
        var role: Table.Role = []
        let key = tokens[index].key
        for (words, flag) in Table.lists where words.contains(key) { role.insert(flag) }
        return role
    }

    static let anchors: Set<String> = {
        var words: Set<String> = [
            "tonight", "now", "currently", "current", "presently", "nowadays", "present", "recently", "recent", "past",
            "future", "soon", "term", "moment", "being", "formerly", "noon", "midday", "midnight", "q1", "q2", "q3",
            "q4", "half", "weekend", "business", "today", "yesterday", "tomorrow",
        ]
        words.formUnion(NumberWords.weekdays.keys)
        words.formUnion(NumberWords.months.keys)
        words.formUnion(NumberWords.units.keys)
        words.formUnion(NumberWords.tens.keys)
        words.formUnion(TimexGrammar.units.keys)
        words.formUnion(TimexGrammar.setUnits.keys)
        words.formUnion(TimexGrammar.recurrences.keys)
        words.formUnion(TimexGrammar.seasons.keys)
        words.formUnion(TimexGrammar.dayParts.keys)
        return words
    }()

    static let starters: Set<String> = {
        var words = anchors
        words.formUnion([
            "the", "end", "beginning", "start", "middle", "turn", "close", "mid", "early", "late", "earlier", "later",
            "a", "an", "per", "this", "last", "next", "coming", "previous", "following", "same", "that", "more",
            "less", "at", "up", "almost", "nearly", "about", "around", "roughly", "some", "over", "only", "just",
            "approximately", "barely", "every", "each", "these", "very", "'", "\u{2019}", "several", "many", "few",
            "couple", "numerous", "countless", "first", "second", "third", "fourth", "final",
        ])
        return words
    }()

    /// First words of a period: "the past nine days", "more than a year", "two and a half years", "several
    /// years", "years" (numbers start one too).
    static let periodStarts: Set<String> = {
        var words: Set<String> = ["the", "past", "next", "a", "an", "half"]
        words.formUnion(TimexGrammar.approximators.map { $0[0] })
        words.formUnion(TimexGrammar.vague)
        words.formUnion(NumberWords.units.keys)
        words.formUnion(NumberWords.tens.keys)
        words.formUnion(TimexGrammar.units.keys)
        return words
    }()

    /// First words of a date or a clock time: "last Friday", "the 15th", "this morning", "the first quarter",
    /// "spring 2008", "'82", "noon Friday" (numbers start one too).
    static let dateStarts: Set<String> = {
        var words: Set<String> = [
            "the", "that", "this", "tonight", "'", "\u{2019}", "noon", "midday", "midnight", "q1", "q2", "q3", "q4",
        ]
        words.formUnion(NumberWords.weekdays.keys)
        words.formUnion(NumberWords.months.keys)
        words.formUnion(TimexGrammar.relativeDays.keys)
        words.formUnion(TimexGrammar.directionWords.keys)
        words.formUnion(TimexGrammar.weekdayDirections.map { $0[0] })
        words.formUnion(TimexGrammar.ordinals.keys)
        words.formUnion(TimexGrammar.seasons.keys)
        return words
    }()

    static let recurrenceStarts: Set<String> = Set(TimexGrammar.recurrences.keys).union(["every", "each", "per"])

    /// Words of deadline phrases that hold no time expression ("effective immediately", "by the same deadline",
    /// "within the period"): the deadline layer looks for them only in sentences that have one.
    static let deadlineWords: Set<String> = ["immediately", "immediate", "deadline", "period"]
}
