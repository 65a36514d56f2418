import Core
import Foundation

/// Formats and reads the dates of HTTP headers (`Sun, 06 Nov 1994 08:49:37 GMT`).
///
/// Formatting gives the `Last-Modified` of local files, so the daemon's conditional-fetch logic treats files and web
/// pages alike. Parsing serves `Retry-After`. Both work from day numbers rather than a DateFormatter, so they never
/// depend on the process locale.
enum HTTPDate {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// - Parameter secondsSinceEpoch: seconds since 1970-01-01T00:00:00Z.
    static func format(secondsSinceEpoch: Int) -> String {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        let secondOfDay = secondsSinceEpoch - days * 86_400
        let date = CivilDate(dayNumber: days)
        let time = [secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60].map(twoDigits).joined(separator: ":")
        let day = "\(weekdays[date.weekday - 1]), \(twoDigits(date.day)) \(months[date.month - 1]) \(date.year)"
        return "\(day) \(time) GMT"
    }

    /// Reads the three date forms HTTP allows: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`). All are UTC.
    ///
    /// The weekday is not checked: servers get it wrong and it adds nothing. A two-digit year is read as 19xx from
    /// 70 up and 20xx below.
    static func parse(_ text: String) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == "\t" })
        var day: Int?
        var month: Int?
        var year: Int?
        var clock: [Int]?
        for token in tokens {
            if token.contains(":") {
                let parts = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
                guard clock == nil, parts.count == 3, let hour = parts[0], let minute = parts[1],
                    let second = parts[2], (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second)
                else { return nil }
                clock = [hour, minute, second]
            } else if let number = Int(token) {
                if token.count <= 2, day == nil {
                    day = number
                } else if year == nil {
                    year = token.count == 2 ? (number >= 70 ? 1900 + number : 2000 + number) : number
                } else {
                    return nil
                }
            } else if let index = months.firstIndex(where: { $0.caseInsensitiveCompare(token) == .orderedSame }) {
                month = index + 1
            }
            // Weekday names and the `GMT` zone carry nothing needed here.
        }
        guard let day, let month, let year, let clock, let date = CivilDate(year: year, month: month, day: day) else {
            return nil
        }
        let seconds = date.dayNumber * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
