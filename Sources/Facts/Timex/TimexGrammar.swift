import Core

/// The grammar of time expressions in English news: which tokens form one and what it says (a ``TimexSpec``).
///
/// It reads one sentence's tokens from a position and returns the longest expression starting there. Dates are
/// tried before durations ("the past week" is a period, "last week" a date), durations before references.
struct TimexGrammar {
    let tokens: [Token]
    let limit: Int
    let floor: Int

    init(tokens: [Token], range: Range<Int>) {
        self.tokens = tokens
        limit = range.upperBound
        floor = range.lowerBound
    }

    /// The expression starting at `start`: its end (exclusive token index) and what it says.
    func match(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard start < limit else { return nil }
        let first = tokens[start]
        guard first.kind != .punct || first.text == "'" else { return nil }
        if let found = modified(at: start) { return found }
        if let found = setAfterQuantity(at: start) { return found }
        if let found = clockFirst(at: start) { return found }
        if let found = dateWithTime(at: start) { return found }
        if let found = duration(at: start) { return found }
        if let found = recurrence(at: start) { return found }
        return reference(at: start)
    }

    // MARK: - Token helpers

    func key(_ index: Int) -> String { index < limit && index >= floor ? tokens[index].key : "" }

    private func capitalized(_ index: Int) -> Bool { index < limit && tokens[index].capitalized }

    /// Consumes `words` at `index`; returns the index after them.
    func take(_ words: [String], at index: Int) -> Int? {
        guard index + words.count <= limit else { return nil }
        for (offset, word) in words.enumerated() where tokens[index + offset].key != word { return nil }
        return index + words.count
    }

    private func takeAny(_ options: [[String]], at index: Int) -> Int? {
        for words in options {
            if let next = take(words, at: index) { return next }
        }
        return nil
    }

    // MARK: - "early June", "the end of this year", "mid-2011"

    private static let modifiers: [[String]] = [
        ["the", "end", "of"], ["the", "beginning", "of"], ["the", "start", "of"], ["the", "middle", "of"],
        ["the", "turn", "of"], ["end", "of"], ["beginning", "of"], ["start", "of"], ["mid", "-"], ["early"],
        ["late"], ["mid"], ["earlier"], ["later"],
    ]

    private func modified(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard let next = takeAny(Self.modifiers, at: start) else { return nil }
        guard let (end, spec) = dateWithTime(at: next) else { return nil }
        // "earlier today", "later this year": a modifier of a date keeps the date's value.
        switch spec {
        case .duration, .set, .reference: return nil
        default: return (end, spec)
        }
    }

    // MARK: - Dates with an optional clock time or part of day

    private static let dayParts: [String: TimexSpec.DayPart] = [
        "morning": .morning, "afternoon": .afternoon, "evening": .evening, "night": .night, "overnight": .night,
    ]

    private func dateWithTime(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard let (end, date) = date(at: start) else { return nil }
        if let part = Self.dayParts[key(end)], isDay(date) {
            return (end + 1, .dayPart(date, part))
        }
        var probe = end
        if key(probe) == "at" || key(probe) == "," { probe += 1 }
        if isDay(date), let (clockEnd, minute, utc) = clock(at: probe) {
            return (clockEnd, .clock(minute: minute, utc: utc, on: date))
        }
        return (end, date)
    }

    private func isDay(_ spec: TimexSpec) -> Bool {
        switch spec {
        case .date, .monthDay, .weekday, .directedWeekday, .relativeDay: return true
        default: return false
        }
    }

    /// "16:08 UTC", "5 p.m. on Friday", "12:00 UTC Monday", "noon Friday".
    private func clockFirst(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard let (end, minute, utc) = clock(at: start) else { return nil }
        var probe = end
        // "12:00 UTC Monday", "5 p.m. on Friday"; after a comma a date is an expression of its own.
        if key(probe) == "on" { probe += 1 }
        if let (dateEnd, date) = date(at: probe), isDay(date) {
            return (dateEnd, .clock(minute: minute, utc: utc, on: date))
        }
        return (end, .clock(minute: minute, utc: utc, on: nil))
    }

    /// A clock time with its zone: minutes after midnight and whether the zone is UTC.
    func clock(at start: Int) -> (end: Int, minute: Int, utc: Bool)? {
        guard start < limit else { return nil }
        var index = start
        var minute: Int?
        let token = tokens[index]
        if token.key == "noon" || token.key == "midday" {
            minute = 12 * 60
            index += 1
        } else if token.key == "midnight" {
            minute = 24 * 60
            index += 1
        } else if token.kind == .time {
            let parts = token.text.split(separator: ":")
            if parts.count == 2, let hour = Int(parts[0]), let min = Int(parts[1]), hour < 24, min < 60 {
                index += 1
                minute = hour * 60 + min
                if let (next, adjusted) = meridiem(at: index, hour: hour, minute: min) {
                    index = next
                    minute = adjusted
                }
            }
        } else if token.kind == .number, let hour = token.number, token.text.count <= 2, (1...12).contains(hour),
            let (next, adjusted) = meridiem(at: index + 1, hour: hour, minute: 0)
        {
            index = next
            minute = adjusted
        } else if token.kind == .number, token.text.count == 4, let value = token.number, value % 100 < 60,
            value / 100 < 24, Self.utcZones.contains(key(index + 1))
        {
            // "0800 UTC", "1400 GMT".
            minute = (value / 100) * 60 + value % 100
            index += 1
        }
        guard let minute else { return nil }
        let (end, utc) = zone(at: index)
        return (end, minute, utc)
    }

    private func meridiem(at index: Int, hour: Int, minute: Int) -> (Int, Int)? {
        guard index < limit, hour <= 12 else { return nil }
        let word = key(index)
        let pm = ["p.m.", "pm", "p.m"].contains(word)
        let am = ["a.m.", "am", "a.m"].contains(word)
        guard pm || am else { return nil }
        var next = index + 1
        if next < limit, tokens[next].text == ".", word.count <= 3 { next += 1 }
        return (next, (hour % 12 + (pm ? 12 : 0)) * 60 + minute)
    }

    private static let utcZones: Set<String> = ["utc", "gmt", "z"]
    private static let zones: Set<String> = [
        "utc", "gmt", "edt", "est", "et", "cet", "cest", "bst", "msk", "pdt", "pst", "cdt", "cst", "ist", "jst", "eet",
        "eest", "wib", "sast", "aest", "aedt", "hkt", "sgt",
    ]

    /// "UTC", "GMT", "local time", "Moscow time", "Eastern Daylight Time", "( GMT +8 )".
    private func zone(at start: Int) -> (Int, Bool) {
        var index = start
        if key(index) == "(", Self.zones.contains(key(index + 1)) {
            var close = index + 2
            while close < limit, close < index + 6, key(close) != ")" { close += 1 }
            if key(close) == ")" { return (close + 1, false) }
        }
        if Self.zones.contains(key(index)) {
            let utc = Self.utcZones.contains(key(index))
            index += 1
            // "GMT+8", "UTC + 3": an offset makes it local.
            if key(index) == "+" || key(index) == "-", index + 1 < limit, tokens[index + 1].kind == .number {
                return (index + 2, false)
            }
            return (index, utc)
        }
        var words = 0
        while index < limit, words < 3, tokens[index].isWord, tokens[index].key != "time",
            tokens[index].capitalized || tokens[index].key == "local"
        {
            index += 1
            words += 1
        }
        if words > 0, key(index) == "time" { return (index + 1, false) }
        return (start, false)
    }

    // MARK: - Dates

    /// A calendar date, month, year, weekday or relative day, week, month or year.
    func date(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard start < limit else { return nil }
        if let found = weekdayDate(at: start) { return found }
        if let found = monthFirst(at: start) { return found }
        if let found = dayFirst(at: start) { return found }
        if let found = numericDate(at: start) { return found }
        if let found = relative(at: start) { return found }
        if let found = quarterOrHalf(at: start) { return found }
        if let found = season(at: start) { return found }
        return yearOrDecade(at: start)
    }

    private func weekday(at index: Int) -> (Int, Int)? {
        guard index < limit, tokens[index].capitalized, let day = NumberWords.weekdays[tokens[index].key] else {
            return nil
        }
        let full = tokens[index].key.count > 4
        if full { return (index + 1, day) }
        // "Fri.", "Tues.": an abbreviation needs its dot.
        if index + 1 < limit, tokens[index + 1].text == "." { return (index + 2, day) }
        return nil
    }

    private func weekdayDate(at start: Int) -> (end: Int, spec: TimexSpec)? {
        var index = start
        var direction = 0
        if let next = takeAny([["this"], ["last"], ["next"], ["coming"], ["past"]], at: index) {
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

    private func month(at index: Int) -> (Int, Int)? {
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

    private func dayNumber(at index: Int) -> (Int, Int)? {
        guard index < limit, tokens[index].kind == .number else { return nil }
        let text = tokens[index].key
        let digits = text.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let day = Int(digits), (1...31).contains(day),
            digits.count == text.count || ["st", "nd", "rd", "th"].contains(String(text.dropFirst(digits.count)))
        else { return nil }
        return (index + 1, day)
    }

    private func fourDigitYear(at index: Int) -> (Int, Int)? {
        guard index < limit, tokens[index].kind == .number, tokens[index].text.count == 4,
            let year = tokens[index].number, (1000...2199).contains(year)
        else { return nil }
        return (index + 1, year)
    }

    /// "April 3", "October 9, 2002", "October 1982", "February", "Sept. 2".
    private func monthFirst(at start: Int) -> (end: Int, spec: TimexSpec)? {
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

    private static let monthIntroducers: Set<String> = [
        "in", "since", "until", "by", "early", "late", "mid", "-", "last", "next", "this", "of", "from", "through",
        "till", "before", "after", "during", "and", "or", "to",
    ]

    /// "3 April", "12 March 2024", "the 15th of March".
    private func dayFirst(at start: Int) -> (end: Int, spec: TimexSpec)? {
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

    /// "7/8/07" (month first, as U.S. copy writes it), "2024-03-14".
    private func numericDate(at start: Int) -> (end: Int, spec: TimexSpec)? {
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

    private static let quantityWords: Set<String> = [
        "%", "percent", "per", "people", "km", "miles", "feet", "metres", "meters", "troops", "units", "cars", "jobs",
        "employees", "tonnes", "tons", "barrels", "votes", "seats", "points",
    ]
    private static let currency: Set<String> = ["$", "us$", "€", "£", "#", "¥", "rs"]

    /// "2003", "'82", "the 1990s", "70s".
    private func yearOrDecade(at start: Int) -> (end: Int, spec: TimexSpec)? {
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

    private static let relativeDays: [String: Int] = ["today": 0, "yesterday": -1, "tomorrow": 1]
    private static let directionWords: [String: Int] = [
        "this": 0, "last": -1, "next": 1, "previous": -1, "coming": 1, "following": 1, "current": 0, "same": 0,
    ]

    private func relative(at start: Int) -> (end: Int, spec: TimexSpec)? {
        let word = key(start)
        if let end = take(["the", "same", "day"], at: start) ?? take(["that", "same", "day"], at: start)
            ?? take(["that", "day"], at: start)
        {
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

    private static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]

    /// "the first quarter of 2009", "third-quarter", "the fourth quarter", "the first half of last year", "Q1".
    private func quarterOrHalf(at start: Int) -> (end: Int, spec: TimexSpec)? {
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
    private func yearRef(at start: Int) -> (Int, TimexSpec.YearRef) {
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

    private static let seasons: [String: String] = [
        "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
    ]

    /// "spring", "last summer", "autumn 2008", "the fall of 2009".
    private func season(at start: Int) -> (end: Int, spec: TimexSpec)? {
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

    // MARK: - Durations

    private static let units: [String: (letter: String, time: Bool, factor: Double)] = [
        "second": ("S", true, 1), "seconds": ("S", true, 1), "minute": ("M", true, 1), "minutes": ("M", true, 1),
        "hour": ("H", true, 1), "hours": ("H", true, 1), "day": ("D", false, 1), "days": ("D", false, 1),
        "night": ("D", false, 1), "nights": ("D", false, 1), "week": ("W", false, 1), "weeks": ("W", false, 1),
        "fortnight": ("W", false, 2), "month": ("M", false, 1), "months": ("M", false, 1), "year": ("Y", false, 1),
        "years": ("Y", false, 1), "decade": ("Y", false, 10), "decades": ("DE", false, 1),
        "century": ("CE", false, 1), "centuries": ("CE", false, 1), "quarter": ("Q", false, 1),
        "quarters": ("Q", false, 1),
    ]

    private static let approximators: [[String]] = [
        ["more", "than"], ["less", "than"], ["at", "least"], ["up", "to"], ["almost"], ["nearly"], ["about"],
        ["around"], ["roughly"], ["some"], ["over"], ["only"], ["just"], ["approximately"], ["barely"],
    ]
    private static let unitAdjectives: Set<String> = [
        "consecutive", "straight", "successive", "full", "trading", "business", "working", "more", "long",
        "additional", "extra", "calendar", "further", "whole", "entire", "previous", "short",
    ]
    private static let vague: Set<String> = ["several", "many", "few", "couple", "numerous", "countless"]

    private func amount(at start: Int) -> (Int, Double?)? {
        guard start < limit else { return nil }
        let token = tokens[start]
        var index = start
        var value: Double?
        if token.kind == .number, !token.text.contains(","), let parsed = Double(token.text) {
            value = parsed
            index += 1
        } else if token.key == "a" || token.key == "an" || token.key == "one" {
            // "a second consecutive day": an ordinal, not one second.
            if key(index + 1) == "second" { return nil }
            value = 1
            index += 1
            if Self.vague.contains(key(index)) {
                // "a few", "a couple of".
                index += 1
                if key(index) == "of" { index += 1 }
                return (index, nil)
            }
        } else if Self.vague.contains(token.key) {
            return (index + 1, nil)
        } else if let tens = NumberWords.tens[token.key] {
            value = Double(tens)
            index += 1
            if key(index) == "-", let unit = NumberWords.units[key(index + 1)], unit < 10 {
                value = Double(tens + unit)
                index += 2
            }
        } else if let unit = NumberWords.units[token.key] {
            value = Double(unit)
            index += 1
        } else if token.key == "half", key(index + 1) == "a" || key(index + 1) == "an" {
            return (index + 2, 0.5)
        }
        guard var result = value else { return nil }
        // "two and a half years".
        if let next = take(["and", "a", "half"], at: index) {
            result += 0.5
            index = next
        }
        return (index, result)
    }

    /// "33 years", "the past nine days", "nearly five months", "a 12-hour", "fifty-year", "several years", "years".
    private func duration(at start: Int) -> (end: Int, spec: TimexSpec)? {
        var index = start
        var past = false
        if let next = takeAny(
            [
                ["the", "past"], ["the", "last"], ["the", "next"], ["the", "coming"], ["the", "first"],
                ["the", "previous"],
            ],
            at: index
        ) {
            past = true
            index = next
        } else if let next = takeAny([["past"], ["next"]], at: index), amount(at: next) != nil {
            index = next
        }
        if let next = takeAny(Self.approximators, at: index) { index = next }
        if let (afterAmount, value) = amount(at: index) {
            var probe = afterAmount
            if key(probe) == "-" { probe += 1 }
            var adjectives = 0
            while adjectives < 2, Self.unitAdjectives.contains(key(probe)) {
                probe += 1
                adjectives += 1
            }
            if key(probe) == "-" { probe += 1 }
            guard let unit = Self.units[key(probe)] else { return nil }
            let end = probe + 1
            if let value, key(end) == "ago" || key(end) == "earlier" && !past {
                return (end + 1, ago(value, unit: key(probe)))
            }
            return (end, .duration(Self.format(value, unit)))
        }
        // "the past decade", "the past year", "recent years", "years".
        if past || start < index, let unit = Self.units[key(index)], !key(index).hasSuffix("s") {
            return (index + 1, .duration(Self.format(1, unit)))
        }
        let word = key(index)
        if let unit = Self.units[word], word.hasSuffix("s"), word != "seconds", word != "quarters" {
            let previous = index > floor ? tokens[index - 1].key : ""
            if previous == "these" || previous == "those" { return nil }
            return (index + 1, .duration(Self.format(nil, unit)))
        }
        return nil
    }

    private func ago(_ value: Double, unit: String) -> TimexSpec {
        let count = Int(value)
        switch Self.units[unit]?.letter {
        case "D": return .ago(days: count, months: 0, years: 0)
        case "W": return .ago(days: 7 * count * Int(Self.units[unit]!.factor), months: 0, years: 0)
        case "M": return .ago(days: 0, months: count, years: 0)
        case "Y": return .ago(days: 0, months: 0, years: count * Int(Self.units[unit]!.factor))
        default: return .duration(Self.format(value, Self.units[unit]!))
        }
    }

    static func format(_ value: Double?, _ unit: (letter: String, time: Bool, factor: Double)) -> String {
        var number = "X"
        if let value {
            let scaled = value * unit.factor
            number = scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
        }
        return (unit.time ? "PT" : "P") + number + unit.letter
    }

    // MARK: - Sets

    private static let recurrences: [String: String] = [
        "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
        "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q", "biweekly": "P2W", "biannual": "P6M",
        "fortnightly": "P2W",
    ]
    private static let setUnits: [String: String] = [
        "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H", "quarter": "P1Q",
        "night": "P1D", "morning": "P1D", "weekend": "P1W",
    ]

    /// "weekly", "every year", "each month", "per day".
    private func recurrence(at start: Int) -> (end: Int, spec: TimexSpec)? {
        let word = key(start)
        if let value = Self.recurrences[word] { return (start + 1, .set(value)) }
        if word == "every" || word == "each" || word == "per" {
            if let value = Self.setUnits[key(start + 1)] { return (start + 2, .set(value)) }
            if NumberWords.weekdays[key(start + 1)] != nil, capitalized(start + 1) { return (start + 2, .set("P1W")) }
        }
        return nil
    }

    /// "15 a year", "twice a week": "a year" after a quantity is a recurrence.
    private func setAfterQuantity(at start: Int) -> (end: Int, spec: TimexSpec)? {
        guard start > floor, key(start) == "a" || key(start) == "an" || key(start) == "per",
            let value = Self.setUnits[key(start + 1)]
        else { return nil }
        let previous = tokens[start - 1]
        guard
            previous.kind == .number
                || ["once", "twice", "times", "million", "billion", "thousand"].contains(
                    previous.key
                )
        else { return nil }
        return (start + 2, .set(value))
    }

    // MARK: - References

    private static let references: [[String]: String] = [
        ["now"]: "PRESENT_REF", ["currently"]: "PRESENT_REF", ["current"]: "PRESENT_REF",
        ["presently"]: "PRESENT_REF", ["nowadays"]: "PRESENT_REF", ["at", "present"]: "PRESENT_REF",
        ["these", "days"]: "PRESENT_REF", ["the", "time", "being"]: "PRESENT_REF",
        ["the", "moment"]: "PRESENT_REF", ["recently"]: "PAST_REF", ["recent"]: "PAST_REF",
        ["the", "past"]: "PAST_REF", ["soon"]: "FUTURE_REF", ["the", "future"]: "FUTURE_REF",
        ["the", "near", "future"]: "FUTURE_REF", ["the", "near", "term"]: "FUTURE_REF",
        ["the", "long", "term"]: "FUTURE_REF", ["the", "short", "term"]: "FUTURE_REF",
        ["the", "medium", "term"]: "FUTURE_REF", ["more", "recently"]: "PAST_REF", ["very", "soon"]: "FUTURE_REF",
        ["formerly"]: "PAST_REF",
    ]
    private static let referenceOrder: [[String]] = references.keys.sorted { $0.count > $1.count }

    private func reference(at start: Int) -> (end: Int, spec: TimexSpec)? {
        for words in Self.referenceOrder {
            guard let end = take(words, at: start) else { continue }
            // "now that", "current account": not references to the present.
            if words == ["now"], key(end) == "that" { return nil }
            if words == ["current"], ["account", "accounts", "affairs", "events", "account's"].contains(key(end)) {
                return nil
            }
            return (end, .reference(Self.references[words]!))
        }
        return nil
    }
}
