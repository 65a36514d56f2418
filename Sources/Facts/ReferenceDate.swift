import Core

/// The date relative deadlines are counted from: the publication date; else the newest full date written in the
/// text that is not itself a deadline ("ANKARA, Tuesday 12 March 2024 - ..."); else the fetch time; else none.
enum ReferenceDate {
    static func choose(
        published: LocalDateTime?,
        article: AnnotatedArticle,
        fetchedAt: LocalDateTime?
    ) -> (date: CivilDate?, anchor: Deadline.Anchor) {
        if let published { return (published.date, .published) }
        if let written = newestWrittenDate(article) { return (written, .textDate) }
        if let fetchedAt { return (fetchedAt.date, .fetched) }
        return (nil, .unresolved)
    }

    private static func newestWrittenDate(_ article: AnnotatedArticle) -> CivilDate? {
        var newest: CivilDate?
        let tokens = article.tokens
        for (sentence, range) in article.sentences.enumerated() {
            let deadlineTokens = Set(
                article.temporal[sentence].filter { $0.prefix == .by || $0.prefix == .within }.flatMap {
                    Array($0.range)
                }
            )
            var index = range.lowerBound
            while index < range.upperBound {
                if !deadlineTokens.contains(index),
                    let (date, next) = fullDate(tokens, at: index, limit: range.upperBound)
                {
                    if newest == nil || date > newest! { newest = date }
                    index = next
                } else {
                    index += 1
                }
            }
        }
        return newest
    }

    /// "12 March 2024", "March 12, 2024", "June 3, 2024".
    private static func fullDate(_ tokens: [Token], at index: Int, limit: Int) -> (CivilDate, Int)? {
        func number(_ position: Int) -> Int? {
            guard position < limit, tokens[position].kind == .number else { return nil }
            return tokens[position].number
        }
        func month(_ position: Int) -> (Int, Int)? {
            guard position < limit, tokens[position].capitalized, let month = NumberWords.months[tokens[position].key]
            else {
                return nil
            }
            var next = position + 1
            if next < limit, tokens[next].text == "." { next += 1 }
            return (month, next)
        }
        if let day = number(index), (1...31).contains(day), let (month, next) = month(index + 1),
            let year = number(next),
            (1900...2200).contains(year), let date = CivilDate(year: year, month: month, day: day)
        {
            return (date, next + 1)
        }
        if let (month, next) = month(index), let day = number(next), (1...31).contains(day) {
            var position = next + 1
            if position < limit, tokens[position].key == "," { position += 1 }
            if let year = number(position), (1900...2200).contains(year),
                let date = CivilDate(year: year, month: month, day: day)
            {
                return (date, position + 1)
            }
        }
        return nil
    }
}
