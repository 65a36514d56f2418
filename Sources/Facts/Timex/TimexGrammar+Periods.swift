/// Durations, recurrences and references to the present, past and future.
extension TimexGrammar {
    // MARK: - Durations

    static let units: [String: (letter: String, time: Bool, factor: Double)] = [
        "second": ("S", true, 1), "seconds": ("S", true, 1), "minute": ("M", true, 1), "minutes": ("M", true, 1),
        "hour": ("H", true, 1), "hours": ("H", true, 1), "day": ("D", false, 1), "days": ("D", false, 1),
        "night": ("D", false, 1), "nights": ("D", false, 1), "week": ("W", false, 1), "weeks": ("W", false, 1),
        "fortnight": ("W", false, 2), "month": ("M", false, 1), "months": ("M", false, 1), "year": ("Y", false, 1),
        "years": ("Y", false, 1), "decade": ("Y", false, 10), "decades": ("DE", false, 1),
        "century": ("CE", false, 1), "centuries": ("CE", false, 1), "quarter": ("Q", false, 1),
        "quarters": ("Q", false, 1),
    ]

    static let approximators: [[String]] = [
        ["more", "than"], ["less", "than"], ["at", "least"], ["up", "to"], ["almost"], ["nearly"], ["about"],
        ["around"], ["roughly"], ["some"], ["over"], ["only"], ["just"], ["approximately"], ["barely"],
    ]
    static let unitAdjectives: Set<String> = [
        "consecutive", "straight", "successive", "full", "trading", "business", "working", "more", "long",
        "additional", "extra", "calendar", "further", "whole", "entire", "previous", "short",
    ]
    static let vague: Set<String> = ["several", "many", "few", "couple", "numerous", "countless"]

    func amount(at start: Int) -> (Int, Double?)? {
        guard start < limit else { return nil }
        let token = tokens[start]
        var index = start
        var value: Double?
        if token.kind == .number, !token.text.utf8.contains(UInt8(ascii: ",")), let parsed = Double(token.text) {
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
        if let next = take(Self.andAHalf, at: index) {
            result += 0.5
            index = next
        }
        return (index, result)
    }

    static let periodOpeners: [[String]] = [
        ["the", "past"], ["the", "last"], ["the", "next"], ["the", "coming"], ["the", "first"], ["the", "previous"],
    ]
    static let bareOpeners: [[String]] = [["past"], ["next"]]
    static let andAHalf = ["and", "a", "half"]

    /// "33 years", "the past nine days", "nearly five months", "a 12-hour", "fifty-year", "several years", "years".
    func duration(at start: Int) -> (end: Int, spec: TimexSpec)? {
        var index = start
        var past = false
        if let next = takeAny(Self.periodOpeners, at: index) {
            past = true
            index = next
        } else if let next = takeAny(Self.bareOpeners, at: index), amount(at: next) != nil {
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

    func ago(_ value: Double, unit: String) -> TimexSpec {
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

    static let recurrences: [String: String] = [
        "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
        "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q", "biweekly": "P2W", "biannual": "P6M",
        "fortnightly": "P2W",
    ]
    static let setUnits: [String: String] = [
        "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H", "quarter": "P1Q",
        "night": "P1D", "morning": "P1D", "weekend": "P1W",
    ]

    /// "weekly", "every year", "each month", "per day".
    func recurrence(at start: Int) -> (end: Int, spec: TimexSpec)? {
        let word = key(start)
        if let value = Self.recurrences[word] { return (start + 1, .set(value)) }
        if word == "every" || word == "each" || word == "per" {
            if let value = Self.setUnits[key(start + 1)] { return (start + 2, .set(value)) }
            if NumberWords.weekdays[key(start + 1)] != nil, capitalized(start + 1) { return (start + 2, .set("P1W")) }
        }
        return nil
    }

    /// "15 a year", "twice a week": "a year" after a quantity is a recurrence.
    func setAfterQuantity(at start: Int) -> (end: Int, spec: TimexSpec)? {
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

    static let references: [[String]: String] = [
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
    static let referenceOrder: [[String]] = references.keys.sorted { $0.count > $1.count }

    func reference(at start: Int) -> (end: Int, spec: TimexSpec)? {
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
