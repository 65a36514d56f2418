public import Core

/// Finds deadline and effective-date expressions in text: "within 48 hours", "by Sept. 2", "no later than 5 p.m. on
/// Friday", "by 23:59 Moscow time on October 14", "on or before the 15th", "by the end of the month", "effective
/// immediately", "by the same deadline".
///
/// Tagging is separate from resolution: ``deadlines(in:reference:anchor:)`` does both for callers that only have
/// text; fact extraction tags once per sentence and resolves with the article's reference date.
public struct TemporalTagger: Sendable {
    public init() {}

    /// The deadline expressions of `text`, resolved against `reference` (a `nil` reference leaves relative ones
    /// unresolved, with their phrase kept).
    public func deadlines(in text: String, reference: CivilDate?, anchor: Deadline.Anchor = .published) -> [Deadline] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        return tag(tokens, in: 0..<tokens.count, scalars: scalars).compactMap { expression in
            expression.isAnaphoric ? nil : expression.deadline(reference: reference, anchor: anchor)
        }
    }

    /// Every expression in the token range, left to right, not overlapping.
    /// Which vocabulary words can start an expression and which anchor one, indexed by ``Token/word`` (built by
    /// ``CompiledLexicon``, so the tagger tests integers instead of hashing every token's key).
    struct WordTable: Sendable {
        var starters: [Bool]
        var anchors: [Bool]

        init(vocabulary: inout Vocabulary) {
            for word in TemporalTagger.starters.union(TemporalTagger.anchors) { _ = vocabulary.add(word) }
            starters = []
            anchors = []
        }

        mutating func seal(_ vocabulary: Vocabulary) {
            starters = Array(repeating: false, count: vocabulary.count)
            anchors = Array(repeating: false, count: vocabulary.count)
            for word in TemporalTagger.starters { starters[Int(vocabulary.id(of: word))] = true }
            for word in TemporalTagger.anchors { anchors[Int(vocabulary.id(of: word))] = true }
        }

        func isStarter(_ token: Token) -> Bool { token.word >= 0 && starters[Int(token.word)] }
        func isAnchor(_ token: Token) -> Bool { token.word >= 0 && anchors[Int(token.word)] }
    }

    func tag(
        _ tokens: [Token],
        in range: Range<Int>,
        scalars: [Unicode.Scalar],
        words: WordTable? = nil
    ) -> [TemporalExpression] {
        var result: [TemporalExpression] = []
        // Every expression holds an anchor word (a number, weekday, month, unit, "immediately", "end", "deadline")
        // within a few tokens of its start: positions with none nearby are not tried.
        var nextAnchor = Array(repeating: Int.max, count: range.count + 1)
        for index in range.reversed() {
            let token = tokens[index]
            let isAnchor =
                token.kind == .number || token.kind == .time
                || (words.map { $0.isAnchor(token) } ?? Self.anchors.contains(token.key))
            nextAnchor[index - range.lowerBound] = isAnchor ? index : nextAnchor[index - range.lowerBound + 1]
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            guard nextAnchor[index - range.lowerBound] <= index + 4,
                token.kind == .number || token.kind == .time
                    || (words.map { $0.isStarter(token) } ?? Self.starters.contains(token.key))
            else {
                index += 1
                continue
            }
            if var expression = match(tokens, at: index, limit: range.upperBound) {
                let start = tokens[expression.range.lowerBound].start
                let end = tokens[expression.range.upperBound - 1].end
                expression.phrase = Tokenizer.string(scalars, start, end)
                result.append(expression)
                index = expression.range.upperBound
            } else {
                index += 1
            }
        }
        return result
    }

    /// Every word an expression can start with (prefixes, cores, number, weekday and month words): other tokens are
    /// skipped without trying the grammar.
    static let starters: Set<String> = {
        var words: Set<String> = [
            "no", "not", "on", "by", "before", "until", "till", "ahead", "within", "starting", "beginning", "as",
            "effective", "with", "from", "immediately", "the", "end", "close", "year", "month", "year-end", "a", "an",
            "one", "next", "this", "coming", "noon", "midday", "midnight",
        ]
        words.formUnion(NumberWords.units.keys)
        words.formUnion(NumberWords.tens.keys)
        words.formUnion(NumberWords.weekdays.keys)
        words.formUnion(NumberWords.months.keys)
        return words
    }()

    static let anchors: Set<String> = {
        var words: Set<String> = [
            "immediately", "immediate", "end", "close", "deadline", "period", "year", "month", "noon", "midday",
            "midnight", "hour", "hours", "day", "days", "week", "weeks", "months", "years",
        ]
        words.formUnion(NumberWords.units.keys)
        words.formUnion(NumberWords.tens.keys)
        words.formUnion(NumberWords.weekdays.keys)
        words.formUnion(NumberWords.months.keys)
        return words
    }()

    // MARK: - Grammar

    private func match(_ tokens: [Token], at start: Int, limit: Int) -> TemporalExpression? {
        var cursor = Cursor(tokens: tokens, index: start, limit: limit)
        let prefix = cursor.prefix()
        if var core = core(&cursor, prefix: prefix) {
            // A bare "on Friday" or "Friday" needs a clock or a date word to count; "from" alone is too loose.
            if prefix == nil, !core.acceptsBare { return nil }
            core.expression.range = start..<cursor.index
            core.expression.prefix = prefix ?? .none
            return core.expression
        }
        return nil
    }

    private struct Core {
        var expression: TemporalExpression
        /// Whether the expression is meaningful without a preposition.
        var acceptsBare: Bool
    }

    private func core(_ cursor: inout Cursor, prefix: TemporalExpression.Prefix?) -> Core? {
        let start = cursor.index
        // "effective immediately", "with immediate effect", "immediately"
        if cursor.take(["effective", "immediately"]) || cursor.take(["with", "immediate", "effect"])
            || (prefix == nil && cursor.take(["immediately"]))
        {
            return Core(expression: make(.referenceDay, start, cursor), acceptsBare: true)
        }
        if prefix == .starting && cursor.take(["immediately"]) {
            return Core(expression: make(.referenceDay, start, cursor), acceptsBare: true)
        }
        if let core = endOf(&cursor, start: start) { return core }
        if cursor.take(["the", "same", "deadline"]) {
            return Core(expression: make(.sameDeadline, start, cursor), acceptsBare: false)
        }
        if prefix != nil && (cursor.take(["the", "deadline"]) || cursor.take(["the", "period"])) {
            return Core(expression: make(.theDeadline, start, cursor), acceptsBare: false)
        }
        if let core = duration(&cursor, start: start, prefix: prefix) { return core }
        if let core = deadlineNoun(&cursor, start: start) { return core }
        return dateWithClock(&cursor, start: start, prefix: prefix)
    }

    /// "the end of the month", "end of day", "year-end", "the close of business", "the end of May".
    private func endOf(_ cursor: inout Cursor, start: Int) -> Core? {
        let saved = cursor.index
        _ = cursor.take(["the"])
        if cursor.take(["end", "of"]) || cursor.take(["close", "of"]) {
            _ = cursor.take(["the"]) || cursor.take(["this"])
            if cursor.take(["month"]) { return Core(expression: make(.endOfMonth, start, cursor), acceptsBare: false) }
            if cursor.take(["year"]) { return Core(expression: make(.endOfYear, start, cursor), acceptsBare: false) }
            if cursor.take(["day"]) || cursor.take(["business"]) || cursor.take(["business", "day"])
                || cursor.take(["working", "day"])
            {
                // "by the end of the day on Monday": the end of that day.
                let afterDay = cursor.index
                if cursor.take(["on"]), let value = cursor.date() {
                    return Core(expression: make(value, start, cursor), acceptsBare: false)
                }
                cursor.index = afterDay
                return Core(expression: make(.referenceDay, start, cursor), acceptsBare: false)
            }
            if let month = cursor.month() {
                return Core(expression: make(.endOfNamedMonth(month), start, cursor), acceptsBare: false)
            }
        }
        cursor.index = saved
        if cursor.take(["year", "-", "end"]) || cursor.take(["year", "'s", "end"]) || cursor.take(["year-end"]) {
            return Core(expression: make(.endOfYear, start, cursor), acceptsBare: false)
        }
        if cursor.take(["month", "-", "end"]) || cursor.take(["month", "'s", "end"]) {
            return Core(expression: make(.endOfMonth, start, cursor), acceptsBare: false)
        }
        if cursor.take(["close", "of", "business"]) {
            return Core(expression: make(.referenceDay, start, cursor), acceptsBare: false)
        }
        cursor.index = saved
        return nil
    }

    /// "48 hours", "two weeks", "a week", "30 days", "72-hour".
    private func duration(_ cursor: inout Cursor, start: Int, prefix: TemporalExpression.Prefix?) -> Core? {
        let saved = cursor.index
        guard prefix == nil || prefix == .within || prefix == .by else { return nil }
        let hadThe = cursor.take(["the", "next"]) || cursor.take(["the"])
        guard let amount = cursor.amount() else {
            cursor.index = saved
            return nil
        }
        _ = cursor.take(["-"])
        let value: TemporalExpression.Value
        if cursor.take(["hours"]) || cursor.take(["hour"]) {
            value = .offsetDays((amount + 23) / 24)
        } else if cursor.take(["business", "days"]) || cursor.take(["working", "days"]) || cursor.take(["days"])
            || cursor.take(["day"])
        {
            value = .offsetDays(amount)
        } else if cursor.take(["weeks"]) || cursor.take(["week"]) {
            value = .offsetDays(amount * 7)
        } else if cursor.take(["months"]) || cursor.take(["month"]) {
            value = .offsetMonths(amount)
        } else {
            cursor.index = saved
            return nil
        }
        // "within 48 hours", "48 hours to leave", "a 72-hour deadline"; not "for 48 hours" or "in 2019".
        let next = cursor.peek
        let bare = next == "to" || next == "deadline" || next == "ultimatum"
        if prefix == .by && !hadThe {
            cursor.index = saved
            return nil
        }
        if next == "deadline" || next == "ultimatum" { cursor.index += 1 }
        return Core(expression: make(value, start, cursor), acceptsBare: bare)
    }

    /// "the 5 p.m. deadline on Feb. 7", "Friday's deadline".
    private func deadlineNoun(_ cursor: inout Cursor, start: Int) -> Core? {
        let saved = cursor.index
        guard cursor.take(["the"]) else { return nil }
        let minute = cursor.clock()
        guard cursor.take(["deadline"]) else {
            cursor.index = saved
            return nil
        }
        _ = cursor.take(["on"]) || cursor.take(["of"])
        guard let value = cursor.date() else {
            cursor.index = saved
            return nil
        }
        var expression = make(value, start, cursor)
        expression.minuteOfDay = minute
        expression.isDeadlineNoun = true
        return Core(expression: expression, acceptsBare: true)
    }

    /// "[clock] [on] DATE", "DATE [at] [clock]", "Friday noon", "noon Friday", "5 p.m. Friday".
    private func dateWithClock(_ cursor: inout Cursor, start: Int, prefix: TemporalExpression.Prefix?) -> Core? {
        let saved = cursor.index
        var minute = cursor.clock()
        if minute != nil { _ = cursor.take(["on"]) || cursor.take([","]) }
        guard let value = cursor.date() else {
            cursor.index = saved
            return nil
        }
        if minute == nil {
            let beforeClock = cursor.index
            _ = cursor.take(["at"]) || cursor.take([","])
            minute = cursor.clock()
            if minute == nil { cursor.index = beforeClock }
        }
        var expression = make(value, start, cursor)
        expression.minuteOfDay = minute
        let bare = minute != nil
        if case .dayOfMonth = value, prefix == nil { return nil }
        return Core(expression: expression, acceptsBare: bare)
    }

    private func make(_ value: TemporalExpression.Value, _ start: Int, _ cursor: Cursor) -> TemporalExpression {
        TemporalExpression(range: start..<cursor.index, prefix: .none, value: value, minuteOfDay: nil, phrase: "")
    }
}

/// A read position over the tokens of one sentence, with the small matchers the grammar is built from.
private struct Cursor {
    let tokens: [Token]
    var index: Int
    let limit: Int

    var peek: String? { index < limit ? tokens[index].key : nil }

    /// Consumes `words` if the tokens start with them.
    mutating func take(_ words: [String]) -> Bool {
        guard index + words.count <= limit else { return false }
        for (offset, word) in words.enumerated() where tokens[index + offset].key != word {
            return false
        }
        index += words.count
        return true
    }

    mutating func prefix() -> TemporalExpression.Prefix? {
        if take(["no", "later", "than"]) || take(["not", "later", "than"]) || take(["on", "or", "before"]) {
            return .by
        }
        if take(["by"]) || take(["before"]) || take(["until"]) || take(["till"]) || take(["ahead", "of"]) {
            return .by
        }
        if take(["within"]) { return .within }
        if take(["starting", "from"]) || take(["starting", "on"]) || take(["starting"]) || take(["beginning"])
            || take(["as", "of"]) || take(["as", "from"]) || take(["effective", "from"])
            || take(["with", "effect", "from"])
        {
            return .starting
        }
        if index + 1 < limit, tokens[index].key == "effective", tokens[index + 1].key != "immediately" {
            index += 1
            return .starting
        }
        if take(["on"]) { return .on }
        if take(["from"]) { return .starting }
        return nil
    }

    /// A count: digits, a number word ("two", "forty-eight"), or "a"/"an".
    mutating func amount() -> Int? {
        guard index < limit else { return nil }
        let token = tokens[index]
        if token.kind == .number, let number = token.number, !token.text.contains(".") {
            index += 1
            return number
        }
        if token.key == "a" || token.key == "an" || token.key == "one" {
            index += 1
            return 1
        }
        if let tens = NumberWords.tens[token.key] {
            index += 1
            if index + 1 < limit, tokens[index].key == "-", let unit = NumberWords.units[tokens[index + 1].key],
                unit < 10
            {
                index += 2
                return tens + unit
            }
            return tens
        }
        if let unit = NumberWords.units[token.key] {
            index += 1
            return unit
        }
        return nil
    }

    /// A weekday, a month and day (with optional year), a day and month, or "the 15th".
    mutating func date() -> TemporalExpression.Value? {
        let saved = index
        if take(["next"]) || take(["this"]) || take(["coming"]) {}
        if let weekday = weekday() {
            let afterWeekday = index
            _ = take([","])
            if let explicit = monthDayYear() { return explicit }
            index = afterWeekday
            return .weekday(weekday)
        }
        if let explicit = monthDayYear() { return explicit }
        index = saved
        if take(["the"]), let day = ordinalDay() {
            if take(["of"]), let month = month() {
                return .monthDay(month: month, day: day, year: year())
            }
            return .dayOfMonth(day)
        }
        index = saved
        return nil
    }

    /// "Sept. 2", "September 2, 2017", "2 September 2017", "12 March 2024".
    private mutating func monthDayYear() -> TemporalExpression.Value? {
        let saved = index
        if let month = month(), let day = dayNumber() {
            let afterDay = index
            _ = take([","])
            if let year = year() { return .monthDay(month: month, day: day, year: year) }
            index = afterDay
            return .monthDay(month: month, day: day, year: nil)
        }
        index = saved
        if let day = dayNumber(), let month = month() {
            return .monthDay(month: month, day: day, year: year())
        }
        index = saved
        return nil
    }

    private mutating func dayNumber() -> Int? {
        guard index < limit, let day = tokens[index].dayOfMonth else { return nil }
        index += 1
        return day
    }

    private mutating func ordinalDay() -> Int? {
        guard index < limit, tokens[index].kind == .number else { return nil }
        let text = tokens[index].key
        let digits = text.prefix { $0.isNumber }
        guard digits.count < text.count, let day = Int(digits), (1...31).contains(day) else { return nil }
        index += 1
        return day
    }

    private mutating func year() -> Int? {
        guard index < limit, tokens[index].kind == .number, tokens[index].text.count == 4,
            let year = tokens[index].number, (1900...2200).contains(year)
        else { return nil }
        index += 1
        return year
    }

    mutating func weekday() -> Int? {
        guard index < limit, let day = NumberWords.weekdays[tokens[index].key], tokens[index].capitalized else {
            return nil
        }
        index += 1
        if index < limit, tokens[index].text == ".", tokens[index - 1].text.count <= 4 { index += 1 }
        return day
    }

    private static let fullMonthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    mutating func month() -> Int? {
        guard index < limit, tokens[index].capitalized, let month = NumberWords.months[tokens[index].key] else {
            return nil
        }
        // "May" and "March" are also words: require a day or year after them (checked by callers), or the full name.
        // A dot after an abbreviation ("Sept.") belongs to it; after "May" or "June" it ends the sentence.
        index += 1
        if index < limit, tokens[index].text == ".", !Self.fullMonthNames.contains(tokens[index - 1].key) {
            index += 1
        }
        return month
    }

    /// "5 p.m.", "5:30 pm", "12 p.m. Eastern Daylight Time", "23:59 Moscow time", "noon", "midnight".
    mutating func clock() -> Int? {
        let saved = index
        var minute: Int?
        if take(["noon"]) || take(["midday"]) {
            minute = 12 * 60
        } else if take(["midnight"]) {
            minute = 23 * 60 + 59
        } else if index < limit, tokens[index].kind == .time {
            let parts = tokens[index].text.split(separator: ":")
            if parts.count == 2, let hour = Int(parts[0]), let min = Int(parts[1]), hour < 24, min < 60 {
                minute = hour * 60 + min
                index += 1
                if let adjusted = meridiem(hour: hour, minute: min) { minute = adjusted }
            }
        } else if index < limit, tokens[index].kind == .number, let hour = tokens[index].number,
            (1...12).contains(hour), tokens[index].text.count <= 2
        {
            index += 1
            if let adjusted = meridiem(hour: hour, minute: 0) {
                minute = adjusted
            } else {
                index = saved
                return nil
            }
        }
        guard let minute else {
            index = saved
            return nil
        }
        zone()
        return minute
    }

    private mutating func meridiem(hour: Int, minute: Int) -> Int? {
        guard index < limit else { return nil }
        let key = tokens[index].key
        let isPM = key == "p.m." || key == "pm" || (key == "p.m" || key == "p")
        let isAM = key == "a.m." || key == "am" || key == "a.m"
        guard isPM || isAM else { return nil }
        index += 1
        if index < limit, tokens[index].text == ".", key.count <= 3 { index += 1 }
        let base = hour % 12 + (isPM ? 12 : 0)
        return base * 60 + minute
    }

    /// Skips a time zone: "local time", "Moscow time", "Eastern Daylight Time", "EDT", "GMT", "(1400 GMT)".
    private mutating func zone() {
        let saved = index
        if index < limit, NumberWords.zones.contains(tokens[index].key) {
            index += 1
            return
        }
        var words = 0
        while index < limit, words < 4, tokens[index].isWord, tokens[index].key != "time",
            tokens[index].capitalized || tokens[index].key == "local"
        {
            index += 1
            words += 1
        }
        if words > 0, index < limit, tokens[index].key == "time" {
            index += 1
            return
        }
        index = saved
    }
}

/// Number, weekday, month and time-zone words.
enum NumberWords {
    static let units: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "dozen": 12,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
    ]
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    static let zones: Set<String> = [
        "gmt", "utc", "edt", "est", "et", "cet", "cest", "bst", "msk", "pdt", "pst", "cdt", "cst", "ist", "jst",
    ]

    /// The value of a count word or digits ("eight" → 8, "10" → 10).
    static func value(of token: Token) -> Int? {
        if token.kind == .number { return token.number }
        return units[token.key] ?? tens[token.key]
    }
}
