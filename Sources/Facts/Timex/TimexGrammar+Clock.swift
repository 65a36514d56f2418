import Core

/// Times of day and dates that carry one: "16:08 UTC", "5 p.m. on Friday", "Friday morning".
extension TimexGrammar {
    // MARK: - Dates with an optional clock time or part of day

    static let dayParts: [String: TimexSpec.DayPart] = [
        "morning": .morning, "afternoon": .afternoon, "evening": .evening, "night": .night, "overnight": .night,
    ]

    func dateWithTime(at start: Int) -> (end: Int, spec: TimexSpec)? {
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

    func isDay(_ spec: TimexSpec) -> Bool {
        switch spec {
        case .date, .monthDay, .weekday, .directedWeekday, .relativeDay, .dayOfMonth: return true
        default: return false
        }
    }

    /// "16:08 UTC", "5 p.m. on Friday", "12:00 UTC Monday", "noon Friday".
    func clockFirst(at start: Int) -> (end: Int, spec: TimexSpec)? {
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

    func meridiem(at index: Int, hour: Int, minute: Int) -> (Int, Int)? {
        guard index < limit, hour <= 12 else { return nil }
        let word = key(index)
        let pm = ["p.m.", "pm", "p.m"].contains(word)
        let am = ["a.m.", "am", "a.m"].contains(word)
        guard pm || am else { return nil }
        var next = index + 1
        if next < limit, tokens[next].text == ".", word.count <= 3 { next += 1 }
        return (next, (hour % 12 + (pm ? 12 : 0)) * 60 + minute)
    }

    static let utcZones: Set<String> = ["utc", "gmt", "z"]
    static let zones: Set<String> = [
        "utc", "gmt", "edt", "est", "et", "cet", "cest", "bst", "msk", "pdt", "pst", "cdt", "cst", "ist", "jst", "eet",
        "eest", "wib", "sast", "aest", "aedt", "hkt", "sgt",
    ]

    /// "UTC", "GMT", "local time", "Moscow time", "Eastern Daylight Time", "( GMT +8 )".
    func zone(at start: Int) -> (Int, Bool) {
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
}
