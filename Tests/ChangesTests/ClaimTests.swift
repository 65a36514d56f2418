import Changes
import Core
import Testing

@Suite struct ClaimTests {
    @Test func theLaterLifeCycleStatusWinsWhateverTheOrderOfMention() {
        let facility = ChangeDetectorTests.consulate
        let closedFirst = [
            ChangeDetectorTests.fact(facility, .closed),
            ChangeDetectorTests.fact(facility, .orderedClosed, deadline: "2017-09-02"),
        ]
        #expect(Claim.summarize(closedFirst).map(\.state.status) == [.closed])
        #expect(Claim.summarize(closedFirst.reversed()).map(\.state.status) == [.closed])
        let reopened = [
            ChangeDetectorTests.fact(facility, .closed),
            ChangeDetectorTests.fact(facility, .reopened),
        ]
        #expect(Claim.summarize(reopened).map(\.state.status) == [.reopened])
    }

    @Test func claimsFollowTheOrderFacilitiesAreFirstMentioned() {
        let claims = Claim.summarize([
            ChangeDetectorTests.fact(ChangeDetectorTests.annex, .orderedClosed),
            ChangeDetectorTests.fact(ChangeDetectorTests.consulate, .orderedClosed),
            ChangeDetectorTests.fact(ChangeDetectorTests.annex, .closed),
        ])
        #expect(claims.map(\.facility.key.rawValue) == ["ru:annex:us:washington", "ru:consulate:us:san-francisco"])
        #expect(claims[0].state.status == .closed)
    }
}
