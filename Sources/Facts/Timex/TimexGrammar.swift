import Core

/// The grammar of time expressions in English news: which tokens form one and what it says (a ``TimexSpec``).
///
/// It reads one sentence's tokens from a position and returns the longest expression starting there. Dates are
/// tried before durations ("the past week" is a period, "last week" a date), durations before references.
struct TimexGrammar {
    let tokens: [Token]
    let limit: Int
    let floor: Int
    /// The grammar's words by vocabulary id, when the tokens carry ids.
    let words: TimexWords.Table?

    init(tokens: [Token], range: Range<Int>, words: TimexWords.Table? = nil) {
        self.tokens = tokens
        limit = range.upperBound
        floor = range.lowerBound
        self.words = words
    }

    /// The expression starting at `start`: its end (exclusive token index) and what it says.
    func match(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard start < limit else { return nil }
        let kind = tokens[start].kind
        guard kind != .punct || tokens[start].text == "'" else { return nil }
        // Rules whose first word is not here are not tried.
        let role = TimexWords.roles(tokens, start, words)
        let number = kind == .number
        if role.contains(.modifierStart), let found = modified(at: start) { return found }
        if let found = periodEnd(at: start) { return found }
        if let found = setAfterQuantity(at: start) { return found }
        let dated = number || kind == .time || role.contains(.dateStart)
        if dated, let found = clockFirst(at: start) { return found }
        if dated, let found = dateWithTime(at: start) { return found }
        if number || role.contains(.periodStart), let found = duration(at: start) { return found }
        if role.contains(.recurrenceStart), let found = recurrence(at: start) { return found }
        return role.contains(.referenceStart) ? reference(at: start) : nil
    }

    // MARK: - Token helpers

    func key(_ index: Int) -> String { index < limit && index >= floor ? tokens[index].key : "" }

    func capitalized(_ index: Int) -> Bool { index < limit && tokens[index].capitalized }

    /// Consumes `words` at `index`; returns the index after them.
    func take(_ words: [String], at index: Int) -> Int? {
        guard index + words.count <= limit else { return nil }
        for (offset, word) in words.enumerated() where tokens[index + offset].key != word { return nil }
        return index + words.count
    }

    func takeAny(_ options: [[String]], at index: Int) -> Int? {
        for words in options {
            if let next = take(words, at: index) { return next }
        }
        return nil
    }

    // MARK: - "early June", "the end of this year", "mid-2011", "the end of the month", "year-end"

    static let modifiers: [[String]] = [
        ["the", "end", "of"], ["the", "beginning", "of"], ["the", "start", "of"], ["the", "middle", "of"],
        ["the", "turn", "of"], ["the", "close", "of"], ["end", "of"], ["beginning", "of"], ["start", "of"],
        ["close", "of"], ["mid", "-"], ["early"], ["late"], ["mid"], ["earlier"], ["later"],
    ]

    func modified(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard let next = takeAny(Self.modifiers, at: start) else { return nil }
        // "the end of the month", "the start of the day": after "of", a period named without a direction word.
        let found = key(next - 1) == "of" ? period(at: next) ?? dateWithTime(at: next) : dateWithTime(at: next)
        guard let (end, spec) = found else { return nil }
        // "earlier today", "later this year": a modifier of a date keeps the date's value; "the end of" marks the
        // part a deadline needs.
        switch spec {
        case .duration, .set, .reference: return nil
        case .sameDay, .relativeDay(0):
            // "by the end of the day on Monday": the end of that day.
            if key(end) == "on", let (dayEnd, day) = date(at: end + 1), isDay(day) { return (dayEnd, .end(day)) }
            fallthrough
        default:
            let word = key(start) == "the" ? key(start + 1) : key(start)
            return (end, word == "end" || word == "close" ? .end(spec) : spec)
        }
    }

    /// "the month", "year", "the day", "business", "business day" after "the end of": the period the story is in
    /// ("the day" is the one the text last named).
    func period(at start: Int) -> (end: Int, spec: TimexSpec)? {
        var index = start
        if key(index) == "the" { index += 1 }
        switch key(index) {
        case "month": return (index + 1, .relativeMonth(0))
        case "year": return (index + 1, .relativeYear(0))
        case "week": return (index + 1, .relativeWeek(0))
        case "day": return (index + 1, index > start ? .sameDay : .relativeDay(0))
        case "business", "working":
            if key(index + 1) == "day" { return (index + 2, .relativeDay(0)) }
            return index == start && key(index) == "business" ? (index + 1, .relativeDay(0)) : nil
        default: return nil
        }
    }

    /// "year-end", "month's end".
    func periodEnd(at start: Int) -> (end: Int, spec: TimexSpec)? {
        let unit = key(start)
        guard unit == "year" || unit == "month", key(start + 1) == "-" || key(start + 1) == "'s",
            key(start + 2) == "end"
        else { return nil }
        return (start + 3, .end(unit == "year" ? .relativeYear(0) : .relativeMonth(0)))
    }
}
