import Daemon
import Synchronization
import Testing

@Suite struct WatchdogPacerTests {
    @Test func pingsAtMostOncePerInterval() {
        let sent = Mutex(0)
        let pacer = WatchdogPacer(interval: .seconds(3600)) { sent.withLock { $0 += 1 } }
        for _ in 0..<100 { pacer.beat() }
        #expect(sent.withLock { $0 } == 1)
    }

    @Test func pingsAgainOnceTheIntervalHasPassed() async throws {
        let sent = Mutex(0)
        let pacer = WatchdogPacer(interval: .milliseconds(1)) { sent.withLock { $0 += 1 } }
        pacer.beat()
        try await Task.sleep(for: .milliseconds(20))
        pacer.beat()
        #expect(sent.withLock { $0 } == 2)
    }

    @Test func withoutAWatchdogNothingIsSentAndTheTickIsUnchanged() {
        let sent = Mutex(0)
        let pacer = WatchdogPacer(interval: nil) { sent.withLock { $0 += 1 } }
        pacer.beat()
        #expect(sent.withLock { $0 } == 0)
        #expect(pacer.tick(default: .seconds(1)) == .seconds(1))
    }

    @Test func theLoopWakesOftenEnoughForAShortWatchdog() {
        let pacer = WatchdogPacer(interval: .milliseconds(500)) {}
        #expect(pacer.tick(default: .seconds(1)) == .milliseconds(250))
        #expect(WatchdogPacer(interval: .seconds(90)) {}.tick(default: .seconds(1)) == .seconds(1))
    }
}
