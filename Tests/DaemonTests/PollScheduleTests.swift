import Daemon
import Foundation
import Testing

@Suite struct PollScheduleTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func successKeepsTheIntervalAndFailuresBackOffUpToACap() {
        var schedule = PollSchedule(interval: .seconds(600), nextDue: start)
        #expect(schedule.isDue(at: start))
        #expect(schedule.succeeded(at: start) == start.addingTimeInterval(600))
        #expect(!schedule.isDue(at: start.addingTimeInterval(599)))

        let waits = (1...6).map { _ in schedule.failed(at: start).timeIntervalSince(start) }
        #expect(waits == [600, 1200, 2400, 4800, 4800, 4800])
        #expect(schedule.failureStreak == 6)

        schedule.succeeded(at: start)
        #expect(schedule.failureStreak == 0)
        #expect(schedule.failed(at: start) == start.addingTimeInterval(600))
    }

    @Test func backoffNeverExceedsSixHoursButNeverUndercutsTheInterval() {
        var hourly = PollSchedule(interval: .seconds(3600), nextDue: start)
        let waits = (1...5).map { _ in hourly.failed(at: start).timeIntervalSince(start) }
        #expect(waits == [3600, 7200, 14_400, 21_600, 21_600])

        var daily = PollSchedule(interval: .seconds(86_400), nextDue: start)
        #expect(daily.failed(at: start).timeIntervalSince(start) == 86_400)
        #expect(daily.failed(at: start).timeIntervalSince(start) == 86_400)
    }

    @Test func aShorterIntervalAfterAReloadBringsTheNextPollForwardButALongerOneDoesNotDelayIt() {
        let schedule = PollSchedule(interval: .seconds(3600), nextDue: start.addingTimeInterval(3000))
        #expect(schedule.withInterval(.seconds(60), now: start).nextDue == start.addingTimeInterval(60))
        #expect(schedule.withInterval(.seconds(7200), now: start).nextDue == start.addingTimeInterval(3000))
        #expect(schedule.withInterval(.seconds(60), now: start).interval == .seconds(60))
    }
}
