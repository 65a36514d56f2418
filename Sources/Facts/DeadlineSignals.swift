/// How English news introduces a deadline: the signal words in front of a time expression, the period "to" a verb
/// ("48 hours to leave"), the noun "the deadline", and "effective immediately".
///
/// One sentence's tokens; ``expression(for:before:)`` turns a TIMEX match into a deadline expression, or `nil`
/// when nothing in front of it makes it one.
struct DeadlineSignals {
    typealias Prefix = TemporalExpression.Prefix

    let tokens: [Token]
    let sentence: Range<Int>
    /// The time words by vocabulary id, when the tokens carry ids.
    var words: TimexWords.Table?

    /// The lexicon's signal phrases and word lists; the built-in ones for tokens read outside fact extraction.
    var signals = Signals.builtin
    var lists = WordListTable.builtin

    /// The signal that ends right before `index`: where it starts and what it says.
    func signal(before index: Int) -> (start: Int, prefix: Prefix)? {
        guard index > sentence.lowerBound, TimexWords.roles(tokens, index - 1, words).contains(.signalEnd) else {
            return nil
        }
        for (words, prefix) in signals.phrases where index - words.count >= sentence.lowerBound {
            let start = index - words.count
            if words.indices.allSatisfy({ tokens[start + $0].key == words[$0] }) { return (start, prefix) }
        }
        return nil
    }

    func key(_ index: Int) -> String {
        sentence.contains(index) ? tokens[index].key : ""
    }

    /// Whether the token at `index`, inside the sentence, is a word of `list`.
    func isWord(_ index: Int, in list: WordList) -> Bool {
        sentence.contains(index) && lists.contains(list, tokens[index])
    }

    // MARK: - Tags

    func expression(for match: TimexMatch, before earlier: ArraySlice<TimexMatch>) -> TemporalExpression? {
        var start = match.range.lowerBound
        let signal = signal(before: start)
        if case .duration(let text) = match.spec {
            return period(text, match, signal: signal, before: earlier)
        }
        if let noun = deadlineNoun(match, before: earlier) { return noun }
        guard let (value, minute) = Self.value(of: match.spec) else { return nil }
        let prefix: Prefix
        if let signal {
            prefix = signal.prefix
            start = signal.start
            // "around" dates a day; before a number it is a quantity.
            if prefix == .on, key(signal.start) == "around", !match.namesDay { return nil }
            if prefix == .on, isWord(signal.start - 1, in: .reportedEvents) { return nil }
        } else if minute != nil {
            // "Friday noon", "5 p.m. Friday".
            prefix = .none
        } else if isBareDay(match) {
            prefix = .on
        } else {
            return nil
        }
        var expression = TemporalExpression(
            range: start..<match.range.upperBound,
            prefix: prefix,
            value: value,
            minuteOfDay: minute,
            phrase: "",
            direction: match.direction
        )
        if case .sameDay = Self.day(of: match.spec) { expression.anchor = earlier.last { $0.namesDay } }
        return expression
    }

    /// A period that sets a deadline: "within 48 hours", "must close in 72 hours", "48 hours to leave", "a 72-hour
    /// deadline", "a deadline of 48 hours"; not "for 48 hours", "by two days", "in 30 years" of a past clause. It
    /// counts from the day its sentence gives the order, when it gives one.
    private func period(
        _ text: String,
        _ match: TimexMatch,
        signal: (start: Int, prefix: Prefix)?,
        before earlier: ArraySlice<TimexMatch>
    ) -> TemporalExpression? {
        var start = match.range.lowerBound
        var end = match.range.upperBound
        let prefix: Prefix
        if let signal, signal.prefix == .within {
            prefix = .within
            start = signal.start
        } else if signal == nil, key(start - 1) == "in", match.direction == .future {
            // "in" before a period ahead of a future clause is "within".
            prefix = .within
            start -= 1
        } else if signal == nil || signal?.prefix == .on,
            key(end) == "to" || isWord(end, in: .deadlineNouns)
                || isWord(start - 2, in: .deadlineNouns) && key(start - 1) == "of"
        {
            prefix = .none
            if isWord(end, in: .deadlineNouns) { end += 1 }
        } else {
            return nil
        }
        guard let value = Self.period(text) else { return nil }
        var expression = TemporalExpression(
            range: start..<end,
            prefix: prefix,
            value: value,
            minuteOfDay: nil,
            phrase: "",
            direction: match.direction
        )
        expression.anchor = orderDay(before: earlier)
        return expression
    }

    /// What a tag that names a day or a longer date says as a deadline, and its clock time; `nil` for what cannot
    /// be one (a bare clock time, a recurrence, "now", "a week ago") and for periods, which
    /// ``period(_:_:signal:before:)`` reads.
    static func value(of spec: TimexSpec) -> (TemporalExpression.Value, Int?)? {
        switch spec {
        case .clock(let minute, _, let date?):
            // Midnight ends its day: the deadline stays on the date written.
            return (.time(date), min(minute, 23 * 60 + 59))
        case .clock, .set, .reference, .ago, .decade, .duration:
            return nil
        case .dayPart(let date, _):
            return (.time(date), nil)
        case .end(let period):
            return (.endOf(period), nil)
        default:
            return (.time(spec), nil)
        }
    }

    /// The day a tag stands for, under its time of day or part of day.
    static func day(of spec: TimexSpec) -> TimexSpec {
        switch spec {
        case .clock(_, _, let date?): return day(of: date)
        case .dayPart(let date, _), .end(let date): return day(of: date)
        default: return spec
        }
    }

    /// "PT48H" → 2 days, "P2W" → 14 days, "P1M" → 1 month; `nil` for an unknown amount ("within days").
    static func period(_ value: String) -> TemporalExpression.Value? {
        var text = Substring(value.dropFirst())
        let time = text.first == "T"
        if time { text = text.dropFirst() }
        guard let unit = text.last, unit.isLetter, let amount = Double(text.dropLast()), amount >= 0 else {
            return nil
        }
        let whole = { (count: Double) in Int(count.rounded(.up)) }
        switch (time, unit) {
        case (true, "H"): return .offsetDays(whole(amount / 24))
        case (true, _): return .offsetDays(0)
        case (false, "D"): return .offsetDays(whole(amount))
        case (false, "W"): return .offsetDays(whole(amount * 7))
        case (false, "M") where amount == amount.rounded(): return .offsetMonths(Int(amount))
        case (false, "Q") where amount == amount.rounded(): return .offsetMonths(Int(amount) * 3)
        case (false, "Y") where amount == amount.rounded(): return .offsetMonths(Int(amount) * 12)
        default: return nil
        }
    }

    /// "will reopen Tuesday", "set to reopen the office in Riyadh Tuesday": news copy drops the "on" before a day
    /// it names by its own word ("early Monday" dates an event instead).
    private func isBareDay(_ match: TimexMatch) -> Bool {
        let start = match.range.lowerBound
        guard start > sentence.lowerBound, tokens[start - 1].isWord, !isWord(start - 1, in: .bareDayBlockers),
            !isWord(start - 1, in: .reportedEvents)
        else { return false }
        // "will be closed that day": the day named before, taken up again.
        if case .sameDay = match.spec { return true }
        guard tokens[start].capitalized || tokens[start].key == "tomorrow" || tokens[start].key == "today" else {
            return false
        }
        switch match.spec {
        case .weekday, .directedWeekday, .monthDay, .date: return true
        case .relativeDay(let offset): return offset >= 0
        default: return false
        }
    }

    /// The day the sentence gives the order a period counts from: the nearest day named before the period that is
    /// not itself a deadline and does not point ahead ("Brazil on Thursday ordered ... within 48 hours", "received
    /// the notification on Tuesday and was given 10 days").
    private func orderDay(before earlier: ArraySlice<TimexMatch>) -> TimexMatch? {
        for match in earlier.reversed() where match.namesDay && match.direction != .future {
            if let signal = signal(before: match.range.lowerBound), signal.prefix != .on { continue }
            return match
        }
        return nil
    }
}
