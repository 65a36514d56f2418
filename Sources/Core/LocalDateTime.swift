public import Foundation

/// A civil date with an optional wall-clock time, as a story states it ("5 p.m. on Friday").
///
/// There is deliberately no time zone: "12 p.m. Eastern Daylight Time" is kept as 12:00 on that date, the local
/// time as written. Its text form is `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: CivilDate
    /// Minutes after midnight, when the text states a time of day.
    public var minuteOfDay: Int?

    public init(date: CivilDate, hour: Int? = nil, minute: Int = 0) {
        self.date = date
        if let hour, (0..<24).contains(hour), (0..<60).contains(minute) {
            self.minuteOfDay = hour * 60 + minute
        } else {
            self.minuteOfDay = nil
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM[:SS]` (seconds are dropped).
    public init?(iso text: some StringProtocol) {
        let trimmed = String(text)
        guard trimmed.count >= 10, let date = CivilDate(iso: trimmed.prefix(10)) else { return nil }
        let rest = trimmed.dropFirst(10)
        if rest.isEmpty {
            self.init(date: date)
            return
        }
        guard let separator = rest.first, separator == "T" || separator == " " else { return nil }
        let clock = rest.dropFirst().split(separator: ":")
        guard clock.count >= 2, let hour = Int(clock[0]), let minute = Int(clock[1].prefix(2)),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        self.init(date: date, hour: hour, minute: minute)
    }

    public var hour: Int? { minuteOfDay.map { $0 / 60 } }
    public var minute: Int? { minuteOfDay.map { $0 % 60 } }

    public var iso: String {
        guard let minuteOfDay else { return date.iso }
        return "\(date.iso)T\(CivilDate.twoDigits(minuteOfDay / 60)):\(CivilDate.twoDigits(minuteOfDay % 60))"
    }

    public var description: String { iso }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        return (lhs.minuteOfDay ?? -1) < (rhs.minuteOfDay ?? -1)
    }
}

extension LocalDateTime: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = LocalDateTime(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, found \"\(text)\""
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension LocalDateTime {
    /// The UTC calendar date and time of an instant, for anchoring deadlines to a fetch time when a page gives no
    /// date at all.
    public init(utc instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        self.init(date: CivilDate(dayNumber: days), hour: secondOfDay / 3600, minute: (secondOfDay % 3600) / 60)
    }
}
