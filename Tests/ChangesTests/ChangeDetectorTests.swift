import Changes
import Core
import Foundation
import TestSupport
import Testing

@Suite struct ChangeDetectorTests {
    static let consulate = Samples.sanFranciscoConsulate
    static let annex = Samples.washingtonAnnex

    static func fact(
        _ facility: Facility,
        _ status: Status,
        deadline: String? = nil,
        modality: Fact.Modality = .asserted,
        sentence: String = "A sentence."
    ) -> Fact {
        Samples.fact(facility, status, deadline: deadline, modality: modality, sentence: sentence)
    }

    static func context(
        version: Int64,
        published: String? = "2017-08-31T15:10",
        source: String = "ledger"
    )
        -> ChangeDetector.Context
    {
        ChangeDetector.Context(
            source: source,
            url: "https://example.org/story",
            versionID: version,
            published: published.flatMap { LocalDateTime(iso: $0) },
            detectedAt: Date(timeIntervalSince1970: 1_504_200_000 + Double(version))
        )
    }

    /// Applies a detection result to a dictionary of records, the way the store does.
    static func apply(_ result: ChangeDetector.Result, to records: inout [FacilityKey: FacilityRecord]) {
        for record in result.facilities { records[record.key] = record }
    }

    @Test func aFirstReportLogsSeenStatusAndDeadlineInThatOrder() {
        let facts = [
            Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02", sentence: "Close it by September 2."),
            Self.fact(Self.annex, .orderedClosed),
        ]
        let result = ChangeDetector().detect(
            facts: facts,
            previousFacts: [],
            current: [:],
            context: Self.context(version: 1)
        )
        #expect(
            result.changes.map { "\($0.kind.rawValue) \($0.facility.key)" } == [
                "facility_seen ru:consulate:us:san-francisco",
                "status_changed ru:consulate:us:san-francisco",
                "deadline_set ru:consulate:us:san-francisco",
                "facility_seen ru:annex:us:washington",
                "status_changed ru:annex:us:washington",
            ]
        )
        let deadlineSet = result.changes[2]
        #expect(deadlineSet.before == nil)
        #expect(deadlineSet.after?.deadline?.value?.iso == "2017-09-02")
        #expect(deadlineSet.evidence?.sentence == "Close it by September 2.")
        #expect(deadlineSet.evidence?.versionID == 1)
        #expect(result.facilities.map(\.state.status) == [.orderedClosed, .orderedClosed])
    }

    @Test func reprocessingTheSameClaimsLogsNothing() {
        let facts = [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02")]
        var records: [FacilityKey: FacilityRecord] = [:]
        let detector = ChangeDetector()
        Self.apply(
            detector.detect(facts: facts, previousFacts: [], current: records, context: Self.context(version: 1)),
            to: &records
        )
        let again = detector.detect(
            facts: facts,
            previousFacts: facts,
            current: records,
            context: Self.context(version: 2)
        )
        #expect(again.changes.isEmpty)
        #expect(again.facilities.isEmpty)
    }

    @Test func aMovedDeadlineIsADeadlineChangeAndAnOrderCarriedOutIsAStatusChange() {
        let detector = ChangeDetector()
        var records: [FacilityKey: FacilityRecord] = [:]
        let v1 = [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02")]
        Self.apply(
            detector.detect(facts: v1, previousFacts: [], current: records, context: Self.context(version: 1)),
            to: &records
        )

        let v2 = [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02T12:00")]
        let moved = detector.detect(facts: v2, previousFacts: v1, current: records, context: Self.context(version: 2))
        #expect(moved.changes.map(\.kind) == [.deadlineChanged])
        #expect(moved.changes[0].before?.deadline?.value?.iso == "2017-09-02")
        #expect(moved.changes[0].after?.deadline?.value?.iso == "2017-09-02T12:00")
        Self.apply(moved, to: &records)

        // The closure is reported next to the background order: the claim is the later status.
        let v3 = [
            Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02"),
            Self.fact(Self.consulate, .closed, sentence: "Russia closed the consulate on Saturday."),
        ]
        let closed = detector.detect(
            facts: v3,
            previousFacts: v2,
            current: records,
            context: Self.context(version: 3, published: "2017-09-02T18:30")
        )
        #expect(closed.changes.map(\.kind) == [.statusChanged])
        #expect(closed.changes[0].before?.status == .orderedClosed)
        #expect(closed.changes[0].after?.status == .closed)
        #expect(closed.changes[0].evidence?.sentence == "Russia closed the consulate on Saturday.")
    }

    @Test func silenceElsewhereRemovesNothingButTheDocumentThatSetADeadlineMayTakeItBack() {
        let detector = ChangeDetector()
        var records: [FacilityKey: FacilityRecord] = [:]
        let v1 = [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02")]
        Self.apply(
            detector.detect(facts: v1, previousFacts: [], current: records, context: Self.context(version: 1)),
            to: &records
        )
        let undated = [Self.fact(Self.consulate, .orderedClosed)]
        // Another outlet that does not mention the deadline agrees on the status: counted, deadline kept.
        let other = detector.detect(
            facts: undated,
            previousFacts: [],
            current: records,
            context: Self.context(version: 2, source: "wire")
        )
        #expect(other.changes.map(\.kind) == [.corroborated])
        #expect(other.facilities.first?.state.deadline?.value?.iso == "2017-09-02")
        #expect(other.facilities.first?.supporters == ["ledger", "wire"])
        // The article that stated the deadline drops it in its next version.
        let dropped = detector.detect(
            facts: undated,
            previousFacts: v1,
            current: records,
            context: Self.context(version: 3)
        )
        #expect(dropped.changes.map(\.kind) == [.deadlineRemoved])
        #expect(dropped.changes.first?.before?.deadline?.value?.iso == "2017-09-02")
        #expect(dropped.changes.first?.after?.deadline == nil)
    }

    @Test func anotherOutletConfirmingIsCountedOnceAndADeadlineItAddsIsSet() {
        let detector = ChangeDetector()
        var records: [FacilityKey: FacilityRecord] = [:]
        let first = [Self.fact(Self.consulate, .orderedClosed)]
        Self.apply(
            detector.detect(facts: first, previousFacts: [], current: records, context: Self.context(version: 1)),
            to: &records
        )
        let same = detector.detect(
            facts: first,
            previousFacts: [],
            current: records,
            context: Self.context(version: 2, source: "wire")
        )
        #expect(same.changes.map(\.kind) == [.corroborated])
        Self.apply(same, to: &records)
        let again = detector.detect(
            facts: first,
            previousFacts: [],
            current: records,
            context: Self.context(version: 3, source: "wire")
        )
        #expect(again.changes.isEmpty)
        let withDeadline = detector.detect(
            facts: [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02")],
            previousFacts: first,
            current: records,
            context: Self.context(version: 4, source: "wire")
        )
        #expect(withDeadline.changes.map(\.kind) == [.deadlineSet])
        #expect(withDeadline.changes[0].evidence?.source == "wire")
    }

    @Test func twoOutletsDisagreeingOnADeadlineIsAConflictThatKeepsTheState() {
        let detector = ChangeDetector()
        var records: [FacilityKey: FacilityRecord] = [:]
        let ledger = [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02", sentence: "By Saturday.")]
        Self.apply(
            detector.detect(facts: ledger, previousFacts: [], current: records, context: Self.context(version: 1)),
            to: &records
        )
        let wire = [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-01", sentence: "By Friday.")]
        let result = detector.detect(
            facts: wire,
            previousFacts: [],
            current: records,
            context: Self.context(version: 2, source: "wire")
        )
        #expect(result.changes.map(\.kind) == [.conflict])
        let conflict = result.changes[0]
        #expect(conflict.before?.deadline?.value?.iso == "2017-09-02")
        #expect(conflict.after?.deadline?.value?.iso == "2017-09-01")
        #expect(conflict.evidence?.sentence == "By Friday.")
        #expect(conflict.priorEvidence?.sentence == "By Saturday.")
        #expect(conflict.priorEvidence?.source == "ledger")
        #expect(result.facilities.isEmpty)  // the state keeps the first claim
        // The outlet that set the deadline revising it is a change, not a conflict.
        let revised = detector.detect(
            facts: [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-01")],
            previousFacts: ledger,
            current: records,
            context: Self.context(version: 3)
        )
        #expect(revised.changes.map(\.kind) == [.deadlineChanged])
    }

    @Test func anEditThatChangesNoClaimIsATextChangeWithItsDiff() {
        let detector = ChangeDetector()
        var records: [FacilityKey: FacilityRecord] = [:]
        let facts = [Self.fact(Self.consulate, .orderedClosed)]
        Self.apply(
            detector.detect(facts: facts, previousFacts: [], current: records, context: Self.context(version: 1)),
            to: &records
        )
        let edited = detector.detect(
            facts: facts,
            previousFacts: facts,
            current: records,
            context: Self.context(version: 2),
            sentences: ["Russia must close the consulate.", "Smoke rose from the chimney.", "Talks continue."],
            previousSentences: ["Russia must close the consulate.", "Talks continue.", "A photo caption."]
        )
        #expect(edited.changes.map(\.kind) == [.textChanged])
        #expect(
            edited.changes.first?.diff
                == TextDiff(added: ["Smoke rose from the chimney."], removed: ["A photo caption."])
        )
        #expect(edited.facilities.isEmpty)
        // The same text again is no change at all.
        let same = detector.detect(
            facts: facts,
            previousFacts: facts,
            current: records,
            context: Self.context(version: 3),
            sentences: ["A."],
            previousSentences: ["A."]
        )
        #expect(same.changes.isEmpty)
    }

    @Test func staleReportsDoNotRollAStateBack() {
        let detector = ChangeDetector()
        var records: [FacilityKey: FacilityRecord] = [:]
        let closed = [Self.fact(Self.consulate, .closed)]
        Self.apply(
            detector.detect(
                facts: closed,
                previousFacts: [],
                current: records,
                context: Self.context(version: 1, published: "2017-09-02T18:30")
            ),
            to: &records
        )
        let older = detector.detect(
            facts: [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02")],
            previousFacts: [],
            current: records,
            context: Self.context(version: 2, published: "2017-08-31T15:10", source: "archive")
        )
        #expect(older.changes.isEmpty)
    }

    @Test func anotherReportMayOnlyMoveAFacilityBackWhenItIsNewer() {
        let detector = ChangeDetector()
        var records: [FacilityKey: FacilityRecord] = [:]
        Self.apply(
            detector.detect(
                facts: [Self.fact(Self.consulate, .closed)],
                previousFacts: [],
                current: records,
                context: Self.context(version: 1, published: "2017-09-02T18:30")
            ),
            to: &records
        )
        let sameTime = detector.detect(
            facts: [Self.fact(Self.consulate, .orderedClosed)],
            previousFacts: [],
            current: records,
            context: Self.context(version: 2, published: "2017-09-02T18:30", source: "wire")
        )
        #expect(sameTime.changes.isEmpty)
        let undated = detector.detect(
            facts: [Self.fact(Self.consulate, .orderedClosed)],
            previousFacts: [],
            current: records,
            context: Self.context(version: 3, published: nil, source: "wire")
        )
        #expect(undated.changes.isEmpty)
        let newer = detector.detect(
            facts: [Self.fact(Self.consulate, .orderedClosed, deadline: "2018-03-01")],
            previousFacts: [],
            current: records,
            context: Self.context(version: 4, published: "2018-02-20T09:00", source: "wire")
        )
        #expect(newer.changes.map(\.kind) == [.statusChanged])
    }

    @Test func anUpdatedStoryCountsAsOfItsUpdateTime() {
        let detector = ChangeDetector()
        var records: [FacilityKey: FacilityRecord] = [:]
        // Published Thursday, updated Saturday with the closure.
        let updated = ChangeDetector.Context(
            source: "ledger",
            url: "https://example.org/story",
            versionID: 1,
            published: LocalDateTime(iso: "2017-08-31T15:10"),
            asOf: LocalDateTime(iso: "2017-09-02T18:30"),
            detectedAt: Date()
        )
        Self.apply(
            detector.detect(
                facts: [Self.fact(Self.consulate, .closed)],
                previousFacts: [],
                current: records,
                context: updated
            ),
            to: &records
        )
        #expect(records[Self.consulate.key]?.asOf?.iso == "2017-09-02T18:30")
        // Another outlet's Friday story, still saying "ordered closed", is older than the update: no change.
        let friday = detector.detect(
            facts: [Self.fact(Self.consulate, .orderedClosed)],
            previousFacts: [],
            current: records,
            context: Self.context(version: 2, published: "2017-09-01T09:00", source: "wire")
        )
        #expect(friday.changes.isEmpty)
    }

    @Test func aDocumentMayCorrectItsOwnClaim() {
        let detector = ChangeDetector()
        var records: [FacilityKey: FacilityRecord] = [:]
        let first = [Self.fact(Self.consulate, .closed)]
        Self.apply(
            detector.detect(facts: first, previousFacts: [], current: records, context: Self.context(version: 1)),
            to: &records
        )
        let corrected = detector.detect(
            facts: [Self.fact(Self.consulate, .orderedClosed)],
            previousFacts: first,
            current: records,
            context: Self.context(version: 2)
        )
        #expect(corrected.changes.map(\.kind) == [.statusChanged])
        #expect(corrected.changes.first?.after?.status == .orderedClosed)
    }

    @Test func negatedAndHedgedFactsNeverChangeState() {
        let facts = [
            Self.fact(Self.consulate, .seized, modality: .negated),
            Self.fact(Self.consulate, .reopened, modality: .hedged),
        ]
        let result = ChangeDetector().detect(
            facts: facts,
            previousFacts: [],
            current: [:],
            context: Self.context(version: 1)
        )
        #expect(result.changes.isEmpty)
    }

    @Test func idempotencyKeysAreStablePerVersionFacilityAndKind() {
        let facts = [Self.fact(Self.consulate, .orderedClosed, deadline: "2017-09-02")]
        let first = ChangeDetector().detect(
            facts: facts,
            previousFacts: [],
            current: [:],
            context: Self.context(version: 7)
        )
        let second = ChangeDetector().detect(
            facts: facts,
            previousFacts: [],
            current: [:],
            context: Self.context(version: 7)
        )
        #expect(first.changes.map(\.idempotencyKey) == second.changes.map(\.idempotencyKey))
        #expect(Set(first.changes.map(\.idempotencyKey)).count == first.changes.count)
    }
}
