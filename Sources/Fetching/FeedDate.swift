import Core

/// Parses the date formats feeds use into the local date and time they state.
///
/// RSS uses RFC 822 (`Thu, 31 Aug 2017 16:05:00 -0400`), Atom and Dublin Core use RFC 3339
/// (`2017-08-31T16:05:00-04:00`). Both are kept as the wall-clock time written, with the zone dropped: the rest of
/// factwatch compares dates as the publisher states them, and converting to UTC would move late-evening stories to
/// the next day.
enum FeedDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The date and time `text` states, or nil when it is in neither format or names an impossible date.
    static func parse(_ text: String) -> LocalDateTime? {
        let trimmed = text.trimmingSpaces()
        let scalars = Array(trimmed.unicodeScalars)
        if scalars.count >= 10, scalars[4] == "-", scalars[7] == "-" {
            return rfc3339(scalars)
        }
        return rfc822(trimmed)
    }

    /// `YYYY-MM-DD`, optionally followed by `T` (or a space) and `HH:MM[:SS[.fraction]]` and a zone.
    private static func rfc3339(_ scalars: [Unicode.Scalar]) -> LocalDateTime? {
        guard let year = number(scalars, 0, 4), let month = number(scalars, 5, 2), let day = number(scalars, 8, 2),
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        guard scalars.count > 10 else { return LocalDateTime(date: date) }
        guard "Tt ".unicodeScalars.contains(scalars[10]), scalars.count >= 16, scalars[13] == ":",
            let hour = number(scalars, 11, 2), let minute = number(scalars, 14, 2), hour < 24, minute < 60
        else { return nil }
        return LocalDateTime(date: date, hour: hour, minute: minute)
    }

    /// `[Day,] D Mon YYYY [HH:MM[:SS]] [zone]`; two-digit years are read as 1950–2049.
    private static func rfc822(_ text: String) -> LocalDateTime? {
        var rest = Substring(text)
        if let comma = rest.firstIndex(of: ",") {
            rest = rest[rest.index(after: comma)...]
        }
        let parts = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count >= 3, let day = Int(parts[0]),
            let monthIndex = months.firstIndex(of: parts[1].prefix(3).lowercased()),
            var year = Int(parts[2])
        else { return nil }
        if parts[2].count == 2 {
            year += year < 50 ? 2000 : 1900
        }
        guard let date = CivilDate(year: year, month: monthIndex + 1, day: day) else { return nil }
        guard parts.count >= 4 else { return LocalDateTime(date: date) }
        let clock = parts[3].split(separator: ":")
        guard clock.count >= 2, clock.count <= 3, let hour = Int(clock[0]), let minute = Int(clock[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return LocalDateTime(date: date, hour: hour, minute: minute)
    }

    /// The decimal number in `scalars[start..<start+length]`, all digits.
    private static func number(_ scalars: [Unicode.Scalar], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[start..<start + length] {
            guard ("0"..."9").contains(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 48)
        }
        return value
    }
}
