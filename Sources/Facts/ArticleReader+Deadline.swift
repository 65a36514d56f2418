import Core

/// Which time expression of a sentence is a cue's deadline.
extension ArticleReader {
    /// The expression in the cue's window (from its governing verb to the next cue), if it can be a deadline for a
    /// status in this mood: a done event takes none except "effective immediately"; a bare "on Monday" counts only
    /// for a decided future event.
    func deadline(
        for start: Int,
        end: Int,
        mood: CueMood,
        status: Status,
        payload: CompiledLexicon.CuePayload,
        sentence: Int
    ) -> (expression: TemporalExpression, superseded: Bool)? {
        let range = article.sentences[sentence]
        let windowStart = min(start, mood.governorStart)
        var windowEnd = range.upperBound
        var index = end
        while index < range.upperBound {
            if !article.cue[index].isEmpty, !article.inTemporal[index],
                article.cue[index].contains(where: { $0.payload.form != .noun }),
                index > 0, !["the", "a", "its"].contains(tokens[index - 1].key)
            {
                windowEnd = index
                break
            }
            if tokens[index].key == ";" || article.isWord(index, in: .speechVerbs) {
                windowEnd = index
                break
            }
            index += 1
        }
        for expression in article.temporal[sentence] {
            guard expression.range.lowerBound >= windowStart, expression.range.upperBound <= windowEnd else { continue }
            if expression.range.lowerBound < end && expression.range.lowerBound < start
                && expression.range.lowerBound < (mood.directive ?? start)
            {
                continue
            }
            if expression.range.upperBound <= start, mood.directive == nil { continue }
            // Between the directive and the cue, only a deadline word makes a deadline: "gave Argentina until Friday
            // to close" does, but "ordered on Thursday that ..." and "Russia's demand in July that ..." date the
            // order itself.
            // "gave Argentina 48 hours to close": a bare period right before "to" and the cue is the deadline too.
            let periodBeforeCue: Bool = {
                guard case .offsetDays = expression.value, expression.prefix == .none else { return false }
                return expression.range.upperBound < start && tokens[expression.range.upperBound].key == "to"
            }()
            if expression.range.upperBound <= start, expression.prefix != .by, expression.prefix != .within,
                !periodBeforeCue
            {
                continue
            }
            // Before the cue, the expression belongs to an earlier cue when one lies between them.
            if expression.range.upperBound <= start,
                (windowStart..<start).contains(where: { !article.cue[$0].isEmpty && !article.inTemporal[$0] })
            {
                continue
            }
            if expression.range.lowerBound > range.lowerBound,
                article.isWord(expression.range.lowerBound - 1, in: .speechVerbs)
            {
                continue
            }
            if expression.isDeadlineNoun { continue }
            // "ordered the consulate closed, giving its staff until Thursday to leave": after the cue, a period given
            // to people to leave is theirs, not the mission's.
            if lexicon.cues[payload.cue].frame != .staff, expression.range.lowerBound >= end,
                (end..<expression.range.lowerBound).contains(where: { article.hasClass(.staff, at: $0) }),
                (expression.range.upperBound..<min(range.upperBound, expression.range.upperBound + 3)).contains(where: {
                    article.isWord($0, in: .leaveVerbs)
                })
            {
                continue
            }
            if !acceptable(expression, mood: mood, payload: payload) { continue }
            return (expression, isSuperseded(expression, windowStart: windowStart, sentence: sentence))
        }
        // "The closure ..., announced last week, takes effect on Monday": the date after "takes effect".
        if payload.form == .noun, mood.future,
            let effect = (end..<range.upperBound).first(where: {
                tokens[$0].key == "effect" && $0 > end && ["take", "takes"].contains(tokens[$0 - 1].key)
            }),
            let expression = article.temporal[sentence].first(where: {
                $0.range.lowerBound > effect && $0.range.lowerBound <= effect + 2
            }), acceptable(expression, mood: mood, payload: payload)
        {
            return (expression, false)
        }
        return nil
    }

    private func acceptable(
        _ expression: TemporalExpression,
        mood: CueMood,
        payload: CompiledLexicon.CuePayload
    ) -> Bool {
        if case .referenceDay = expression.value, expression.prefix == .none || expression.prefix == .starting {
            return true
        }
        // "Posts closed Monday, August 5 – Saturday, August 10": a closure given with its period is scheduled, in
        // whatever tense the notice writes it; it takes effect on the first day.
        if isRangeStart(expression), lexicon.cues[payload.cue].temporary != nil { return true }
        guard mood.ordered else { return false }
        switch expression.prefix {
        case .by, .within, .starting:
            return true
        case .on:
            return payload.form == .base || mood.future
        case .none:
            switch expression.value {
            case .offsetDays, .offsetMonths: return true
            default: return expression.minuteOfDay != nil
            }
        }
    }

    /// The first day of a range ("Monday, August 5 through Saturday, August 10", "from Monday to Wednesday"): a
    /// range connector and another time expression follow it.
    func isRangeStart(_ expression: TemporalExpression) -> Bool {
        let end = expression.range.upperBound
        guard end + 1 < tokens.count, TimexTagger.rangeConnectors.contains(tokens[end].key) else { return false }
        let sentence = article.sentence(containing: expression.range.lowerBound)
        return article.timex[sentence].contains { $0.range.lowerBound == end + 1 }
    }

    /// "The order initially gave Argentina 48 hours", "after first giving Argentina only 48 hours".
    private func isSuperseded(_ expression: TemporalExpression, windowStart: Int, sentence: Int) -> Bool {
        let range = article.sentences[sentence]
        let low = max(range.lowerBound, min(windowStart, expression.range.lowerBound) - 4)
        for index in low..<expression.range.lowerBound where article.hasClass(.superseded, at: index) {
            return true
        }
        return false
    }
}
