import Core

/// The grammar of time expressions in English news: which tokens form one and what it says (a ``TimexSpec``).
///
/// It reads one sentence's tokens from a position and returns the longest expression starting there. Dates are
/// tried before durations ("the past week" is a period, "last week" a date), durations before references.
struct TimexGrammar {
    let tokens: [Token]
    let limit: Int
    let floor: Int

    init(tokens: [Token], range: Range<Int>) {
        self.tokens = tokens
        limit = range.upperBound
        floor = range.lowerBound
    }

    /// The expression starting at `start`: its end (exclusive token index) and what it says.
    func match(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard start < limit else { return nil }
        let first = tokens[start]
        guard first.kind != .punct || first.text == "'" else { return nil }
        if let found = modified(at: start) { return found }
        if let found = setAfterQuantity(at: start) { return found }
        if let found = clockFirst(at: start) { return found }
        if let found = dateWithTime(at: start) { return found }
        if let found = duration(at: start) { return found }
        if let found = recurrence(at: start) { return found }
        return reference(at: start)
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

    // MARK: - "early June", "the end of this year", "mid-2011"

    static let modifiers: [[String]] = [
        ["the", "end", "of"], ["the", "beginning", "of"], ["the", "start", "of"], ["the", "middle", "of"],
        ["the", "turn", "of"], ["end", "of"], ["beginning", "of"], ["start", "of"], ["mid", "-"], ["early"],
        ["late"], ["mid"], ["earlier"], ["later"],
    ]

    func modified(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard let next = takeAny(Self.modifiers, at: start) else { return nil }
        guard let (end, spec) = dateWithTime(at: next) else { return nil }
        // "earlier today", "later this year": a modifier of a date keeps the date's value.
        switch spec {
        case .duration, .set, .reference: return nil
        default: return (end, spec)
        }
    }
}
