import Core

/// A time expression read as a possible deadline: a TIMEX tag of the sentence with the signal word in front of it
/// ("by Friday", "within 48 hours", "as of October 1"), or one of the few deadline phrases that hold no time
/// expression ("effective immediately", "by the same deadline").
///
/// The tag's spec is kept, not a date: the article's reference date is chosen after tagging, and a deadline is the
/// tag's own TIMEX value resolved against it (``TemporalResolver``).
struct TemporalExpression: Hashable, Sendable {
    /// The signal word that introduces it, which tells how it relates to the event.
    enum Prefix: Hashable, Sendable {
        /// "by", "before", "no later than", "on or before", "until", "ahead of": a deadline.
        case by
        /// "within": a period from the reference date or from the day of the order.
        case within
        /// "starting from", "as of", "effective", "from": when a status takes effect.
        case starting
        /// "on", "on or around", or a bare day after its verb ("will reopen Tuesday"): a deadline only for a decided
        /// future event.
        case on
        /// No signal ("effective immediately", "48 hours to leave", "Friday noon").
        case none
    }

    /// What the expression says, before a reference date is applied.
    enum Value: Hashable, Sendable {
        /// N days after the reference date or the order's day (hours are rounded up to days).
        case offsetDays(Int)
        /// N calendar months after the reference date or the order's day.
        case offsetMonths(Int)
        /// The day a TIMEX tag names, resolved as the tag is (a month or a year names no day and stays unresolved).
        case time(TimexSpec)
        /// "by the end of the month", "year-end", "by the end of May": the last day of the period the tag names.
        case endOf(TimexSpec)
        /// "effective immediately", "with immediate effect": the reference date.
        case referenceDay
        /// "by the same deadline": the deadline of another fact in the article.
        case sameDeadline
        /// "by the deadline", "within the period": the fact's own deadline, stated elsewhere.
        case theDeadline
    }

    /// Token indices (within the article's tokens) the expression covers, signal included.
    var range: Range<Int>
    var prefix: Prefix
    var value: Value
    /// Minutes after midnight when a clock time is written ("5 p.m." → 1020).
    var minuteOfDay: Int?
    /// The words as written, e.g. "no later than 5 p.m. on Friday".
    var phrase: String
    /// "the 5 p.m. deadline on Feb. 7": a deadline named as a noun, not attached to a verb.
    var isDeadlineNoun: Bool = false
    /// Which way the tag's clause points: "will reopen on Thursday" is the next Thursday (or the reference day
    /// itself), "closed on Thursday" the last one.
    var direction: TimexSpec.Direction = .unknown
    /// The day a period counts from when its sentence dates the order ("issued a statement early Monday saying it
    /// would withdraw within 48 hours"), or the day "the end of the day" is the end of; the reference date when
    /// `nil` or when that day lies after the reference.
    var anchor: TimexMatch?

    /// True when the value does not depend on a reference date.
    var isAbsolute: Bool {
        switch value {
        case .time(let spec), .endOf(let spec): return spec.explicitDate != nil
        default: return false
        }
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
