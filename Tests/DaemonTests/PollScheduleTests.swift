import Core
import Daemon
import Foundation
import TestSupport
import Testing

@Suite struct PollScheduleTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func successKeepsTheIntervalAndFailuresBackOffUpToACap() {
        var schedule = PollSchedule(interval: .seconds(600), nextDue: start)
        #expect(schedule.isDue(at: start))
        #expect(schedule.succeeded(at: start) == start.addingTimeInterval(600))
        #expect(!schedule.isDue(at: start.addingTimeInterval(599)))

        var ranges: [[TimeInterval]] = []
        var generator = SeededGenerator(seed: 7)
        for _ in 1...6 {
            let wait = schedule.failed(at: start, using: &generator).timeIntervalSince(start)
            let range = schedule.backoffRange
            #expect(wait >= range.lowest && wait <= range.highest)
            ranges.append([range.lowest, range.highest])
        }
        #expect(ranges == [[600, 600], [600, 1200], [1200, 2400], [2400, 4800], [2400, 4800], [2400, 4800]])
        #expect(schedule.failureStreak == 6)

        schedule.succeeded(at: start)
        #expect(schedule.failureStreak == 0)
        #expect(schedule.failed(at: start) == start.addingTimeInterval(600))
    }

    @Test func backoffNeverExceedsSixHoursButNeverUndercutsTheInterval() {
        var hourly = PollSchedule(interval: .seconds(3600), nextDue: start)
        var ranges: [[TimeInterval]] = []
        for _ in 1...5 {
            hourly.failed(at: start)
            ranges.append([hourly.backoffRange.lowest, hourly.backoffRange.highest])
        }
        #expect(ranges == [[3600, 3600], [3600, 7200], [7200, 14_400], [10_800, 21_600], [10_800, 21_600]])

        var daily = PollSchedule(interval: .seconds(86_400), nextDue: start)
        #expect(daily.failed(at: start).timeIntervalSince(start) == 86_400)
        #expect(daily.failed(at: start).timeIntervalSince(start) == 86_400)
    }

    @Test func sourcesThatFailTogetherComeBackSpreadOut() {
        var generator = SeededGenerator(seed: 42)
        let retries = (0..<50).map { _ in
            var schedule = PollSchedule(interval: .seconds(600), nextDue: start)
            schedule.failed(at: start, using: &generator)
            return schedule.failed(at: start, using: &generator).timeIntervalSince(start)
        }
        #expect(retries.allSatisfy { $0 >= 600 && $0 <= 1200 })
        // Fifty sources on one 600 s band: a burst would put them all on the same second.
        #expect(Set(retries.map { Int($0) }).count > 25)
    }

    @Test func retryAfterIsAFloorUnderTheWaitCappedAtADay() {
        var schedule = PollSchedule(interval: .seconds(600), nextDue: start)
        #expect(schedule.failed(at: start, retryAfter: .seconds(7200)) == start.addingTimeInterval(7200))
        // A short Retry-After never brings a retry forward of the backoff.
        let wait = schedule.failed(at: start, retryAfter: .seconds(5)).timeIntervalSince(start)
        #expect(wait >= 600 && wait <= 1200)
        #expect(schedule.failed(at: start, retryAfter: .seconds(365 * 86_400)) == start.addingTimeInterval(86_400))
        #expect(schedule.failureStreak == 3)
    }

    @Test func aShorterIntervalAfterAReloadBringsTheNextPollForwardButALongerOneDoesNotDelayIt() {
        let schedule = PollSchedule(interval: .seconds(3600), nextDue: start.addingTimeInterval(3000))
        #expect(schedule.withInterval(.seconds(60), now: start).nextDue == start.addingTimeInterval(60))
        #expect(schedule.withInterval(.seconds(7200), now: start).nextDue == start.addingTimeInterval(3000))
        #expect(schedule.withInterval(.seconds(60), now: start).interval == .seconds(60))
    }

    @Test func aPassStartsOneSourcePerHostInTurn() {
        func source(_ name: String, _ url: String) -> Source {
            Source(name: name, url: url, kind: .page, interval: .seconds(60))
        }
        let sources = [
            source("a1", "https://a.example/1"), source("a2", "https://A.example:8443/2"),
            source("a3", "https://a.example/3"), source("b1", "https://b.example/1"),
            source("f1", "/var/lib/factwatch/one.html"), source("b2", "http://b.example/2"),
        ]
        let order = HostInterleaving.order(sources).map { sources[$0].name }
        #expect(order == ["a1", "b1", "f1", "a2", "b2", "a3"])
        #expect(HostInterleaving.order(Array(sources.prefix(3))) == [0, 1, 2])
        #expect(HostInterleaving.order([]) == [])
    }
}
