internal import Core

/// A date and time as a page wrote it, with what the page said about its time zone.
///
/// The local reading is never shifted here: a stamp with an offset is the publisher's local time already, and only a
/// UTC stamp needs the publisher's zone to tell its local calendar day (see ``PublisherZone``).
struct DateStamp: Hashable, Sendable {
    enum Zone: Hashable, Sendable {
        /// No zone written: a local time, as far as anyone can tell.
        case unstated
        /// "Z", "UTC", "GMT", "+00:00", or a Unix timestamp.
        case utc
        /// A non-zero offset, in minutes east of UTC.
        case offset(minutes: Int)
        /// A Unix timestamp on an element, which a script shows in the reader's own zone: the text the page shows
        /// for it says nothing about the publisher's day.
        case rendered
    }

    var local: LocalDateTime
    var zone: Zone = .unstated

    /// The same instant in a zone `minutes` east of UTC (only meaningful for a UTC or rendered stamp with a time).
    func shifted(byMinutes minutes: Int) -> LocalDateTime {
        guard let minuteOfDay = local.minuteOfDay else { return local }
        let total = minuteOfDay + minutes
        let days = Int((Double(total) / 1440).rounded(.down))
        let inDay = total - days * 1440
        return LocalDateTime(date: local.date.adding(days: days), hour: inDay / 60, minute: inDay % 60)
    }
}
