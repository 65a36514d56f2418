public import Core

/// Turns a tagged time expression into a date, following the facts-dev annotation rules: "within 48 hours" is the
/// reference date plus ceil(48/24) days, a weekday is the first one strictly after the reference date, a month and
/// day without a year take the year closest to the reference date, and so on.
enum TemporalResolver {
    static func resolve(_ expression: TemporalExpression, reference: CivilDate?) -> LocalDateTime? {
        guard let date = date(expression.value, reference: reference) else { return nil }
        guard let minute = expression.minuteOfDay else { return LocalDateTime(date: date) }
        return LocalDateTime(date: date, hour: minute / 60, minute: minute % 60)
    }

    static func date(_ value: TemporalExpression.Value, reference: CivilDate?) -> CivilDate? {
        if case .monthDay(let month, let day, let year?) = value {
            return CivilDate(year: year, month: month, day: day)
        }
        guard let reference else { return nil }
        switch value {
        case .offsetDays(let days):
            return reference.adding(days: days)
        case .offsetMonths(let months):
            let total = reference.year * 12 + (reference.month - 1) + months
            let year = total / 12
            let month = total % 12 + 1
            let day = min(reference.day, CivilDate.daysIn(month: month, year: year))
            return CivilDate(year: year, month: month, day: day)
        case .weekday(let weekday):
            var delta = (weekday - reference.weekday + 7) % 7
            if delta == 0 { delta = 7 }
            return reference.adding(days: delta)
        case .monthDay(let month, let day, _):
            return closestYear(month: month, day: day, reference: reference)
        case .dayOfMonth(let day):
            if day >= reference.day, let date = CivilDate(year: reference.year, month: reference.month, day: day) {
                return date
            }
            let next = reference.endOfMonth.adding(days: 1)
            return CivilDate(year: next.year, month: next.month, day: day)
        case .endOfMonth:
            return reference.endOfMonth
        case .endOfYear:
            return CivilDate(year: reference.year, month: 12, day: 31)
        case .endOfNamedMonth(let month):
            guard let first = closestYear(month: month, day: 1, reference: reference) else { return nil }
            return first.endOfMonth
        case .referenceDay:
            return reference
        case .sameDeadline, .theDeadline:
            return nil
        }
    }

    /// The date with this month and day in the year (reference year ±1) closest to the reference date.
    private static func closestYear(month: Int, day: Int, reference: CivilDate) -> CivilDate? {
        var best: CivilDate?
        var bestDistance = Int.max
        for year in [reference.year, reference.year + 1, reference.year - 1] {
            guard let candidate = CivilDate(year: year, month: month, day: day) else { continue }
            let distance = abs(candidate.dayNumber - reference.dayNumber)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }
}
