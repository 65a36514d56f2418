import Changes
import Core
import Foundation
import TestSupport
import Testing

@Suite struct DeadlineTimerTests {
    static let recorded = Date(timeIntervalSince1970: 1_504_000_000)  // 2017-08-29T09:46:40Z

    static func record(deadline: String, recordedAt: Date = recorded) -> FacilityRecord {
        let fact = Samples.fact(Samples.sanFranciscoConsulate, .orderedClosed, deadline: deadline)
        return FacilityRecord(
            facility: fact.facility,
            state: fact.state,
            asOf: nil,
            source: "ledger",
            updatedAt: recordedAt,
            deadlineRecordedAt: recordedAt
        )
    }

    static func at(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    @Test func aDateWithoutATimeFallsAtTheEndOfThatDay() {
        #expect(DeadlineTimer.instant(of: LocalDateTime(iso: "2017-09-02")!) == Self.at("2017-09-03T00:00:00Z"))
        #expect(DeadlineTimer.instant(of: LocalDateTime(iso: "2017-09-02T12:00")!) == Self.at("2017-09-02T12:00:00Z"))
    }

    @Test func eachLeadFiresOnceThenPassedOnce() {
        let timer = DeadlineTimer(leads: [.seconds(24 * 3600), .seconds(2 * 3600)])
        let record = Self.record(deadline: "2017-09-02T12:00")
        var logged: Set<String> = []
        func fire(_ iso: String) -> [String] {
            let changes = timer.due(for: record, now: Self.at(iso), logged: logged)
            logged.formUnion(changes.map(\.idempotencyKey))
            return changes.map { "\($0.kind.rawValue) \($0.leadSeconds.map(String.init) ?? "-")" }
        }
        #expect(fire("2017-09-01T09:00:00Z").isEmpty)
        #expect(fire("2017-09-01T12:30:00Z") == ["deadline_approaching 86400"])
        #expect(fire("2017-09-01T13:00:00Z").isEmpty)
        #expect(fire("2017-09-02T10:30:00Z") == ["deadline_approaching 7200"])
        #expect(fire("2017-09-02T11:00:00Z").isEmpty)
        #expect(fire("2017-09-02T12:00:00Z") == ["deadline_passed -"])
        #expect(fire("2017-09-05T00:00:00Z").isEmpty)
    }

    @Test func onlyTheNearestDueLeadFiresAndLongerOnesNeverAfterwards() {
        let timer = DeadlineTimer(leads: [.seconds(24 * 3600), .seconds(2 * 3600)])
        let record = Self.record(deadline: "2017-09-02T12:00")
        let first = timer.due(for: record, now: Self.at("2017-09-02T11:00:00Z"), logged: [])
        #expect(first.map(\.leadSeconds) == [7200])
        let logged = Set(first.map(\.idempotencyKey))
        #expect(timer.due(for: record, now: Self.at("2017-09-02T11:30:00Z"), logged: logged).isEmpty)
    }

    @Test func aDeadlineAlreadyPastWhenRecordedFiresNothing() {
        let timer = DeadlineTimer()
        let old = Self.record(deadline: "2017-09-02", recordedAt: Self.at("2026-11-29T00:00:00Z"))
        #expect(timer.due(for: old, now: Self.at("2026-11-29T01:00:00Z"), logged: []).isEmpty)
    }

    @Test func aDaemonThatWasDownThroughADeadlineReportsItPassedButNotTheMissedWarnings() {
        let timer = DeadlineTimer()
        let record = Self.record(deadline: "2017-09-02T12:00")
        let changes = timer.due(for: record, now: Self.at("2017-09-04T00:00:00Z"), logged: [])
        #expect(changes.map(\.kind) == [.deadlinePassed])
        #expect(changes.first?.idempotencyKey == "timer/ru:consulate:us:san-francisco/2017-09-02T12:00/passed")
    }
}
