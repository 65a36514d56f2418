internal import Core

/// Reads a date the page wrote in UTC as the publisher's local date and time.
///
/// News pages often put a UTC timestamp in their metadata ("2020-05-02T02:54:29Z") for a story published on the
/// evening of May 1 in New York; the day that story's "on Friday" refers to is the local one. The evidence, from
/// the strongest: an offset the page writes elsewhere ("-04:00" in another timestamp), a local date that can be the
/// same moment (in the URL, which publishing systems write in local time, then on the page), and only then the
/// zone of the page's country or language (``PublisherZone``). With none of these the UTC reading stays. A Unix
/// timestamp a script renders (`data-time`) skips the local dates: the page shows it in its reader's zone. Dates
/// written with an offset, or with no zone at all, are already local and are never shifted.
///
/// The evidence is gathered only when a UTC stamp needs it, and once per page.
final class LocalDayResolver {
    /// Stamps of the page's `<meta>` tags and JSON-LD.
    private lazy var declaredStamps = declared()
    /// Those and the `datetime` attributes of its elements.
    private lazy var machineStamps = declaredStamps + elementStamps()

    /// The first offset the page writes in a machine-readable date ("-04:00").
    private lazy var statedOffset: Int? = machineStamps.lazy.compactMap { stamp -> Int? in
        if case .offset(let minutes) = stamp.zone { return minutes }
        return nil
    }.first

    private lazy var zone = guessZone()

    private let declared: () -> [DateStamp]
    private let elementStamps: () -> [DateStamp]
    /// Dates the page writes in its URL or shows a reader, strongest first; read only as far as needed.
    private let local: [() -> [DateStamp]]
    private let guessZone: () -> PublisherZone?

    init(
        declared: @escaping () -> [DateStamp],
        elements: @escaping () -> [DateStamp],
        local: [() -> [DateStamp]],
        zone: @escaping () -> PublisherZone?
    ) {
        self.declared = declared
        elementStamps = elements
        self.local = local
        guessZone = zone
    }

    func localTime(of found: DateStamp) -> LocalDateTime {
        var stamp = found
        guard stamp.local.minuteOfDay != nil else { return stamp.local }
        if stamp.zone == .unstated {
            // A zone-less copy of a moment the page also writes in UTC is UTC too ("2020-08-25|00h23" beside
            // "2020-08-25T00:23:33Z").
            guard declaredStamps.contains(where: { $0.zone == .utc && $0.local == stamp.local }) else {
                return stamp.local
            }
            stamp.zone = .utc
        }
        guard stamp.zone == .utc || stamp.zone == .rendered else { return stamp.local }
        if let statedOffset { return stamp.shifted(byMinutes: statedOffset) }
        let shifted = zone.map { stamp.shifted(byMinutes: $0.offset(atUTC: stamp.local)) }
        // A rendered stamp is shown in its reader's zone, so no date on the page tells the publisher's day for it.
        if stamp.zone == .utc {
            let consistent = local.lazy.compactMap { source in
                source().first { $0.zone == .unstated && Self.couldBeLocal($0.local, of: stamp.local) }
            }
            if let local = consistent.first {
                if local.local.minuteOfDay != nil { return local.local }
                if let shifted, shifted.date == local.local.date { return shifted }
                return local.local.date == stamp.local.date ? stamp.local : local.local
            }
        }
        return shifted ?? stamp.local
    }

    /// Whether `local` can be the reading of the UTC moment `utc` in some zone: offsets run from UTC−12 to UTC+14
    /// in steps of a quarter hour, so "15:10" cannot be the local time of "12:32Z", nor December 5 the local day of
    /// December 6, 12:32 UTC. A date line of a related story rarely passes.
    static func couldBeLocal(_ local: LocalDateTime, of utc: LocalDateTime) -> Bool {
        guard let utcMinute = utc.minuteOfDay else { return false }
        let utcMinutes = utc.date.dayNumber * 1440 + utcMinute
        guard let localMinute = local.minuteOfDay else {
            let earliest = CivilDate(dayNumber: Int((Double(utcMinutes - 12 * 60) / 1440).rounded(.down)))
            let latest = CivilDate(dayNumber: Int((Double(utcMinutes + 14 * 60) / 1440).rounded(.down)))
            return local.date >= earliest && local.date <= latest
        }
        let difference = local.date.dayNumber * 1440 + localMinute - utcMinutes
        return difference >= -12 * 60 && difference <= 14 * 60 && difference % 15 == 0
    }
}
