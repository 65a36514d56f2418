import Core

/// Formats instants as the IMF-fixdate of HTTP (`Sun, 06 Nov 1994 08:49:37 GMT`).
///
/// Used for the `Last-Modified` of local files, so the daemon's conditional-fetch logic treats files and web pages
/// alike. Computed from day numbers rather than a DateFormatter, so it never depends on the process locale.
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

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
