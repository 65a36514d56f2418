internal import Core

/// Matches date patterns over ``DateToken``s, left to right; the first complete date wins.
struct DateScanner {
    let tokens: [DateToken]
    let monthFirst: Bool

    /// The first date, with its time of day and what follows the time about the zone.
    func firstStamp() -> DateStamp? {
        var index = 0
        while index < tokens.count {
            if let (date, next) = date(at: index) {
                guard let time = self.time(after: next) else { return DateStamp(local: LocalDateTime(date: date)) }
                return DateStamp(
                    local: LocalDateTime(date: date, hour: time.hour, minute: time.minute),
                    zone: zone(at: time.next)
                )
            }
            index += 1
        }
        return nil
    }

    // MARK: - Time zone

    /// What follows a time about its zone: "Z", "UTC", "GMT", "+00:00" say UTC; "-05:00", "+0300", "GMT+03:00"
    /// give an offset. Named zones ("ET", "CEST") are local times as far as this reader goes.
    private func zone(at index: Int) -> DateStamp.Zone {
        var position = index
        // Fractions of a second: "07:09.312Z".
        if case .symbol(".")? = token(position), case .number? = token(position + 1) { position += 2 }
        if token(position) == .space { position += 1 }
        var sawUTC = false
        if case .word(let word)? = token(position), word == "z" || word == "utc" || word == "gmt" {
            sawUTC = true
            position += 1
        }
        if let offset = offset(at: position) { return offset == 0 ? .utc : .offset(minutes: offset) }
        return sawUTC ? .utc : .unstated
    }

    /// A numeric offset "+03:00", "-0500", "+03" starting at `index`, in minutes east of UTC.
    private func offset(at index: Int) -> Int? {
        guard case .symbol(let sign)? = token(index), sign == "+" || sign == "-" || sign == "−",
            case .number(let value, let digits)? = token(index + 1)
        else { return nil }
        var minutes: Int
        switch digits {
        case 4:
            minutes = (value / 100) * 60 + value % 100
        case 1, 2:
            minutes = value * 60
            if case .symbol(":")? = token(index + 2), case .number(let extra, 2)? = token(index + 3) {
                minutes += extra
            }
        default:
            return nil
        }
        guard minutes <= 14 * 60 else { return nil }
        return sign == "+" ? minutes : -minutes
    }

    // MARK: - Dates

    /// A date starting at token `index`, and the index after it.
    private func date(at index: Int) -> (CivilDate, Int)? {
        switch tokens[index] {
        case .number(let value, let digits):
            if digits == 4 { return yearFirst(value, at: index) }
            if digits <= 2 { return dayOrMonthFirst(value, at: index) }
            return nil
        case .word(let word):
            guard let month = MonthNames.number(word) else { return nil }
            return monthNameFirst(month, at: index)
        default:
            return nil
        }
    }

    /// "2019-11-19", "2019/11/19", "2019.11.19", "2019年11月19日".
    private func yearFirst(_ year: Int, at index: Int) -> (CivilDate, Int)? {
        guard DateTextParser.years.contains(year), isBoundary(before: index) else { return nil }
        if let spelled = yearThenMonthName(year, at: index) { return spelled }
        guard case .symbol(let separator)? = token(index + 1), "-/.年년".contains(separator),
            let month = smallNumber(index + 2), case .symbol(let second)? = token(index + 3),
            second == separator || (separator == "年" && second == "月") || (separator == "년" && second == "월"),
            let day = smallNumber(index + 4), let date = CivilDate(year: year, month: month, day: day)
        else {
            return cjkYearFirst(year, at: index)
        }
        if case .symbol(let mark)? = token(index + 5), mark == "日" || mark == "일" { return (date, index + 6) }
        return (date, index + 5)
    }

    /// "2020. augusztus 18." (Hungarian), "2020 m. rugsėjo 5 d." style: year, month name, day.
    private func yearThenMonthName(_ year: Int, at index: Int) -> (CivilDate, Int)? {
        let position = skipFiller(index + 1, ordinal: false)
        guard position > index + 1, case .word(let word)? = token(position), let month = MonthNames.number(word)
        else { return nil }
        let dayPosition = skipFiller(position + 1, ordinal: false)
        guard let day = smallNumber(dayPosition), let date = CivilDate(year: year, month: month, day: day) else {
            return nil
        }
        return (date, dayPosition + 1)
    }

    /// "2019年 11月 19日" and "2019년 11월 19일" with spaces between the parts.
    private func cjkYearFirst(_ year: Int, at index: Int) -> (CivilDate, Int)? {
        var position = index + 1
        var parts: [Int] = []
        for mark in [["年", "년"], ["月", "월"]] {
            guard case .symbol(let symbol)? = token(position), mark.contains(String(symbol)) else { return nil }
            position += 1
            if token(position) == .space { position += 1 }
            guard let value = smallNumber(position) else { return nil }
            parts.append(value)
            position += 1
        }
        guard let date = CivilDate(year: year, month: parts[0], day: parts[1]) else { return nil }
        if case .symbol(let mark)? = token(position), mark == "日" || mark == "일" { position += 1 }
        return (date, position)
    }

    /// "19.11.2019", "19/11/2019", "11/19/2019", "19. November 2019", "19 de noviembre de 2019", "19th Nov 2019".
    private func dayOrMonthFirst(_ first: Int, at index: Int) -> (CivilDate, Int)? {
        guard isBoundary(before: index) else { return nil }
        if case .symbol(let separator)? = token(index + 1), "./-".contains(separator),
            let second = smallNumber(index + 2), case .symbol(let again)? = token(index + 3), again == separator,
            let year = fourDigitYear(index + 4)
        {
            let monthFirstHere = (monthFirst && first <= 12) || second > 12
            let (month, day) = monthFirstHere ? (first, second) : (second, first)
            guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
            return (date, index + 5)
        }
        var position = skipFiller(index + 1, ordinal: true)
        guard case .word(let word)? = token(position), let month = MonthNames.number(word) else { return nil }
        position = skipFiller(position + 1, ordinal: false)
        guard let year = fourDigitYear(position), let date = CivilDate(year: year, month: month, day: first) else {
            return nil
        }
        return (date, position + 1)
    }

    /// "November 19, 2019", "Nov. 19 2019", "Nov 19th, 2019".
    private func monthNameFirst(_ month: Int, at index: Int) -> (CivilDate, Int)? {
        var position = skipFiller(index + 1, ordinal: false)
        guard let day = smallNumber(position) else { return nil }
        position = skipFiller(position + 1, ordinal: true)
        guard let year = fourDigitYear(position), let date = CivilDate(year: year, month: month, day: day) else {
            return nil
        }
        return (date, position + 1)
    }

    // MARK: - Time of day

    /// "22:07", "10:07 a.m.", "at 5 pm", "14h30", "T22:07:09", within a few tokens after the date; with the index
    /// after it.
    private func time(after index: Int) -> (hour: Int, minute: Int, next: Int)? {
        var position = index
        var skipped = 0
        while skipped < 4, let token = token(position) {
            switch token {
            case .space, .symbol(","), .symbol("|"), .symbol("-"), .symbol("–"), .symbol("·"), .symbol("•"),
                .symbol("/"):
                position += 1
            case .word(let word) where Self.timeFillers.contains(word):
                position += 1
            default:
                skipped = 4
                continue
            }
            skipped += 1
        }
        guard case .number(var hour, let digits)? = token(position), digits <= 2, hour < 24 else { return nil }
        var minute = 0
        var next = position + 1
        if case .symbol(let separator)? = token(next), separator == ":" || separator == ".",
            case .number(let value, 2)? = token(next + 1), value < 60
        {
            minute = value
            next += 2
            // Seconds, sometimes written with one digit ("23:15:0Z").
            if case .symbol(":")? = token(next), case .number(_, let digits)? = token(next + 1), digits <= 2 {
                next += 2
            }
        } else if case .word("h")? = token(next), case .number(let value, 2)? = token(next + 1), value < 60 {
            minute = value
            next += 2
        } else if !isMeridiem(next) {
            return nil
        }
        if isMeridiem(next) {
            let pm = meridiemIsPM(next)
            guard hour >= 1, hour <= 12 else { return nil }
            if pm, hour < 12 { hour += 12 }
            if !pm, hour == 12 { hour = 0 }
            next = afterMeridiem(next)
        }
        return (hour, minute, next)
    }

    static let timeFillers: Set<String> = ["t", "at", "um", "a", "as", "alle", "ore", "om", "kl", "las", "le", "h"]

    private func isMeridiem(_ index: Int) -> Bool {
        var position = index
        if token(position) == .space { position += 1 }
        guard case .word(let word)? = token(position) else { return false }
        return word == "am" || word == "pm" || word == "a" || word == "p"
    }

    /// The index after "pm", "p.m." or "p. m.".
    private func afterMeridiem(_ index: Int) -> Int {
        var position = index
        if token(position) == .space { position += 1 }
        position += 1
        if case .symbol(".")? = token(position), case .word("m")? = token(position + 1) {
            position += 2
            if case .symbol(".")? = token(position) { position += 1 }
        }
        return position
    }

    private func meridiemIsPM(_ index: Int) -> Bool {
        var position = index
        if token(position) == .space { position += 1 }
        guard case .word(let word)? = token(position) else { return false }
        return word.hasPrefix("p")
    }

    // MARK: - Helpers

    private func token(_ index: Int) -> DateToken? { index < tokens.count ? tokens[index] : nil }

    private func smallNumber(_ index: Int) -> Int? {
        guard case .number(let value, let digits)? = token(index), digits <= 2 else { return nil }
        return value
    }

    private func fourDigitYear(_ index: Int) -> Int? {
        guard case .number(let value, 4)? = token(index), DateTextParser.years.contains(value) else { return nil }
        // "2019b" or "20191" is a code, not a year.
        switch token(index + 1) {
        case .number?, .word?: return nil
        default: return value
        }
    }

    /// A number glued to a preceding number or word ("A1", "12.2019.3") is not a date's start.
    private func isBoundary(before index: Int) -> Bool {
        guard index > 0 else { return true }
        switch tokens[index - 1] {
        case .number, .word: return false
        case .symbol(let symbol):
            return !(symbol == "." && index >= 2 && tokens[index - 2] != .space && isNumber(index - 2))
        case .space: return true
        }
    }

    private func isNumber(_ index: Int) -> Bool {
        if case .number = tokens[index] { return true }
        return false
    }

    /// Skips spaces, commas, periods, "de"/"del", and an ordinal suffix ("19th", "1er", "2º").
    private func skipFiller(_ index: Int, ordinal: Bool) -> Int {
        var position = index
        while let token = token(position) {
            switch token {
            case .space, .symbol(","), .symbol("."), .symbol("º"), .symbol("°"):
                position += 1
            case .word(let word) where ["de", "del", "of"].contains(word):
                position += 1
            case .word(let word) where ordinal && ["st", "nd", "rd", "th", "er", "e", "o", "a"].contains(word):
                position += 1
            default:
                return position
            }
        }
        return position
    }
}
