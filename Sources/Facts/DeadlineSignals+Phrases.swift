/// Deadlines named by the noun "deadline", and the deadline phrases that hold no time expression.
extension DeadlineSignals {
    /// "the 5 p.m. deadline on Feb. 7", "before the deadline of March 3", "ahead of Friday's deadline": a date named
    /// by the noun "deadline".
    func deadlineNoun(_ match: TimexMatch, before earlier: ArraySlice<TimexMatch>) -> TemporalExpression? {
        guard match.namesDay, let (value, ownMinute) = Self.value(of: match.spec) else { return nil }
        var minute = ownMinute
        // Where the noun phrase starts ("the" or the day) and where it ends.
        let start: Int
        var end = match.range.upperBound
        if key(end) == "'s", key(end + 1) == "deadline" {
            start = match.range.lowerBound
            end += 2
        } else {
            var index = match.range.lowerBound - 1
            if key(index) == "on" || key(index) == "of" { index -= 1 }
            guard key(index) == "deadline" else { return nil }
            if let clock = earlier.last, clock.range.upperBound == index, case .clock(let time, _, nil) = clock.spec {
                minute = min(time, 23 * 60 + 59)
                index = clock.range.lowerBound
            }
            index -= 1
            guard key(index) == "the" || key(index) == "a" else { return nil }
            start = index
        }
        let signal = signal(before: start)
        return TemporalExpression(
            range: (signal?.start ?? start)..<end,
            prefix: signal?.prefix ?? .none,
            value: value,
            minuteOfDay: minute,
            phrase: "",
            isDeadlineNoun: true,
            direction: match.direction
        )
    }

    /// "effective immediately", "with immediate effect", "immediately", "by the same deadline", "within the
    /// deadline", "within the period", at the deadline word `index`.
    func phrase(at index: Int) -> TemporalExpression? {
        func make(_ start: Int, _ end: Int, _ prefix: Prefix, _ value: TemporalExpression.Value) -> TemporalExpression {
            TemporalExpression(range: start..<end, prefix: prefix, value: value, minuteOfDay: nil, phrase: "")
        }
        switch key(index) {
        case "immediately":
            if key(index - 1) == "effective" { return make(index - 1, index + 1, .none, .referenceDay) }
            if key(index - 1) == "starting" { return make(index - 1, index + 1, .starting, .referenceDay) }
            return make(index, index + 1, .none, .referenceDay)
        case "immediate":
            guard key(index - 1) == "with", key(index + 1) == "effect" else { return nil }
            return make(index - 1, index + 2, .none, .referenceDay)
        default:
            // "the same deadline", "the deadline", "the period": only after a signal ("by the deadline").
            let same = key(index - 1) == "same"
            let article = index - (same ? 2 : 1)
            guard key(article) == "the", let signal = signal(before: article), signal.prefix != .on else { return nil }
            return make(signal.start, index + 1, signal.prefix, same ? .sameDeadline : .theDeadline)
        }
    }
}
