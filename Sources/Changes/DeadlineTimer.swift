public import Core
public import Foundation

/// When a facility's deadline is near or past: `deadline_approaching` at each configured lead time and
/// `deadline_passed` after it, each at most once per deadline. Pure: the store supplies the records and the
/// timer changes already logged, and logs what this returns in one transaction.
///
/// Deadlines carry no time zone (they are as the story wrote them), so the timer reads them as UTC: a date
/// without a time passes at the end of that day. A deadline that was already past when factwatch recorded it (an
/// old story) fires nothing: "passed" is only news for a deadline that was still ahead.
public struct DeadlineTimer: Sendable {
    /// How long before a deadline to warn, e.g. 24 h and 2 h.
    public var leads: [Duration]

    public init(leads: [Duration] = [.seconds(24 * 3600), .seconds(2 * 3600)]) {
        self.leads = leads.sorted(by: >)
    }

    /// The instant a deadline falls at, read as UTC; a date alone means the end of that day.
    public static func instant(of deadline: LocalDateTime) -> Date {
        let day = TimeInterval(deadline.date.dayNumber) * 86_400
        if let minute = deadline.minuteOfDay { return Date(timeIntervalSince1970: day + TimeInterval(minute) * 60) }
        return Date(timeIntervalSince1970: day + 86_400)
    }

    /// The idempotency key of a timer change: one per facility, deadline and lead (or "passed").
    public static func key(_ facility: FacilityKey, deadline: LocalDateTime, lead: Duration?) -> String {
        let tag = lead.map { "lead\($0.components.seconds)" } ?? "passed"
        return "timer/\(facility.rawValue)/\(deadline.iso)/\(tag)"
    }

    /// The timer changes due for `record` at `now`, given the timer keys already logged for it.
    ///
    /// When several leads are due at once (factwatch learned of the deadline late, or was down), only the nearest
    /// one fires; a lead longer than one already fired never fires afterwards.
    public func due(for record: FacilityRecord, now: Date, logged: Set<String>) -> [Change] {
        guard let deadline = record.state.deadline, let value = deadline.value else { return [] }
        let instant = Self.instant(of: value)
        let recordedAt = record.deadlineRecordedAt ?? record.updatedAt
        guard instant > recordedAt else { return [] }
        let key = record.key
        if now >= instant {
            let passedKey = Self.key(key, deadline: value, lead: nil)
            guard !logged.contains(passedKey) else { return [] }
            return [change(.deadlinePassed, record: record, key: passedKey, lead: nil, now: now)]
        }
        let remaining = instant.timeIntervalSince(now)
        let firedLeads = leads.filter { logged.contains(Self.key(key, deadline: value, lead: $0)) }
        let shortestFired = firedLeads.map(Self.seconds).min() ?? .infinity
        guard
            let lead = leads.filter({ Self.seconds($0) >= remaining && Self.seconds($0) < shortestFired })
                .min(by: { Self.seconds($0) < Self.seconds($1) })
        else { return [] }
        return [
            change(
                .deadlineApproaching,
                record: record,
                key: Self.key(key, deadline: value, lead: lead),
                lead: lead,
                now: now
            )
        ]
    }

    private func change(_ kind: ChangeKind, record: FacilityRecord, key: String, lead: Duration?, now: Date) -> Change {
        Change(
            kind: kind,
            facility: record.facility,
            before: record.state,
            after: record.state,
            evidence: record.evidence,
            detectedAt: now,
            idempotencyKey: key,
            leadSeconds: lead.map { Int($0.components.seconds) }
        )
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }
}
