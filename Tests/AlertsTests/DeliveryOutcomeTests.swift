import Testing

@testable import Alerts

@Suite struct DeliveryOutcomeTests {
    @Test func onlyExitZeroInTimeSucceeds() {
        #expect(DeliveryOutcome(exitStatus: 0).succeeded)
        #expect(!DeliveryOutcome(exitStatus: 1).succeeded)
        #expect(!DeliveryOutcome(signal: 9).succeeded)
        #expect(!DeliveryOutcome(exitStatus: 0, timedOut: true).succeeded)
        #expect(!DeliveryOutcome(exitStatus: 0, cancelled: true).succeeded)
        #expect(!DeliveryOutcome(error: "no such executable /x").succeeded)
    }

    @Test func failureSummaryQuotesTheEndOfStderrOnOneLine() {
        let outcome = DeliveryOutcome(
            exitStatus: 3,
            duration: .milliseconds(1234),
            stderr: "warming up\ncurl: (7) Failed to connect\n"
        )
        let summary = outcome.summary
        #expect(summary.contains("exit status 3"))
        #expect(summary.contains(DeliveryOutcome.seconds(.milliseconds(1234))))
        #expect(summary.contains("warming up\\ncurl: (7) Failed to connect"))
        #expect(!summary.contains("\n"))
    }

    @Test func longStderrIsCutToItsEnd() {
        let stderr = String(repeating: "noise ", count: 500) + "the real error"
        let summary = DeliveryOutcome(exitStatus: 1, stderr: stderr).summary
        #expect(summary.hasSuffix("the real error"))
        #expect(summary.count < DeliveryOutcome.summaryStderrCharacters + 80)
    }

    @Test func summariesNameSignalsTimeoutsAndSpawnErrors() {
        #expect(DeliveryOutcome(signal: 9).summary.contains("SIGKILL"))
        #expect(DeliveryOutcome(signal: 15, timedOut: true).summary.contains("timed out"))
        #expect(DeliveryOutcome(error: "no such executable /opt/x").summary == "no such executable /opt/x")
        #expect(DeliveryOutcome(cancelled: true).summary.contains("cancelled"))
        #expect(DeliveryOutcome(exitStatus: 0, stderr: "chatty\n").summary.contains("stderr") == false)
    }

    @Test func durationsAreShownInHundredthsOfASecond() {
        #expect(DeliveryOutcome.seconds(.milliseconds(1234)) == "1.23 s")
        #expect(DeliveryOutcome.seconds(.milliseconds(5)) == "0.01 s")
        #expect(DeliveryOutcome.seconds(.seconds(30)) == "30.00 s")
    }

    @Test func escapingKeepsEverythingOnOneLine() {
        #expect(OneLine.escape("a\nb\r\tc\u{1B}[31m") == "a\\nb\\r\\tc\\u{1b}[31m")
        #expect(OneLine.tail(of: "  \n\nlast words\n", maximum: 100) == "last words")
        #expect(OneLine.tail(of: "abcdef", maximum: 3) == "…def")
    }

    @Test func redactionReplacesSecretsButNotShortValues() {
        let redaction = Redaction(secrets: ["s3cr3t-token", "s3cr3t", "1"])
        #expect(
            redaction.apply(to: "token=s3cr3t-token and s3cr3t, 1 item") == "token=[redacted] and [redacted], 1 item"
        )
    }
}
