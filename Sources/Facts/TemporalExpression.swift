import Core

/// A time expression found in a sentence, before resolution against a reference date.
struct TemporalExpression: Hashable, Sendable {
    /// The word that introduces it, which tells how it relates to the event.
    enum Prefix: Hashable, Sendable {
        /// "by", "before", "no later than", "on or before", "until": a deadline.
        case by
        /// "within": a period from the reference date.
        case within
        /// "starting from", "as of", "effective", "from": when a status takes effect.
        case starting
        /// "on": a date that is a deadline only for a decided future event.
        case on
        /// No preposition ("effective immediately", "48 hours to leave", "Friday noon").
        case none
    }

    /// What the expression says, before a reference date is applied.
    enum Value: Hashable, Sendable {
        /// N days after the reference date (hours are already rounded up to days).
        case offsetDays(Int)
        /// N calendar months after the reference date.
        case offsetMonths(Int)
        /// ISO weekday 1...7: the first such day strictly after the reference date.
        case weekday(Int)
        /// A month and day; the year is the one written, else the one closest to the reference date.
        case monthDay(month: Int, day: Int, year: Int?)
        /// "the 15th": that day of the reference month, or of the next month when already past.
        case dayOfMonth(Int)
        case endOfMonth
        case endOfYear
        /// "by the end of May".
        case endOfNamedMonth(Int)
        /// "by the end of the day", "effective immediately".
        case referenceDay
        /// "by the same deadline": the deadline of another fact in the article.
        case sameDeadline
        /// "by the deadline", "within the deadline": the fact's own deadline, stated elsewhere.
        case theDeadline
    }

    /// Token indices (within the article's tokens) the expression covers, prefix included.
    var range: Range<Int>
    var prefix: Prefix
    var value: Value
    /// Minutes after midnight when a clock time is written ("5 p.m." → 1020).
    var minuteOfDay: Int?
    /// The words as written, e.g. "no later than 5 p.m. on Friday".
    var phrase: String
    /// "the 5 p.m. deadline on Feb. 7": a deadline named as a noun, not attached to a verb.
    var isDeadlineNoun: Bool = false

    /// True when the value does not depend on a reference date.
    var isAbsolute: Bool {
        if case .monthDay(_, _, let year) = value, year != nil { return true }
        return false
    }

    /// True for "the same deadline" and "the deadline", which borrow another fact's deadline.
    var isAnaphoric: Bool {
        switch value {
        case .sameDeadline, .theDeadline: return true
        default: return false
        }
    }
}

extension TemporalExpression {
    /// The deadline this expression sets, resolved against `reference`: absolute dates need no reference, and a
    /// relative one that cannot be resolved keeps its phrase with an `unresolved` anchor.
    func deadline(reference: CivilDate?, anchor: Deadline.Anchor) -> Deadline {
        let value = TemporalResolver.resolve(self, reference: reference)
        return Deadline(
            value: value,
            phrase: phrase,
            anchor: isAbsolute ? .absolute : (value == nil ? .unresolved : anchor)
        )
    }
}
