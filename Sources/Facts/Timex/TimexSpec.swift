import Core

/// What a time expression says before it is anchored to a reference date: the grammar's output, the resolver's
/// input.
enum TimexSpec: Hashable, Sendable {
    /// Which way an expression without a year or a direction word points: decided by the tense of its clause and by
    /// the preposition in front of it ("until Friday" points forward, "since Friday" back).
    enum Direction: Hashable, Sendable {
        case past
        case future
        case unknown
    }

    /// A part of the day, with its TimeML code.
    enum DayPart: String, Hashable, Sendable {
        case morning = "MO"
        case afternoon = "AF"
        case evening = "EV"
        case night = "NI"
    }

    /// Which year a quarter, half or season belongs to.
    enum YearRef: Hashable, Sendable {
        case explicit(Int)
        /// "this year" (0), "last year" (-1), "next year" (1).
        case relative(Int)
        /// Not written: inferred from the tense.
        case inferred
    }

    /// A full date or the parts of it that are written.
    case date(year: Int, month: Int, day: Int)
    case monthDay(month: Int, day: Int)
    case monthYear(month: Int, year: Int)
    case month(Int)
    case year(Int)
    /// "the 1990s" → 199, "the '70s" → 197.
    case decade(Int)
    /// ISO weekday 1...7.
    case weekday(Int)
    /// "last Friday" (-1), "next Monday" (1): the direction is written.
    case directedWeekday(Int, Int)
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    case relativeDay(Int)
    /// "this week" (0), "last week" (-1), "next week" (1).
    case relativeWeek(Int)
    case relativeWeekend(Int)
    case relativeMonth(Int)
    case relativeYear(Int)
    /// "the weekend": the one before or after the reference date, by tense.
    case weekend
    /// Quarter 1...4 of a year.
    case quarter(Int, YearRef)
    /// "the last quarter": the quarter before the reference date's.
    case previousQuarter
    /// Half 1...2 of a year.
    case half(Int, YearRef)
    /// "SP", "SU", "FA", "WI".
    case season(String, YearRef)
    /// "a week ago": the reference date moved back by so many days, months or years.
    case ago(days: Int, months: Int, years: Int)
    /// A date with a part of day ("Friday morning", "this morning").
    indirect case dayPart(TimexSpec, DayPart)
    /// A clock time on a date (the reference date when none is written); `utc` when the zone is UTC or GMT.
    indirect case clock(minute: Int, utc: Bool, on: TimexSpec?)
    /// "on or before the 15th": that day of the reference month, or of the month before or after it by tense.
    case dayOfMonth(Int)
    /// "the same day", "that day", "on the day": the day the text last named.
    case sameDay
    /// "the end of the month", "year-end", "the close of business": the last part of a period. Its TIMEX value is the
    /// period's; a deadline takes the period's last day.
    indirect case end(TimexSpec)
    /// "PRESENT_REF", "PAST_REF", "FUTURE_REF".
    case reference(String)
    /// A ready value: "P33Y", "PT48H", "PXY".
    case duration(String)
    case set(String)

    var type: Timex.Kind {
        switch self {
        case .duration: return .duration
        case .set: return .set
        case .clock, .dayPart: return .time
        case .end(let period): return period.type
        default: return .date
        }
    }

    /// Whether the clause's direction matters to it: a weekday, a month, a quarter or "the 15th" without a year
    /// resolves by it, and a period reads it ("must close in 72 hours"). Other tags skip the tense reading.
    var readsDirection: Bool {
        switch self {
        case .weekday, .month, .weekend, .dayOfMonth, .duration: return true
        case .quarter(_, .inferred), .half(_, .inferred), .season(_, .inferred): return true
        case .dayPart(let date, _), .end(let date): return date.readsDirection
        case .clock(_, _, let date?): return date.readsDirection
        default: return false
        }
    }

    /// The date it names when that needs no reference date: "October 9, 2002", "5 p.m. on March 3, 2024".
    var explicitDate: CivilDate? {
        switch self {
        case .date(let year, let month, let day): return CivilDate(year: year, month: month, day: day)
        case .clock(_, _, let date?): return date.explicitDate
        case .dayPart(let date, _), .end(let date): return date.explicitDate
        default: return nil
        }
    }
}
