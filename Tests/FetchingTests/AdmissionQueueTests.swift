import Testing

@testable import Fetching

/// The politeness rules as pure bookkeeping: instants are made up, nothing sleeps.
@Suite struct AdmissionQueueTests {
    let start = ContinuousClock.now

    func ids(_ decision: AdmissionQueue.Decision) -> [UInt64] {
        decision.started.map(\.id)
    }

    @Test func aHostGetsAtMostItsLimitAndWaitingRequestsStartInOrderAsSlotsFree() {
        var queue = AdmissionQueue(policy: FetchPoliteness(maxTransfersPerHost: 2, hostDelay: .zero))
        for id in 1...5 { queue.enqueue(UInt64(id), host: "a.example") }
        #expect(ids(queue.admit(now: start)) == [1, 2])
        #expect(ids(queue.admit(now: start)) == [])
        #expect(queue.running == 2 && queue.queued == 3)
        queue.finished(host: "a.example")
        #expect(ids(queue.admit(now: start)) == [3])
        queue.finished(host: "a.example")
        queue.finished(host: "a.example")
        #expect(ids(queue.admit(now: start)) == [4, 5])
    }

    @Test func theOverallLimitHoldsAcrossHostsAndHostsTakeTurns() {
        var queue = AdmissionQueue(policy: FetchPoliteness(maxTransfers: 3, maxTransfersPerHost: 3, hostDelay: .zero))
        for id in 1...4 { queue.enqueue(UInt64(id), host: "big.example") }
        queue.enqueue(10, host: "small.example")
        queue.enqueue(20, host: "other.example")
        // The big site queued first, yet the other two get a slot in the first round.
        #expect(ids(queue.admit(now: start)) == [1, 10, 20])
        queue.finished(host: "small.example")
        #expect(ids(queue.admit(now: start)) == [2])
        #expect(queue.running == 3)
    }

    @Test func theHostDelaySpacesStartsAndTellsWhenToWakeUp() {
        var queue = AdmissionQueue(policy: FetchPoliteness(maxTransfersPerHost: 2, hostDelay: .seconds(1)))
        for id in 1...3 { queue.enqueue(UInt64(id), host: "a.example") }
        queue.enqueue(9, host: "b.example")
        #expect(ids(queue.admit(now: start)) == [1, 9])
        #expect(queue.nextWakeup(now: start) == start + .seconds(1))
        #expect(ids(queue.admit(now: start + .milliseconds(999))) == [])
        #expect(ids(queue.admit(now: start + .seconds(1))) == [2])
        // Two running now: the third waits for a slot, not for the clock.
        #expect(queue.nextWakeup(now: start + .seconds(2)) == nil)
        queue.finished(host: "a.example")
        #expect(ids(queue.admit(now: start + .seconds(2))) == [3])
    }

    @Test func namedHostsHaveTheirOwnLimitAndDelay() {
        let policy = FetchPoliteness(
            maxTransfersPerHost: 1,
            hostDelay: .seconds(5),
            hosts: ["mirror.local": HostPoliteness(maxTransfers: 3, delay: .zero)]
        )
        var queue = AdmissionQueue(policy: policy)
        for id in 1...4 { queue.enqueue(UInt64(id), host: "mirror.local") }
        for id in 11...12 { queue.enqueue(UInt64(id), host: "news.example") }
        #expect(ids(queue.admit(now: start)) == [1, 11, 2, 3])
        queue.finished(host: "news.example")
        #expect(queue.nextWakeup(now: start) == start + .seconds(5))
        #expect(ids(queue.admit(now: start + .seconds(5))) == [12])
    }

    @Test func aShortRetryAfterHoldsRequestsAndALongOneDefersThem() {
        var queue = AdmissionQueue(policy: FetchPoliteness(maxTransfersPerHost: 4, hostDelay: .zero))
        queue.enqueue(1, host: "busy.example")
        #expect(ids(queue.admit(now: start)) == [1])
        queue.finished(host: "busy.example")
        queue.pause(host: "busy.example", for: .seconds(3), now: start)
        queue.enqueue(2, host: "busy.example")
        #expect(queue.admit(now: start + .seconds(1)) == AdmissionQueue.Decision())
        #expect(queue.nextWakeup(now: start + .seconds(1)) == start + .seconds(3))
        #expect(ids(queue.admit(now: start + .seconds(3))) == [2])

        queue.pause(host: "busy.example", for: .seconds(120), now: start + .seconds(3))
        queue.enqueue(3, host: "busy.example")
        queue.enqueue(4, host: "calm.example")
        let decision = queue.admit(now: start + .seconds(13))
        #expect(ids(decision) == [4])
        #expect(
            decision.deferred == [.init(id: 3, host: "busy.example", remaining: .seconds(110))]
        )
        #expect(queue.queued == 0)
    }

    @Test func aPauseIsCappedAndNeverShortened() {
        var queue = AdmissionQueue(policy: FetchPoliteness(hostDelay: .zero, maxRetryAfter: .seconds(60)))
        queue.pause(host: "a.example", for: .seconds(3600), now: start)
        queue.pause(host: "a.example", for: .seconds(5), now: start)
        queue.enqueue(1, host: "a.example")
        #expect(queue.admit(now: start).deferred.map(\.remaining) == [.seconds(60)])
    }

    @Test func aCancelledRequestNeverStarts() {
        var queue = AdmissionQueue(policy: FetchPoliteness(maxTransfersPerHost: 1, hostDelay: .zero))
        for id in 1...3 { queue.enqueue(UInt64(id), host: "a.example") }
        #expect(ids(queue.admit(now: start)) == [1])
        let cancelled = queue.cancel(2)
        let again = queue.cancel(2)
        let running = queue.cancel(1)  // already running: the loop cancels the transfer itself
        #expect(cancelled && !again && !running)
        queue.finished(host: "a.example")
        #expect(ids(queue.admit(now: start)) == [3])
        #expect(queue.queued == 0)
    }

    @Test func tenThousandRequestsToOneHostDrainCompletely() {
        var queue = AdmissionQueue(policy: FetchPoliteness(maxTransfers: 32, maxTransfersPerHost: 2, hostDelay: .zero))
        for id in 0..<10_000 { queue.enqueue(UInt64(id), host: "one.example") }
        var started: [UInt64] = []
        while queue.queued > 0 || queue.running > 0 {
            let now = ids(queue.admit(now: start))
            #expect(queue.running <= 2)
            started += now
            for _ in 0..<queue.running { queue.finished(host: "one.example") }
        }
        #expect(started == (0..<10_000).map { UInt64($0) })
    }
}
