import Core

/// Calendar dates, relative dates, quarters, seasons and years.
extension TimexGrammar {
    // MARK: - Dates

    /// A calendar date, month, year, weekday or relative day, week, month or year.
    func date(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard start < limit else { return nil }
        if let found = weekdayDate(at: start) { return found }
        if let found = monthFirst(at: start) { return found }
        if let found = dayFirst(at: start) { return found }
        if let found = dayOfMonth(at: start) { return found }
        if let found = numericDate(at: start) { return found }
        if let found = relative(at: start) { return found }
        if let found = quarterOrHalf(at: start) { return found }
        if let found = season(at: start) { return found }
        return yearOrDecade(at: start)
    }

    func weekday(at index: Int) -> (Int, Int)? {
        guard index < limit, tokens[index].capitalized, let day = NumberWords.weekdays[tokens[index].key] else {
            return nil
        }
        let full = tokens[index].key.count > 4
        if full { return (index + 1, day) }
        // "Fri.", "Tues.": an abbreviation needs its dot.
        if index + 1 < limit, tokens[index + 1].text == "." { return (index + 2, day) }
        return nil
    }

    static let weekdayDirections: [[String]] = [["this"], ["last"], ["next"], ["coming"], ["past"]]

    func weekdayDate(at start: Int) -> (end: Int, spec: TimexSpec)? {
        var index = start
        var direction = 0
        if let next = takeAny(Self.weekdayDirections, at: index) {
            direction = key(index) == "last" || key(index) == "past" ? -1 : (key(index) == "this" ? 0 : 1)
            index = next
        }
        guard let (end, day) = weekday(at: index) else { return nil }
        var probe = end
        if key(probe) == "," { probe += 1 }
        if let (dateEnd, date) = monthFirst(at: probe) ?? dayFirst(at: probe) {
            switch date {
            case .date, .monthDay: return (dateEnd, date)
            default: break
            }
        }
        if index > start, direction != 0 { return (end, .directedWeekday(day, direction)) }
        return (end, .weekday(day))
    }

    func month(at index: Int) -> (Int, Int)? {
        guard index < limit, tokens[index].capitalized, let month = NumberWords.months[tokens[index].key] else {
            return nil
        }
        let word = tokens[index].key
        if word.count <= 4, word != "june", word != "july", word != "may" {
            // "Sept.", "Jan." need their dot or a number after them.
            if index + 1 < limit, tokens[index + 1].text == "." { return (index + 2, month) }
            if index + 1 < limit, tokens[index + 1].kind == .number { return (index + 1, month) }
            return nil
        }
        return (index + 1, month)
    }

    func dayNumber(at index: Int) -> (Int, Int)? {
        guard index < limit, let day = tokens[index].dayOfMonth else { return nil }
        return (index + 1, day)
    }

    func fourDigitYear(at index: Int) -> (Int, Int)? {
        guard index < limit, tokens[index].kind == .number, tokens[index].text.count == 4,
            let year = tokens[index].number, (1000...2199).contains(year)
        else { return nil }
        return (index + 1, year)
    }

    /// "April 3", "October 9, 2002", "October 1982", "February", "Sept. 2".
    func monthFirst(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard let (afterMonth, month) = month(at: start) else { return nil }
        if let (afterDay, day) = dayNumber(at: afterMonth),
            !(afterDay < limit && tokens[afterDay].kind == .number && tokens[afterDay].text.count < 4)
        {
            var probe = afterDay
            if key(probe) == "," { probe += 1 }
            if let (end, year) = fourDigitYear(at: probe) {
                return (end, .date(year: year, month: month, day: day))
            }
            return (afterDay, .monthDay(month: month, day: day))
        }
        var probe = afterMonth
        if key(probe) == "," { probe += 1 }
        if let (end, year) = fourDigitYear(at: probe) {
            return (end, .monthYear(month: month, year: year))
        }
        // "May" and "March" alone are words as often as months: only after a word that introduces a date.
        let word = tokens[start].key
        if word == "may" || word == "march" {
            let previous = start > floor ? tokens[start - 1].key : ""
            guard Self.monthIntroducers.contains(previous) else { return nil }
        }
        return (afterMonth, .month(month))
    }

    static let monthIntroducers: Set<String> = [
        "in", "since", "until", "by", "early", "late", "mid", "-", "last", "next", "this", "of", "from", "through",
        "till", "before", "after", "during", "and", "or", "to",
    ]

    /// "3 April", "12 March 2024", "the 15th of March".
    func dayFirst(at start: Int) -> (end: Int, spec: TimexSpec)? {
        var index = start
        if key(index) == "the", dayNumber(at: index + 1) != nil { index += 1 }
        guard let (afterDay, day) = dayNumber(at: index) else { return nil }
        var probe = afterDay
        if key(probe) == "of" { probe += 1 }
        guard let (afterMonth, month) = month(at: probe) else { return nil }
        var yearProbe = afterMonth
        if key(yearProbe) == "," { yearProbe += 1 }
        if let (end, year) = fourDigitYear(at: yearProbe) {
            return (end, .date(year: year, month: month, day: day))
        }
        return (afterMonth, .monthDay(month: month, day: day))
    }

    static let dayOfMonthIntroducers: Set<String> = ["on", "by", "before", "until", "till", "from", "since", "after"]

    /// "on or before the 15th": an ordinal day with no month, after a word that dates something.
    func dayOfMonth(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard key(start) == "the", start > floor, Self.dayOfMonthIntroducers.contains(tokens[start - 1].key),
            start + 1 < limit, let day = tokens[start + 1].dayOfMonth,
            tokens[start + 1].key.last?.isLetter == true
        else { return nil }
        // "the 15th century", "the 2nd round": a noun after the ordinal makes it something else.
        if start + 2 < limit, tokens[start + 2].isWord { return nil }
        return (start + 2, .dayOfMonth(day))
    }

    /// "7/8/07" (month first, as U.S. copy writes it), "2024-03-14".
    func numericDate(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard start + 4 < limit, tokens[start].kind == .number else { return nil }
        let a = tokens[start]
        let separator = tokens[start + 1].text
        guard separator == "/" || separator == "-", tokens[start + 3].text == separator,
            tokens[start + 2].kind == .number, tokens[start + 4].kind == .number,
            tokens[start + 1].start == a.end, tokens[start + 2].start == tokens[start + 1].end,
            let first = a.number, let second = tokens[start + 2].number, let third = tokens[start + 4].number
        else { return nil }
        if separator == "-", a.text.count == 4, let date = CivilDate(year: first, month: second, day: third) {
            return (start + 5, .date(year: date.year, month: date.month, day: date.day))
        }
        if separator == "/" {
            let yearText = tokens[start + 4].text
            let year = yearText.count == 2 ? (third < 50 ? 2000 + third : 1900 + third) : third
            if yearText.count == 2 || yearText.count == 4, let date = CivilDate(year: year, month: first, day: second) {
                return (start + 5, .date(year: date.year, month: date.month, day: date.day))
            }
        }
        return nil
    }

    static let quantityWords: Set<String> = [
        "%", "percent", "per", "people", "km", "miles", "feet", "metres", "meters", "troops", "units", "cars", "jobs",
        "employees", "tonnes", "tons", "barrels", "votes", "seats", "points",
    ]
    static let currency: Set<String> = ["$", "us$", "€", "£", "#", "¥", "rs"]

    /// "2003", "'82", "the 1990s", "70s".
    func yearOrDecade(at start: Int) -> (end: Int, spec: TimexSpec)? {
        var index = start
        let apostrophe = key(index) == "'" || key(index) == "\u{2019}"
        if apostrophe { index += 1 }
        guard index < limit, tokens[index].kind == .number, let value = tokens[index].number else { return nil }
        let text = tokens[index].text
        if start > floor, Self.currency.contains(tokens[start - 1].key) { return nil }
        let decadeS = index + 1 < limit && tokens[index + 1].key == "s" && tokens[index + 1].start == tokens[index].end
        if decadeS {
            if text.count == 4, value % 10 == 0, (1000...2199).contains(value) {
                return (index + 2, .decade(value / 10))
            }
            if text.count == 2, value % 10 == 0 { return (index + 2, .decade(190 + value / 10)) }
            return nil
        }
        if apostrophe, text.count == 2 {
            return (index + 1, .year(value < 30 ? 2000 + value : 1900 + value))
        }
        guard !apostrophe, text.count == 4, (1900...2099).contains(value) else { return nil }
        if Self.quantityWords.contains(key(index + 1)) { return nil }
        return (index + 1, .year(value))
    }

    // MARK: - Relative dates

    static let relativeDays: [String: Int] = ["today": 0, "yesterday": -1, "tomorrow": 1]
    static let directionWords: [String: Int] = [
        "this": 0, "last": -1, "next": 1, "previous": -1, "coming": 1, "following": 1, "current": 0, "same": 0,
    ]

    static let sameDays: [[String]] = [["the", "same", "day"], ["that", "same", "day"], ["that", "day"]]

    func relative(at start: Int) -> (end: Int, spec: TimexSpec)? {
        let word = key(start)
        if let end = takeAny(Self.sameDays, at: start) {
            return (end, .sameDay)
        }
        if word == "the", key(start + 1) == "day", !["before", "after", "'s", "of"].contains(key(start + 2)),
            start > floor, ["on", "during", "for", "throughout", "over", "into", "by"].contains(tokens[start - 1].key)
        {
            return (start + 2, .sameDay)
        }
        if let offset = Self.relativeDays[word] { return (start + 1, .relativeDay(offset)) }
        if word == "tonight" { return (start + 1, .dayPart(.relativeDay(0), .night)) }
        if word == "this", let part = Self.dayParts[key(start + 1)] {
            return (start + 2, .dayPart(.relativeDay(0), part))
        }
        if word == "last", key(start + 1) == "night" { return (start + 2, .dayPart(.relativeDay(-1), .night)) }
        // "this week", "last year", "the previous year", "next month", "this weekend".
        var index = start
        var definite = false
        if word == "the" {
            index += 1
            definite = true
        }
        guard let offset = Self.directionWords[key(index)] else {
            // "the year before", "a year earlier" are left alone; "the weekend" is this or last weekend.
            if definite, key(index) == "weekend" { return (index + 1, .weekend) }
            return nil
        }
        // "the last year" and "this year" are dates; "the past year" is a period (a duration, read elsewhere).
        let directionWord = key(index)
        if directionWord == "same" || directionWord == "current" && !definite { return nil }
        let unit = key(index + 1)
        let end = index + 2
        switch unit {
        case "week": return (end, .relativeWeek(offset))
        case "weekend": return (end, .relativeWeekend(offset))
        case "month": return (end, .relativeMonth(offset))
        case "year": return (end, .relativeYear(offset))
        case "quarter":
            return offset == -1 ? (end, .previousQuarter) : nil
        default: return nil
        }
    }

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]

    /// "the first quarter of 2009", "third-quarter", "the fourth quarter", "the first half of last year", "Q1".
    func quarterOrHalf(at start: Int) -> (end: Int, spec: TimexSpec)? {
        var index = start
        if key(index) == "the" { index += 1 }
        let word = key(index)
        if word.count == 2, word.hasPrefix("q"), let number = Int(word.dropFirst()), (1...4).contains(number) {
            let (end, year) = yearRef(at: index + 1)
            return (end, .quarter(number, year))
        }
        guard let ordinal = Self.ordinals[word] else { return nil }
        var next = index + 1
        if key(next) == "-" { next += 1 }
        let unit = key(next)
        guard unit == "quarter" || unit == "half" else { return nil }
        let (end, year) = yearRef(at: next + 1)
        if unit == "quarter" { return (end, .quarter(ordinal, year)) }
        guard ordinal <= 2 else { return nil }
        return (end, .half(ordinal, year))
    }

    /// "of 2009", "2009", "of last year", "of this year", or nothing.
    func yearRef(at start: Int) -> (Int, TimexSpec.YearRef) {
        var index = start
        if key(index) == "of" { index += 1 }
        if let (end, year) = fourDigitYear(at: index) { return (end, .explicit(year)) }
        if let offset = Self.directionWords[key(index)], key(index + 1) == "year" {
            return (index + 2, .relative(offset))
        }
        if key(index) == "the", let offset = Self.directionWords[key(index + 1)], key(index + 2) == "year" {
            return (index + 3, .relative(offset))
        }
        return (start, .inferred)
    }

    static let seasons: [String: String] = [
        "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
    ]

    /// "spring", "last summer", "autumn 2008", "the fall of 2009".
    func season(at start: Int) -> (end: Int, spec: TimexSpec)? {
        var index = start
        var offset: Int?
        if let direction = Self.directionWords[key(index)], key(index) != "same" {
            offset = direction
            index += 1
        } else if key(index) == "the" {
            index += 1
        }
        guard let code = Self.seasons[key(index)] else { return nil }
        let previous = start > floor ? tokens[start - 1].key : ""
        var (end, year) = yearRef(at: index + 1)
        if case .inferred = year {
            if let offset {
                year = .relative(offset)
            } else if key(index) == "fall"
                || !["in", "this", "early", "late", "mid", "the", "-"].contains(previous)
                    && index == start
            {
                // "fall" is a verb and "spring" a noun unless a date word goes with them.
                return nil
            }
        }
        if case .inferred = year, end == index + 1, key(index) == "fall", offset == nil { return nil }
        if end == index + 1 { end = index + 1 }
        return (end, .season(code, year))
    }
}
