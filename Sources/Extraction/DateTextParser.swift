public import Core

/// Reads a calendar date (and a time of day when one follows) from text as a page writes it.
///
/// Handles ISO forms ("2019-11-19T22:07:09-05:00", "2019/11/19"), spelled-out months in several languages
/// ("November 19, 2019", "19. November 2019", "19 de noviembre de 2019"), day-first numeric dates ("19.11.2019"),
/// East Asian "2019年11月19日", and in metadata compact "20191119" and Unix timestamps. The date is kept as written:
/// a zone offset is ignored, never applied, because the publisher's local date is the one the story's own
/// "on Tuesday" refers to.
public enum DateTextParser {
    /// The plausible range: older dates in a news page's metadata are placeholders, later ones typos.
    static let years = 1990...2100

    /// The first date in `text`.
    ///
    /// - Parameter monthFirst: Read an ambiguous "04/05/2020" as April 5 (US style) instead of 4 May.
    public static func firstDate(in text: String, monthFirst: Bool = false) -> LocalDateTime? {
        firstStamp(in: text, monthFirst: monthFirst)?.local
    }

    /// A date from a metadata value: everything ``firstDate(in:monthFirst:)`` reads, plus "20191119" and Unix
    /// timestamps (seconds or milliseconds, read as UTC since they carry no local time).
    public static func metadataDate(_ value: String, monthFirst: Bool = false) -> LocalDateTime? {
        metadataStamp(value, monthFirst: monthFirst)?.local
    }

    /// The first date in `text`, with what it says about its zone.
    static func firstStamp(in text: String, monthFirst: Bool = false) -> DateStamp? {
        DateScanner(tokens: DateToken.tokenize(text), monthFirst: monthFirst).firstStamp()
    }

    /// A Unix timestamp an element carries for a script to render (`data-time="1594448702"`).
    static func renderedStamp(_ value: String) -> DateStamp? {
        // Only digits: a script's timestamp, not a date written for people.
        guard value.utf8.allSatisfy({ $0 &- 0x30 < 10 }), var stamp = metadataStamp(value), stamp.zone == .utc else {
            return nil
        }
        stamp.zone = .rendered
        return stamp
    }

    /// ``metadataDate(_:monthFirst:)`` with what the value says about its zone.
    static func metadataStamp(_ value: String, monthFirst: Bool = false) -> DateStamp? {
        let trimmed = value.trimmingASCIIWhitespace()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if digits.count == trimmed.count, digits.count == 10 || digits.count == 13, let number = Int(digits) {
            let seconds = digits.count == 13 ? number / 1000 : number
            let date = CivilDate(dayNumber: seconds / 86_400)
            guard years.contains(date.year) else { return nil }
            let minuteOfDay = (seconds % 86_400) / 60
            return DateStamp(
                local: LocalDateTime(date: date, hour: minuteOfDay / 60, minute: minuteOfDay % 60),
                zone: .utc
            )
        }
        if digits.count == 8, digits.count == trimmed.count || !trimmed.dropFirst(8).first!.isNumber,
            let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
            let day = Int(digits.suffix(2)), years.contains(year),
            let date = CivilDate(year: year, month: month, day: day)
        {
            return DateStamp(local: LocalDateTime(date: date))
        }
        return firstStamp(in: trimmed, monthFirst: monthFirst)
    }
}
