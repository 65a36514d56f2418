import Core

/// Where a mention stands in the story: news, headline, or background to the news.
///
/// News reports what happened in the last days; a step dated weeks or years before the story ("closed in 2017",
/// "On January 23, the U.S. closed the consulate" in a June story), or told in the past perfect ("had announced",
/// "had been closed"), is background: it explains the news and does not make it.
extension ArticleReader {
    /// How far before the reference date an event must lie to be background rather than this week's news.
    static let backgroundDays = 7

    func place(of sentence: Int, cueStart: Int, cueEnd: Int) -> Support.Place {
        if sentence < article.headlineSentences { return .headline }
        if article.furniture[sentence] { return .furniture }
        if isPastPerfect(cueStart: cueStart, sentence: sentence) { return .background }
        if hasPastDate(around: cueStart, cueEnd: cueEnd, sentence: sentence) { return .background }
        return .body
    }

    /// "had closed", "had been ordered to close", "had said it would close": the cue's clause in the past perfect
    /// ("had to close" is an obligation, not a tense).
    private func isPastPerfect(cueStart: Int, sentence: Int) -> Bool {
        let range = article.sentences[sentence]
        var index = cueStart - 1
        var steps = 0
        while index >= range.lowerBound, steps < 8 {
            let key = tokens[index].key
            if key == "had" || key == "'d" {
                return index + 1 < tokens.count && tokens[index + 1].key != "to"
            }
            if article.isWord(index, in: .clauseBreaks) && !article.isWord(index, in: .speechVerbs) || key == "," {
                return false
            }
            index -= 1
            steps += 1
        }
        return false
    }

    /// A date in the cue's clause that ends a week or more before the reference date ("in 1966", "in April" in a
    /// June story, "last year").
    ///
    /// With no reference date at all (an undated text that names no full date), an event dated by its year alone
    /// ("opened in 1972") is history; a deadline ("by October 31, 2024") is not an event's date.
    private func hasPastDate(around cueStart: Int, cueEnd: Int, sentence: Int) -> Bool {
        let (low, high) = clauseBounds(cueStart: cueStart, cueEnd: cueEnd, sentence: sentence)
        for date in pastDates[sentence] where date.token >= low && date.token < high {
            guard let reference = reference.date else {
                if date.yearOnly && !article.inTemporal[date.token] { return true }
                continue
            }
            if date.end.dayNumber <= reference.dayNumber - Self.backgroundDays { return true }
        }
        return false
    }

    /// The clause around a cue, for dating it: from the last break before it to the first after it. Commas do not
    /// break ("On January 23, the U.S. closed the consulate"); relative pronouns, subordinators and speech verbs do.
    private func clauseBounds(cueStart: Int, cueEnd: Int, sentence: Int) -> (Int, Int) {
        let range = article.sentences[sentence]
        var low = cueStart
        while low > range.lowerBound, !article.isWord(low - 1, in: .datingBreaks) { low -= 1 }
        var high = cueEnd
        while high < range.upperBound, !article.isWord(high, in: .datingBreaks) { high += 1 }
        return (low, high)
    }

    /// The last day of each dated time expression in each sentence, with the token it starts at: only calendar
    /// values with a year (`2017`, `2023-04`, `2023-01-23`, `2023-W03`) can be placed against the reference date.
    static func datedExpressions(
        _ article: AnnotatedArticle,
        reference: CivilDate?
    ) -> [[(token: Int, end: CivilDate, yearOnly: Bool)]] {
        article.sentences.indices.map { sentence in
            let range = article.sentences[sentence]
            // Only a sentence with a status cue needs dating.
            guard range.contains(where: { !article.cue[$0].isEmpty }) else { return [] }
            return article.timex[sentence].compactMap { match in
                guard match.spec.type == .date || match.spec.type == .time else { return nil }
                let value = TimexResolver.value(match.spec, reference: reference, direction: match.direction)
                guard let end = Self.lastDay(of: value) else { return nil }
                return (match.range.lowerBound, end, value.count == 4)
            }
        }
    }

    /// The last day a TIMEX3 calendar value covers.
    static func lastDay(of value: String) -> CivilDate? {
        let parts = value.prefix(10).split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        if parts.count == 1 { return CivilDate(year: year, month: 12, day: 31) }
        if parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()),
            let january4 = CivilDate(year: year, month: 1, day: 4)
        {
            // ISO week 1 holds January 4; its Sunday ends the week.
            let monday = january4.adding(days: 1 - january4.weekday)
            return monday.adding(days: 7 * (week - 1) + 6)
        }
        guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        if parts.count >= 3, let day = Int(parts[2].prefix(2)) { return CivilDate(year: year, month: month, day: day) }
        return CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
    }
}
