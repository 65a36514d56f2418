import Core

/// Turns a deadline expression into a date: a tag's day is the day its TIMEX value names (``TimexResolver/day``, the
/// date `value` writes), so a deadline never disagrees with the tag `extract --cases` prints; "the end of" a period
/// is the last day of the period its value names; a period is counted from the order's day or the reference date,
/// hours rounded up to whole days ("within 48 hours" → two days later).
enum TemporalResolver {
    static func resolve(_ expression: TemporalExpression, reference: CivilDate?) -> LocalDateTime? {
        guard let date = date(expression, reference: reference) else { return nil }
        guard let minute = expression.minuteOfDay else { return LocalDateTime(date: date) }
        return LocalDateTime(date: date, hour: minute / 60, minute: minute % 60)
    }

    static func date(_ expression: TemporalExpression, reference: CivilDate?) -> CivilDate? {
        switch expression.value {
        case .offsetDays(let days):
            return start(of: expression, reference: reference)?.adding(days: days)
        case .offsetMonths(let months):
            guard let start = start(of: expression, reference: reference) else { return nil }
            let total = start.year * 12 + (start.month - 1) + months
            let year = total / 12
            let month = total % 12 + 1
            return CivilDate(year: year, month: month, day: min(start.day, CivilDate.daysIn(month: month, year: year)))
        case .time(let spec):
            if case .sameDay = spec { return anchorDay(of: expression, reference: reference) ?? reference }
            return TimexResolver.day(spec, reference: reference, direction: expression.direction)
        case .endOf(let spec):
            if case .sameDay = spec { return anchorDay(of: expression, reference: reference) ?? reference }
            return lastDay(of: TimexResolver.value(spec, reference: reference, direction: expression.direction))
        case .referenceDay:
            return reference
        case .sameDeadline, .theDeadline:
            return nil
        }
    }

    /// Where a period starts: the day its sentence gives the order, when that day is not after the reference date;
    /// else the reference date.
    private static func start(of expression: TemporalExpression, reference: CivilDate?) -> CivilDate? {
        guard let day = anchorDay(of: expression, reference: reference) else { return reference }
        if let reference, day > reference { return reference }
        return day
    }

    private static func anchorDay(of expression: TemporalExpression, reference: CivilDate?) -> CivilDate? {
        guard let anchor = expression.anchor else { return nil }
        return TimexResolver.day(anchor.spec, reference: reference, direction: anchor.direction)
    }

    /// The day a TIMEX value names ("2024-03-14", "2024-03-14T17:00"); `nil` for a month, a week or unknown parts.
    static func day(of value: String) -> CivilDate? {
        value.utf8.count >= 10 ? CivilDate(iso: value.prefix(10)) : nil
    }

    /// The last day of the period a TIMEX value names: a day, a month ("2024-10"), a quarter ("2024-Q3") or a year.
    static func lastDay(of value: String) -> CivilDate? {
        if let day = day(of: value) { return day }
        let parts = value.split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        if parts.count == 1 { return CivilDate(year: year, month: 12, day: 31) }
        guard parts.count == 2 else { return nil }
        let part = parts[1]
        if part.count == 2, let month = Int(part) {
            return CivilDate(year: year, month: month, day: 1)?.endOfMonth
        }
        if part.count == 2, part.first == "Q", let quarter = Int(part.dropFirst()), (1...4).contains(quarter) {
            return CivilDate(year: year, month: quarter * 3, day: 1)?.endOfMonth
        }
        return nil
    }
}
