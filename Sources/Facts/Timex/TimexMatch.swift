import Core

/// One time expression of a sentence as the grammar read it, before it is anchored: its tokens, what it says and
/// which way its clause points.
///
/// An article is tagged once, before its reference date is chosen (the reference itself may be the newest date the
/// text writes); the TIMEX3 values and the deadlines are both resolved from these matches afterwards.
struct TimexMatch: Hashable, Sendable {
    /// Token indices of the expression, in the article's tokens.
    var range: Range<Int>
    var spec: TimexSpec
    /// Which way its clause points; `.unknown` for a tag whose value does not depend on it
    /// (``TimexSpec/readsDirection``).
    var direction: TimexSpec.Direction

    /// The date it names when that needs no reference date: "October 9, 2002", "5 p.m. on March 3, 2024".
    var explicitDate: CivilDate? { spec.explicitDate }

    /// It names one day (a weekday, a month and day, "tomorrow", "the 15th"), with or without a time.
    var namesDay: Bool {
        switch spec {
        case .date, .monthDay, .weekday, .directedWeekday, .relativeDay, .dayOfMonth, .dayPart: return true
        case .clock(_, _, let date): return date != nil
        default: return false
        }
    }
}
