import Alerts
import Foundation
import TestSupport
import Testing

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy()

    @Test func ceilingDoublesFromTenSecondsUpToOneHour() {
        var expected: Duration = .seconds(10)
        for attempt in 1...15 {
            #expect(policy.ceiling(afterAttempt: attempt) == min(expected, .seconds(3600)), "attempt \(attempt)")
            expected *= 2
        }
        // 10 s × 2^8 = 2560 s is the last uncapped ceiling.
        #expect(policy.ceiling(afterAttempt: 9) < .seconds(3600))
        #expect(policy.ceiling(afterAttempt: 10) == .seconds(3600))
        // No overflow however many attempts have failed.
        #expect(policy.ceiling(afterAttempt: 10_000) == .seconds(3600))
        #expect(policy.ceiling(afterAttempt: 0) == .seconds(10))
    }

    @Test func delaysStayWithinTheirCeilingAndRepeatForTheSameSeed() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        var other = SeededGenerator(seed: 43)
        var firstRun: [Duration] = []
        var otherRun: [Duration] = []
        for attempt in 1...12 {
            let delay = policy.delay(afterAttempt: attempt, random: &first)
            #expect(delay >= .zero && delay <= policy.ceiling(afterAttempt: attempt))
            #expect(policy.delay(afterAttempt: attempt, random: &second) == delay)
            firstRun.append(delay)
            otherRun.append(policy.delay(afterAttempt: attempt, random: &other))
        }
        #expect(firstRun != otherRun)
    }

    @Test func fullJitterCoversTheWholeRange() {
        var random = SeededGenerator(seed: 7)
        let ceiling = policy.ceiling(afterAttempt: 3)
        let samples = (0..<2000).map { _ in policy.delay(afterAttempt: 3, random: &random) }
        let mean = samples.reduce(Duration.zero, +) / samples.count
        #expect(samples.min()! < ceiling / 20)
        #expect(samples.max()! > ceiling * 19 / 20)
        #expect(mean > ceiling * 4 / 10 && mean < ceiling * 6 / 10)
    }

    @Test func failedAttemptsRetryUntilTheEighthThenDeadLetter() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        var random = SeededGenerator(seed: 2024)
        var mirror = SeededGenerator(seed: 2024)
        for attempt in 1..<8 {
            let decision = policy.nextStep(afterFailedAttempt: attempt, now: now, random: &random)
            let delay = policy.delay(afterAttempt: attempt, random: &mirror)
            let components = delay.components
            let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
            guard case .retry(let at) = decision else {
                Issue.record("attempt \(attempt) should be retried, got \(decision)")
                continue
            }
            #expect(abs(at.timeIntervalSince(now) - seconds) < 0.001)
        }
        #expect(policy.nextStep(afterFailedAttempt: 8, now: now, random: &random) == .deadLetter)
        #expect(policy.nextStep(afterFailedAttempt: 9, now: now, random: &random) == .deadLetter)
    }

    @Test func maxAttemptsIsConfigurable() {
        let short = RetryPolicy(maxAttempts: 2)
        var random = SeededGenerator(seed: 1)
        let now = Date()
        #expect(short.nextStep(afterFailedAttempt: 1, now: now, random: &random) != .deadLetter)
        #expect(short.nextStep(afterFailedAttempt: 2, now: now, random: &random) == .deadLetter)
    }
}
