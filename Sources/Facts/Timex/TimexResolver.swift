import Core

/// Turns a ``TimexSpec`` into its TimeML value against a reference date (the document's date) and the direction of
/// its clause: a weekday, a month or a quarter without a year is the last one in a past-tense clause and the next
/// one in a future-tense clause.
enum TimexResolver {
    typealias Direction = TimexSpec.Direction

    static func value(_ spec: TimexSpec, reference: CivilDate?, direction: Direction) -> String {
        switch spec {
        case .duration(let value), .set(let value), .reference(let value):
            return value
        case .year(let year):
            return pad(year, 4)
        case .decade(let decade):
            return String(decade)
        case .date(let year, let month, let day):
            return CivilDate(year: year, month: month, day: day)?.iso ?? "XXXX-XX-XX"
        case .monthYear(let month, let year):
            return "\(pad(year, 4))-\(pad(month, 2))"
        case .end(let period):
            return value(period, reference: reference, direction: direction)
        default:
            guard let reference else { return unanchored(spec) }
            return anchored(spec, reference: reference, direction: direction)
        }
    }

    /// The day a spec names, anchored the way ``value(_:reference:direction:)`` writes it: what a deadline reads,
    /// without formatting and parsing a value; `nil` for a longer period or without the reference it needs.
    static func day(_ spec: TimexSpec, reference: CivilDate?, direction: Direction) -> CivilDate? {
        switch spec {
        case .date(let year, let month, let day):
            return CivilDate(year: year, month: month, day: day)
        case .clock(_, _, let date?), .dayPart(let date, _), .end(let date):
            return day(date, reference: reference, direction: direction)
        default:
            guard let reference else { return nil }
            switch spec {
            case .monthDay(let month, let day):
                // A month and day is within months of the story: the nearest such date, which tense rarely overrules.
                return monthDay(month: month, day: day, reference: reference, direction: .unknown)
            case .weekday(let day):
                return weekday(day, reference: reference, direction: direction)
            case .dayOfMonth(let day):
                return dayOfMonth(day, reference: reference, direction: direction)
            case .directedWeekday(let day, let written):
                // "next Thursday" written on a Thursday is a week ahead, "last Thursday" a week back.
                let date = weekday(day, reference: reference, direction: written < 0 ? .past : .future)
                return date == reference ? reference.adding(days: written < 0 ? -7 : 7) : date
            case .relativeDay(let offset):
                return reference.adding(days: offset)
            case .ago(let days, 0, 0):
                return reference.adding(days: -days)
            default:
                return nil
            }
        }
    }

    private static func anchored(_ spec: TimexSpec, reference: CivilDate, direction: Direction) -> String {
        switch spec {
        case .monthDay, .weekday, .dayOfMonth, .directedWeekday, .relativeDay:
            return day(spec, reference: reference, direction: direction)?.iso ?? "XXXX-XX-XX"
        case .month(let month):
            var year = reference.year
            if direction == .past, month > reference.month { year -= 1 }
            if direction == .future, month < reference.month { year += 1 }
            return "\(pad(year, 4))-\(pad(month, 2))"
        case .relativeWeek(let offset):
            return isoWeek(reference.adding(days: 7 * offset))
        case .relativeWeekend(let offset):
            return isoWeek(reference.adding(days: 7 * offset)) + "-WE"
        case .weekend:
            let shift = direction == .past && reference.weekday < 6 ? -7 : 0
            return isoWeek(reference.adding(days: shift)) + "-WE"
        case .relativeMonth(let offset):
            let (year, month) = addMonths(reference.year, reference.month, offset)
            return "\(pad(year, 4))-\(pad(month, 2))"
        case .relativeYear(let offset):
            return pad(reference.year + offset, 4)
        case .quarter(let quarter, let yearRef):
            let current = (reference.month - 1) / 3 + 1
            return "\(pad(year(yearRef, part: quarter, current: current, reference, direction), 4))-Q\(quarter)"
        case .previousQuarter:
            let current = (reference.month - 1) / 3 + 1
            return current == 1 ? "\(pad(reference.year - 1, 4))-Q4" : "\(pad(reference.year, 4))-Q\(current - 1)"
        case .half(let half, let yearRef):
            let current = reference.month <= 6 ? 1 : 2
            return "\(pad(year(yearRef, part: half, current: current, reference, direction), 4))-H\(half)"
        case .season(let code, let yearRef):
            let order = ["WI": 1, "SP": 2, "SU": 3, "FA": 4]
            let current = reference.month <= 2 || reference.month == 12 ? 1 : (reference.month + 1) / 3
            let season = order[code] ?? 1
            return "\(pad(year(yearRef, part: season, current: current, reference, direction), 4))-\(code)"
        case .ago(let days, let months, let years):
            if years > 0 { return pad(reference.year - years, 4) }
            if months > 0 {
                let (year, month) = addMonths(reference.year, reference.month, -months)
                return "\(pad(year, 4))-\(pad(month, 2))"
            }
            return reference.adding(days: -days).iso
        case .dayPart(let date, let part):
            return value(date, reference: reference, direction: direction) + "T" + part.rawValue
        case .clock(let minute, let utc, let date):
            let day = date.map { value($0, reference: reference, direction: direction) } ?? reference.iso
            return "\(day)T\(pad(minute / 60, 2)):\(pad(minute % 60, 2))" + (utc ? "Z" : "")
        default:
            return value(spec, reference: nil, direction: direction)
        }
    }

    /// Values with unknown parts, for a text with no reference date.
    private static func unanchored(_ spec: TimexSpec) -> String {
        switch spec {
        case .monthDay(let month, let day): return "XXXX-\(pad(month, 2))-\(pad(day, 2))"
        case .month(let month): return "XXXX-\(pad(month, 2))"
        case .quarter(let quarter, .explicit(let year)): return "\(pad(year, 4))-Q\(quarter)"
        case .quarter(let quarter, _): return "XXXX-Q\(quarter)"
        case .half(let half, _): return "XXXX-H\(half)"
        case .season(let code, .explicit(let year)): return "\(pad(year, 4))-\(code)"
        case .season(let code, _): return "XXXX-\(code)"
        case .relativeWeek, .relativeWeekend, .weekend: return "XXXX-WXX"
        case .relativeMonth: return "XXXX-XX"
        case .relativeYear, .ago: return "XXXX"
        case .date, .monthYear, .year, .decade: return value(spec, reference: nil, direction: .unknown)
        case .dayOfMonth(let day): return "XXXX-XX-\(pad(day, 2))"
        case .dayPart(let date, let part): return unanchored(date) + "T" + part.rawValue
        case .clock(let minute, let utc, let date):
            let day = date.map(unanchored) ?? "XXXX-XX-XX"
            return "\(day)T\(pad(minute / 60, 2)):\(pad(minute % 60, 2))" + (utc ? "Z" : "")
        default: return "XXXX-XX-XX"
        }
    }

    /// The year of a quarter, half or season: written, relative to the reference year, or inferred from the tense.
    private static func year(
        _ ref: TimexSpec.YearRef,
        part: Int,
        current: Int,
        _ reference: CivilDate,
        _ direction: Direction
    ) -> Int {
        switch ref {
        case .explicit(let year): return year
        case .relative(let offset): return reference.year + offset
        case .inferred:
            if direction == .past, part > current { return reference.year - 1 }
            if direction == .future, part < current { return reference.year + 1 }
            return reference.year
        }
    }

    /// A weekday: the latest one on or before the reference date in a past clause, the first one on or after it in
    /// a future clause ("will vote on Friday" in a Friday story is that day), else the nearest one.
    static func weekday(_ day: Int, reference: CivilDate, direction: Direction) -> CivilDate {
        let back = (reference.weekday - day + 7) % 7
        let forward = (day - reference.weekday + 7) % 7
        switch direction {
        case .past: return reference.adding(days: -back)
        case .future: return reference.adding(days: forward)
        case .unknown: return back <= forward ? reference.adding(days: -back) : reference.adding(days: forward)
        }
    }

    /// "the 15th": in the reference month, or in the next month when that day is past (the previous one in a past
    /// clause).
    static func dayOfMonth(_ day: Int, reference: CivilDate, direction: Direction) -> CivilDate? {
        let shift: Int
        if direction == .past {
            shift = day <= reference.day ? 0 : -1
        } else {
            shift = day >= reference.day ? 0 : 1
        }
        let (year, number) = addMonths(reference.year, reference.month, shift)
        return CivilDate(year: year, month: number, day: day)
    }

    /// A month and day without a year: in the year that puts it before (past), after (future) or nearest to the
    /// reference date.
    static func monthDay(month: Int, day: Int, reference: CivilDate, direction: Direction) -> CivilDate? {
        let candidates = [reference.year - 1, reference.year, reference.year + 1].compactMap {
            CivilDate(year: $0, month: month, day: day)
        }
        switch direction {
        case .past:
            if let date = candidates.last(where: { $0 <= reference }) { return date }
        case .future:
            if let date = candidates.first(where: { $0 >= reference }) { return date }
        case .unknown:
            break
        }
        return candidates.min { abs($0.dayNumber - reference.dayNumber) < abs($1.dayNumber - reference.dayNumber) }
    }

    /// "2008-W35": the ISO 8601 week of a date.
    static func isoWeek(_ date: CivilDate) -> String {
        let thursday = date.adding(days: 4 - date.weekday)
        let firstOfYear = CivilDate(year: thursday.year, month: 1, day: 1)!
        let week = (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1
        return "\(pad(thursday.year, 4))-W\(pad(week, 2))"
    }

    private static func addMonths(_ year: Int, _ month: Int, _ offset: Int) -> (Int, Int) {
        let total = year * 12 + (month - 1) + offset
        return (total / 12, total % 12 + 1)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
