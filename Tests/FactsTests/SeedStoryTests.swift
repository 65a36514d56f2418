import Core
import Facts
import Foundation
import Testing

/// The project's example: four versions of a story about August 31, 2017, in sentences written for these tests.
@Suite struct SeedStoryTests {
    static let lead =
        "WASHINGTON - The U.S. State Department on Thursday ordered Russia to close its Consulate General in San "
        + "Francisco, a chancery annex in Washington, D.C. and a consular annex in New York City by September 2, "
        + "in response to Moscow's cuts to the American diplomatic presence."
    static let background =
        "In July, Moscow ordered the United States to cut the staff of its embassy in Moscow and its consulates by "
        + "755 \"by Sept. 1.\" On Aug. 1, Russia seized the U.S. Embassy's summer house (dacha) at Serebryany Bor in "
        + "Moscow."
    static let traps =
        "A senior official said the administration chose not to seize the consulate, and that the consulate could "
        + "reopen if relations improve. Moscow said it regretted the decision. Washington said it hoped to avoid "
        + "further escalation."

    static let orders: Set<String> = [
        "ru:consulate:us:san-francisco ordered_closed 2017-09-02",
        "ru:annex:us:washington ordered_closed 2017-09-02",
        "ru:annex:us:new-york ordered_closed 2017-09-02",
    ]
    static let context: Set<String> = [
        "us:embassy:ru:moscow staff_cut 2017-09-01",
        "us:compound:ru:moscow seized nil",
    ]

    @Test func version1() {
        let article = ExtractionFixtures.article(
            "U.S. orders Russia to close San Francisco consulate and two annexes",
            [Self.lead, Self.background, Self.traps],
            published: "2017-08-31T15:10"
        )
        let result = ExtractionFixtures.extract(article)
        #expect(ExtractionFixtures.summary(result.facts) == Self.orders.union(Self.context))
        let staffCut = result.facts.first { $0.status == .staffCut }
        #expect(staffCut?.staff == 755)
        #expect(staffCut?.deadline?.phrase == "by Sept. 1")
        let consulate = result.facts.first { $0.facility.key.rawValue == "ru:consulate:us:san-francisco" }
        #expect(consulate?.facility.name == "Consulate General of Russia in San Francisco")
        #expect(consulate?.deadline?.anchor == .published)
        #expect(consulate?.evidence.sentence == Self.lead)
        let rejected = Set(result.rejected.map { "\($0.status) \($0.modality)" })
        #expect(rejected.contains("seized negated"))
        #expect(rejected.contains("reopened conditional"))
    }

    @Test func version2MovesTheDeadlineToNoonThroughAnaphora() {
        let update =
            "The Russians must vacate the three buildings by 12 p.m. Eastern Daylight Time on Saturday, a State "
            + "Department official said later on Thursday."
        let article = ExtractionFixtures.article(
            "U.S. orders Russia to close San Francisco consulate and two annexes",
            [Self.lead, update, Self.background, Self.traps],
            published: "2017-08-31T18:40"
        )
        let facts = ExtractionFixtures.extract(article).facts
        let expected = Set(Self.orders.map { $0.replacingOccurrences(of: "2017-09-02", with: "2017-09-02T12:00") })
        #expect(ExtractionFixtures.summary(facts) == expected.union(Self.context))
    }

    @Test func version3AddsTheResidenceBySameDeadline() {
        let article = ExtractionFixtures.article(
            "U.S. orders Russia to close San Francisco consulate, annexes and residence",
            [
                Self.lead,
                "The Russians must vacate the three buildings by 12 p.m. Eastern Daylight Time on Saturday.",
                Self.background,
                "Russia must also vacate the consul general's residence in San Francisco by the same deadline, "
                    + "officials said.",
                Self.traps,
            ],
            published: "2017-08-31T21:00"
        )
        let facts = ExtractionFixtures.extract(article).facts
        let residence = facts.first { $0.facility.kind == .residence }
        #expect(residence?.facility.key.rawValue == "ru:residence:us:san-francisco")
        #expect(residence?.status == .orderedClosed)
        #expect(residence?.deadline?.value?.iso == "2017-09-02T12:00")
        #expect(residence?.deadline?.phrase == "by the same deadline")
    }

    @Test func version4ReportsTheClosuresAndNothingForMissionsThatRemainOpen() {
        let article = ExtractionFixtures.article(
            "Russia vacates San Francisco consulate as U.S. deadline passes",
            [
                "SAN FRANCISCO - Russia's consulate general in San Francisco closed on Saturday, and the chancery "
                    + "annex in Washington and the consular annex in New York City were shut hours before the noon "
                    + "deadline, U.S. officials said.",
                "The consul general's residence in San Francisco was also vacated.",
                "The Russian Embassy in Washington and the consulates in New York, Houston and Seattle remain open.",
                "Moscow said it would respond.",
            ],
            published: "2017-09-02T16:00"
        )
        let facts = ExtractionFixtures.extract(article).facts
        #expect(
            ExtractionFixtures.summary(facts) == [
                "ru:consulate:us:san-francisco closed nil", "ru:annex:us:washington closed nil",
                "ru:annex:us:new-york closed nil", "ru:residence:us:san-francisco closed nil",
            ]
        )
    }
}
