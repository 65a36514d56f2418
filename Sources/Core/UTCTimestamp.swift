public import Foundation

/// UTC timestamps formatted by hand, for log lines, `tail`, the status line and the store: no formatter object to
/// allocate per line or to share between threads, and one place that decides how a time reads.
public enum UTCTimestamp {
    /// `2026-11-29T02:52:34Z`, or `2026-11-29T02:52:34.120Z` with milliseconds (rounded down).
    public static func dateTime(_ date: Date, milliseconds: Bool = false) -> String {
        let parts = Parts(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
        var text = Text()
        text.day(parts)
        text.byte("T")
        text.clock(parts)
        if milliseconds {
            text.byte(".")
            text.digits(parts.fraction, 3)
        }
        text.byte("Z")
        return text.string
    }

    /// `02:52:34Z`: the time of day alone, for a status line that is read the same day.
    public static func timeOfDay(_ date: Date) -> String {
        var text = Text()
        text.clock(Parts(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down))))
        text.byte("Z")
        return text.string
    }

    /// `2017-09-02 12:00:00.125`: GRDB's text form of a stored `Date`, to the nearest millisecond as GRDB's own
    /// formatter rounds, so that dates written either way compare in SQL.
    public static func storage(_ date: Date) -> String {
        let parts = Parts(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded()))
        var text = Text()
        text.day(parts)
        text.byte(" ")
        text.clock(parts)
        text.byte(".")
        text.digits(parts.fraction, 3)
        return text.string
    }

    /// Broken-down UTC time of a count of milliseconds since 1970 (also before it).
    private struct Parts {
        var time = tm()
        var fraction: Int

        init(milliseconds: Int64) {
            var seconds = time_t(milliseconds.quotientAndRemainder(dividingBy: 1000).quotient)
            fraction = Int((milliseconds % 1000 + 1000) % 1000)
            if milliseconds < 0 && fraction != 0 { seconds -= 1 }
            gmtime_r(&seconds, &time)
        }
    }

    /// The bytes of a timestamp, appended field by field.
    private struct Text {
        private var bytes: [UInt8] = []

        init() {
            bytes.reserveCapacity(24)
        }

        var string: String { String(decoding: bytes, as: UTF8.self) }

        mutating func byte(_ character: Unicode.Scalar) {
            bytes.append(UInt8(ascii: character))
        }

        /// `value` in `width` digits, zero-padded.
        mutating func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }

        mutating func day(_ parts: Parts) {
            digits(Int(parts.time.tm_year) + 1900, 4)
            byte("-")
            digits(Int(parts.time.tm_mon) + 1, 2)
            byte("-")
            digits(Int(parts.time.tm_mday), 2)
        }

        mutating func clock(_ parts: Parts) {
            digits(Int(parts.time.tm_hour), 2)
            byte(":")
            digits(Int(parts.time.tm_min), 2)
            byte(":")
            digits(Int(parts.time.tm_sec), 2)
        }
    }
}
