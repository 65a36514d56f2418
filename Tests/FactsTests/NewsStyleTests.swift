import Core
import Facts
import Testing

/// Sentences in the styles real reporting uses, written for these tests: each exercises one general rule.
@Suite struct NewsStyleTests {
    private func facts(_ paragraphs: [String], published: String? = "2024-05-06") -> Set<String> {
        let article = ExtractionFixtures.article("Headline", paragraphs, published: published)
        return ExtractionFixtures.summary(ExtractionFixtures.extract(article).facts)
    }

    @Test func aPluralReferenceTwoSentencesLaterTakesTheClosuresNotAnEarlierExpulsion() {
        let result = facts(
            [
                "TALLINN - Russia ordered Estonia to close its consulate general in St. Petersburg and its consular "
                    + "office in Pskov.",
                "The move follows Tallinn's decision last week to expel a Russian diplomat.",
                "These closures must be completed by May 1, the Russian foreign ministry said.",
            ],
            published: "2021-04-15"
        )
        #expect(result.contains("ee:consulate:ru:saint-petersburg ordered_closed 2021-05-01"))
        #expect(result.contains("ee:consulate:ru:pskov ordered_closed 2021-05-01"))
        #expect(!result.contains { $0.hasPrefix("ru:embassy:ee:tallinn ordered_closed") })
    }

    @Test func capitalsStandForGovernmentsAndAFacilityToldToLeaveIsToldToClose() {
        let result = facts(
            [
                "BEIJING - China on Friday ordered the United States to close its consulate in the city of Chengdu.",
                "Beijing gave the U.S. mission 72 hours to leave, the foreign ministry said.",
            ],
            published: "2020-07-24"
        )
        #expect(result == ["us:consulate:cn:chengdu ordered_closed 2020-07-27"])
    }

    @Test func refusalsThreatsAndMaybesAreNotFacts() {
        let article = ExtractionFixtures.article(
            nil,
            [
                "BERLIN - Germany refused on Thursday to close the Russian trade mission in Hamburg.",
                "Iran has threatened to close the German embassy in Tehran if Berlin expels its envoy.",
                "The Swiss embassy in Kabul may reopen once the situation improves, officials said.",
            ],
            published: "2023-11-02"
        )
        let result = ExtractionFixtures.extract(article)
        #expect(result.facts.isEmpty)
        #expect(Set(result.rejected.map(\.modality)) == [.negated, .conditional, .hedged])
    }

    @Test func aStateSendingItsOwnStaffAwayEvacuatesAndAnotherStateJoiningDoesSoInTheSamePlace() {
        let result = facts(
            [
                "KYIV - The United States on Saturday ordered most of its staff at the U.S. Embassy in Kyiv to leave "
                    + "Ukraine, and Britain withdrew some staff from its embassy as well."
            ],
            published: "2022-02-12"
        )
        #expect(result == ["us:embassy:ua:kyiv evacuated nil", "gb:embassy:ua:kyiv evacuated nil"])
    }

    @Test func aMainVerbAfterAnAppositiveListKeepsItsSubjects() {
        let result = facts(
            [
                "KHARTOUM - Several countries, including Sweden, Spain and Italy, suspended operations at their "
                    + "embassies in Khartoum as fighting spread.",
                "Japan evacuated its embassy staff on Sunday. Turkey said its embassy would move to Port Sudan.",
            ],
            published: "2023-07-04"
        )
        #expect(
            result == [
                "se:embassy:sd:khartoum suspended nil", "es:embassy:sd:khartoum suspended nil",
                "it:embassy:sd:khartoum suspended nil", "jp:embassy:sd:khartoum evacuated nil",
                "tr:embassy:sd:khartoum relocated nil",
            ]
        )
    }

    @Test func coordinatedNounsShareTheDirectiveAndAStateNamesThePlace() {
        let result = facts(
            [
                "HONOLULU - President Barack Obama on Thursday ordered the expulsion of 35 Russian diplomats and the "
                    + "closure of two Russian compounds in Maryland and New York.",
                "The diplomats and their families were given 72 hours to leave the United States.",
            ],
            published: "2016-12-29"
        )
        // The expelling state is not named (a president is not a state), so the expulsion has no embassy to cut.
        #expect(result == ["ru:compound:us:maryland ordered_closed nil", "ru:compound:us:new-york ordered_closed nil"])
    }

    @Test func aDatelineMonthIsNotAModal() {
        let result = facts(
            [
                "WARSAW, May 6 - Poland ordered the Russian consulate in Poznan closed on Monday and gave its staff "
                    + "until Thursday to leave the country."
            ]
        )
        // "until Thursday" is the staff's time to leave the country, not the consulate's deadline.
        #expect(result == ["ru:consulate:pl:poznan ordered_closed nil"])
    }

    @Test func backgroundEventsGiveWayToTheNewsAndRemainingOpenIsNoFact() {
        let result = facts(
            [
                "TEHRAN - Britain reopened its embassy in Tehran on Sunday, nearly four years after it was stormed.",
                "The embassy was closed in November 2011 after the attack.",
                "\"We will close the embassy in Caracas on Friday,\" the Argentine foreign minister told reporters.",
                "\"Our consulate in Maracaibo will remain open,\" she added.",
            ],
            published: "2015-08-23"
        )
        // The 2011 closure is background to the reopening: one claim for the Tehran embassy, the reopening.
        #expect(result == ["gb:embassy:ir:tehran reopened nil", "ar:embassy:ve:caracas ordered_closed 2015-08-28"])
    }

    @Test func captionsRepeatedAndStatementsOfNoChangeGiveNothing() {
        let caption = "FILE PHOTO: A view of the embassy of Ukraine in Moscow, Russia, March 4, 2014. REUTERS/Staff"
        #expect(
            facts([
                caption, caption,
                "MOSCOW - Officials said the consulate in Rostov-on-Don remained open and would not be affected.",
            ]).isEmpty
        )
    }

    @Test func listsOfFacilitiesAcrossKindsShareOneOrder() {
        let result = facts(
            [
                "WASHINGTON - The United States on Monday expelled 60 Russian diplomats and ordered the closure of "
                    + "Russia's consulate in Seattle.",
                "Russia must vacate the consulate by April 2.",
            ],
            published: "2018-03-26"
        )
        #expect(result.contains("ru:consulate:us:seattle ordered_closed 2018-04-02"))
        // Expelling 60 diplomats is a personnel action, not a cut of the embassy.
        #expect(!result.contains { $0.hasPrefix("ru:embassy:us:washington") })
    }

    @Test func accentedAndPlainSpellingsOfACityMergeIntoOneFacility() {
        let result = facts(
            [
                "Côte d'Ivoire has closed its consulate in São Paulo.",
                "The Ivorian consulate in Sao Paulo closed on Friday, officials said.",
            ]
        )
        #expect(result == ["ci:consulate:br:sao-paulo closed nil"])
    }

    @Test func twoStatesReopeningTheirEmbassiesMeanEachInTheOthersCapital() {
        let result = facts(
            [
                "BEIJING - Saudi Arabia and Iran agreed on Friday to restore diplomatic relations and reopen their "
                    + "embassies within two months."
            ],
            published: "2023-03-10"
        )
        #expect(result == ["sa:embassy:ir:tehran reopened 2023-05-10", "ir:embassy:sa:riyadh reopened 2023-05-10"])
    }

    @Test func staffLeavingOfTheirOwnAccordEvacuate() {
        let result = facts(
            [
                "QUITO - Police stormed Mexico's embassy in Quito on Friday. Mexico's embassy staff left Ecuador on Sunday."
            ]
        )
        #expect(result == ["mx:embassy:ec:quito evacuated nil"])
    }

    @Test func aHostOrderingTheStaffOfSeveralStatesOutCutsEachEmbassy() {
        let result = facts(
            [
                "CARACAS - Venezuela on Tuesday ordered the diplomatic staff of seven Latin American countries, "
                    + "including Argentina, Chile and Peru, to leave the country within 72 hours."
            ],
            published: "2025-02-04"
        )
        #expect(
            result == [
                "ar:embassy:ve:caracas staff_cut 2025-02-07", "cl:embassy:ve:caracas staff_cut 2025-02-07",
                "pe:embassy:ve:caracas staff_cut 2025-02-07",
            ]
        )
    }

    @Test func aPresentTenseHeadlineTakesTheStatusTheBodyGives() {
        let article = ExtractionFixtures.article(
            "Germany shuts Russian consulates in Hamburg, Leipzig, Munich",
            [
                "BERLIN - Germany will close four of the five Russian consulates in the country, officials said on "
                    + "Tuesday. The consulates in Hamburg, Leipzig and Munich must close by the end of the year."
            ],
            published: "2022-03-01"
        )
        #expect(
            ExtractionFixtures.summary(ExtractionFixtures.extract(article).facts) == [
                "ru:consulate:de:hamburg ordered_closed 2022-12-31",
                "ru:consulate:de:leipzig ordered_closed 2022-12-31",
                "ru:consulate:de:munich ordered_closed 2022-12-31",
            ]
        )
    }

    @Test func theEndOfTheDayOnAWeekdayIsThatDay() {
        let result = facts(
            [
                "MOSCOW - Russia said on Sunday it would cut the staff of the Czech embassy in Moscow by 20.",
                "The Czech diplomats must leave Russia by the end of the day on Monday, the ministry said.",
            ],
            published: "2021-04-18"
        )
        #expect(result == ["cz:embassy:ru:moscow staff_cut 2021-04-19"])
    }

    @Test func coordinatedDemonymsOwnOneEmbassyEach() {
        let result = facts(
            ["NIAMEY - The French, German and Italian embassies in Niamey were evacuated on Tuesday after protests."]
        )
        #expect(
            result == [
                "fr:embassy:ne:niamey evacuated nil", "de:embassy:ne:niamey evacuated nil",
                "it:embassy:ne:niamey evacuated nil",
            ]
        )
    }

    @Test func anUnknownTownWithItsStateIsPlacedAndTheListGoesOn() {
        let result = facts(
            [
                "WASHINGTON - The State Department ordered the closure of the Syrian embassy in Washington and its "
                    + "honorary consulates in Troy, Michigan, and Houston, Texas, on Tuesday."
            ]
        )
        #expect(
            result == [
                "sy:embassy:us:washington ordered_closed nil", "sy:consulate:us:troy ordered_closed nil",
                "sy:consulate:us:houston ordered_closed nil",
            ]
        )
    }

    @Test func aPronounObjectOfADirectiveIsTheFacilityJustNamed() {
        let result = facts(
            [
                "HOUSTON - Smoke rose from a courtyard of the Chinese consulate in Houston late on Tuesday, hours after "
                    + "Washington ordered it closed."
            ]
        )
        #expect(result == ["cn:consulate:us:houston ordered_closed nil"])
    }

    @Test func staffNounsJoinedByAndKeepTheirSafetyWord() {
        let result = facts(
            [
                "ADDIS ABABA - Non-essential staff and family members at the U.S. embassy in Addis Ababa were ordered "
                    + "to leave Ethiopia on Saturday."
            ]
        )
        #expect(result == ["us:embassy:et:addis-ababa evacuated 2024-05-11"])
    }

    @Test func aCapitalsPossessiveIsItsGovernments() {
        let result = facts(
            ["Washington's embassy in Kyiv reopened on Monday. Kyiv's embassy in Moscow was shut in 2022."],
            published: "2024-04-10"
        )
        #expect(result == ["us:embassy:ua:kyiv reopened nil", "ua:embassy:ru:moscow closed nil"])
    }

    @Test func aMissionOrderedToCutItsStaffIsTheOneCut() {
        let result = ExtractionFixtures.extract(
            ExtractionFixtures.article(
                "Serbia expels two Croatian diplomats",
                [
                    "BELGRADE - The Croatian embassy in Belgrade was ordered to reduce its staff by two diplomats "
                        + "within 30 days."
                ],
                published: "2024-04-10"
            )
        ).facts
        #expect(ExtractionFixtures.summary(result) == ["hr:embassy:rs:belgrade staff_cut 2024-05-10"])
        #expect(result.first?.staff == 2)
    }

    @Test func aCountedReferenceWithAKindTakesFacilitiesOfThatKind() {
        let article = ExtractionFixtures.article(
            nil,
            [
                "WASHINGTON - The United States ordered Russia to close its consulate in Seattle and consular annexes "
                    + "in Houston and Boston. Russia also seized a U.S. summer house near Moscow.",
                "The administration chose not to seize the consulate or the two annexes, an official said.",
            ],
            published: "2024-04-10"
        )
        let rejected = ExtractionFixtures.extract(article).rejected.map(\.facility.key.rawValue)
        #expect(Set(rejected) == ["ru:consulate:us:seattle", "ru:annex:us:houston", "ru:annex:us:boston"])
    }

    @Test func aClosureThatTakesEffectOnADayIsOrderedWithThatDeadline() {
        let result = facts(
            ["The closure of the Dutch embassy in Kabul, announced last week, takes effect on Monday."],
            published: "2024-04-10"
        )
        #expect(result == ["nl:embassy:af:kabul ordered_closed 2024-04-15"])
    }

    @Test func denialsAndRumoursAreNotFacts() {
        let article = ExtractionFixtures.article(
            nil,
            [
                "Russia denied on Wednesday that it would close the Finnish consulate in Petrozavodsk. There were "
                    + "rumours that Paris would shut its embassy in Minsk."
            ],
            published: "2024-04-10"
        )
        let result = ExtractionFixtures.extract(article)
        #expect(result.facts.isEmpty)
        #expect(Set(result.rejected.map(\.modality)) == [.negated, .hedged])
    }
}
