import Foundation

/// UTC timestamps for log lines, `tail` and the status line, formatted by hand: no formatter object to
/// allocate per line or to share between threads, and one place that decides how a time reads.
enum UTCTimestamp {
    /// `2026-11-29T02:52:34Z`, or `2026-11-29T02:52:34.120Z` with milliseconds.
    static func dateTime(_ date: Date, milliseconds: Bool = false) -> String {
        let (parts, fraction) = split(date)
        let day = "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
        let millis = milliseconds ? ".\(pad(Int32(fraction), 3))" : ""
        return "\(day)T\(time(parts))\(millis)Z"
    }

    /// `02:52:34Z`: the time of day alone, for a status line that is read the same day.
    static func timeOfDay(_ date: Date) -> String {
        time(split(date).parts) + "Z"
    }

    private static func time(_ parts: tm) -> String {
        "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
    }

    /// Broken-down UTC time and the milliseconds past its second, rounded down (also before 1970).
    private static func split(_ date: Date) -> (parts: tm, fraction: Int) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds.quotientAndRemainder(dividingBy: 1000).quotient)
        let fraction = Int((milliseconds % 1000 + 1000) % 1000)
        if milliseconds < 0 && fraction != 0 { seconds -= 1 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (parts, fraction)
    }

    private static func pad(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
