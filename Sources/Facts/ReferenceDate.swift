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

    /// The newest full date among the article's time expressions. A date after a deadline signal ("by October 31,
    /// 2024", "as of October 1, 2023") or at the end of a range ("through August 10, 2013") lies ahead of the story
    /// and does not date it; a range's start does, with the year written at its end.
    private static func newestWrittenDate(_ article: AnnotatedArticle) -> CivilDate? {
        var newest: CivilDate?
        let tokens = article.tokens
        for (sentence, matches) in article.timex.enumerated() {
            let range = article.sentences[sentence]
            let signals = DeadlineSignals(
                tokens: tokens,
                sentence: range,
                words: article.timexWords,
                signals: article.signals,
                lists: article.lists
            )
            for match in matches {
                guard let date = match.explicitDate else { continue }
                let start = match.range.lowerBound
                if let signal = signals.signal(before: start), signal.prefix != .on { continue }
                if start > range.lowerBound, TimexTagger.rangeConnectors.contains(tokens[start - 1].key) { continue }
                if newest.map({ date > $0 }) ?? true { newest = date }
            }
        }
        return newest
    }
}
