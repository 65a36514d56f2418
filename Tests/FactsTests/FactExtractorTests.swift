import Core
import Facts
import Foundation
import Testing

@Suite struct FactExtractorTests {
    private func facts(_ paragraphs: [String], title: String? = nil, published: String? = "2025-03-04") -> Set<String> {
        let article = ExtractionFixtures.article(title, paragraphs, published: published)
        return ExtractionFixtures.summary(ExtractionFixtures.extract(article).facts)
    }

    @Test(arguments: [
        "Officials said the government chose not to seize the consulate in Lyon.",
        "The embassy in Lima was not seized, the ministry said.",
        "The interests section in Havana has not been closed and its staff will remain in place.",
        "Norway never closed its embassy in Quito.",
        "Athens said it had no plans to close Russia's consulate general in Thessaloniki.",
        "The French embassy in Bamako will remain open.",
        "Appointments at the visa centre in Izmir will not be suspended during the changeover.",
    ])
    func negatedStatementsAreNotFacts(sentence: String) {
        #expect(facts([sentence]).isEmpty)
    }

    @Test(arguments: [
        "Buenos Aires could retaliate by closing Brazil's consulate in Rosario.",
        "Tokyo may respond by closing Russia's consulate general in Sapporo.",
        "Egypt threatened on Monday to close Italy's consulate in Alexandria.",
        "The embassy in Tegucigalpa would reopen if the security situation improved.",
        "Portugal is considering opening a consulate in Lubango.",
        "Honduras urged South Korea to reopen its embassy in Tegucigalpa.",
        "Analysts said the consulates in Surabaya and Makassar could be closed, but no decision has been made.",
    ])
    func hedgedStatementsAreNotFacts(sentence: String) {
        let article = ExtractionFixtures.article(nil, [sentence], published: "2025-03-04")
        let result = ExtractionFixtures.extract(article)
        #expect(result.facts.isEmpty)
        #expect(!result.rejected.isEmpty)
        #expect(result.rejected.allSatisfy { $0.modality != .asserted })
    }

    @Test func rejectedCandidatesExplainWhy() {
        let result = ExtractionFixtures.extract(
            ExtractionFixtures.article(nil, ["The consulate in Lagos could reopen if fuel supplies improve."])
        )
        #expect(result.rejected.map(\.modality) == [.conditional])
        #expect(result.rejected.first?.status == .reopened)
    }

    @Test func metonymsAreNotFacilities() {
        #expect(
            facts(["Moscow said it would respond. Washington welcomed the step. Clocks showed 23:59 Moscow time."])
                .isEmpty
        )
    }

    @Test func routineClosuresAndEventsAreNotFacts() {
        #expect(facts(["The Embassy of Chile in Canberra will be closed on Monday for a public holiday."]).isEmpty)
        #expect(facts(["The Embassy of Japan in Ottawa opened its annual film festival on Friday."]).isEmpty)
        #expect(facts(["Polling stations opened at 8 a.m. inside the consulate in Madrid."]).isEmpty)
    }

    @Test func severalFacilitiesInOneSentenceShareTheCueAndOwner() {
        let result = facts(
            [
                "HANOI - Vietnam on Wednesday ordered Cambodia to close its consulate general in Ho Chi Minh City, a "
                    + "consular annex in Can Tho and its visa center in Hanoi by the end of the month."
            ],
            published: "2024-10-09T14:00"
        )
        #expect(
            result == [
                "kh:consulate:vn:ho-chi-minh-city ordered_closed 2024-10-31",
                "kh:annex:vn:can-tho ordered_closed 2024-10-31",
                "kh:visa_center:vn:hanoi ordered_closed 2024-10-31",
            ]
        )
    }

    @Test func pluralOwnersGiveOneFactEach() {
        let result = facts(
            ["Spain, Italy and Brazil have withdrawn non-essential staff from their embassies in Bamako."]
        )
        #expect(
            result == [
                "es:embassy:ml:bamako evacuated nil", "it:embassy:ml:bamako evacuated nil",
                "br:embassy:ml:bamako evacuated nil",
            ]
        )
    }

    @Test func eachOtherMeansTheOtherStateOwnsIt() {
        let result = facts(
            ["Georgia and Armenia will open trade offices in each other's border cities of Gyumri and Batumi."],
            published: "2025-09-03"
        )
        #expect(result == ["ge:trade_office:am:gyumri opened nil", "am:trade_office:ge:batumi opened nil"])
    }

    @Test func anaphoraCarriesTheDeadlineToEarlierFacts() {
        let result = facts(
            [
                "SANTIAGO - Peru on Monday ordered Chile to close its consulate in Tacna and a consular annex in Puno.",
                "These closures must be completed by Feb. 2, the ministry said.",
            ],
            published: "2025-01-27"
        )
        #expect(
            result == ["cl:consulate:pe:tacna ordered_closed 2025-02-02", "cl:annex:pe:puno ordered_closed 2025-02-02"]
        )
    }

    @Test func repeatedReportsAreMergedWithTheBodyAsEvidence() {
        let body =
            "KAMPALA - Uganda has ordered Kenya to close its consulate in Gulu by Saturday, the ministry said on Tuesday."
        let article = ExtractionFixtures.article(
            "Uganda orders Kenya to close Gulu consulate",
            [
                "The Kenyan consulate in Gulu is seen on Tuesday. (Staff photo)", body,
                "The consulate in Gulu must close by Saturday.",
            ],
            published: "2024-08-13"
        )
        let result = ExtractionFixtures.extract(article)
        #expect(result.facts.count == 1)
        #expect(result.facts.first?.facility.key.rawValue == "ke:consulate:ug:gulu")
        #expect(result.facts.first?.deadline?.value?.iso == "2024-08-17")
        #expect(result.facts.first?.evidence.sentence == body)
    }

    @Test func evidenceSpansIndexTheArticleText() {
        let article = ExtractionFixtures.article(
            "Côte d’Ivoire shuts consulate in São Paulo",
            [
                "ABIDJAN – Côte d’Ivoire has closed its consulate in São Paulo, the ministry said on Monday.",
                "It also ordered Ghana to close its trade office in Bouaké within 48 hours.",
            ],
            published: "2025-05-05"
        )
        let result = ExtractionFixtures.extract(article)
        #expect(result.facts.count == 2)
        let scalars = Array(article.text.unicodeScalars)
        for fact in result.facts {
            let span = fact.evidence.span
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == fact.evidence.sentence)
        }
    }

    @Test func embassyWithOnlyAHostCountryIsInItsCapital() {
        #expect(
            facts(["Chile will open an embassy in Georgia on Sept. 22."], published: "2025-08-19")
                == ["cl:embassy:ge:tbilisi opened 2025-09-22"]
        )
    }

    @Test func relocationIsRecordedOnceFromTheOldCity() {
        let article = ExtractionFixtures.article(
            nil,
            [
                "Kenya will relocate its High Commission in Tanzania from Dar es Salaam to Dodoma starting from August 1."
            ],
            published: "2024-06-18"
        )
        let result = ExtractionFixtures.extract(article).facts
        #expect(ExtractionFixtures.summary(result) == ["ke:embassy:tz:dar-es-salaam relocated 2024-08-01"])
        #expect(result.first?.relocatedTo == "Dodoma")
        #expect(facts(["Its staff moved into the main embassy building in the city's Bole district."]).isEmpty)
    }

    @Test func staffCutsKeepTheNumberOrTheCeiling() {
        let article = ExtractionFixtures.article(
            nil,
            [
                "Thailand has ordered Myanmar to reduce the number of diplomats at its embassy in Bangkok by 15 by "
                    + "September 2.",
                "Guatemala ordered Belize to cut the staff of its embassy to six within 30 days.",
            ],
            published: "2024-08-20"
        )
        let result = ExtractionFixtures.extract(article).facts
        let bangkok = result.first { $0.facility.city == "Bangkok" }
        #expect(bangkok?.status == .staffCut)
        #expect(bangkok?.staff == 15)
        #expect(bangkok?.deadline?.value?.iso == "2024-09-02")
        let guatemala = result.first { $0.facility.city == "Guatemala City" }
        #expect(guatemala?.staffLimit == 6)
        #expect(guatemala?.staff == nil)
        #expect(guatemala?.deadline?.value?.iso == "2024-09-19")
    }

    @Test func pastEventsAreFactsWithoutDeadlines() {
        #expect(
            facts(["Argentina closed its consulate in Uruguaiana on Friday in 2019."]) == [
                "ar:consulate:br:uruguaiana closed nil"
            ]
        )
        #expect(
            facts(["The consulate in Tecun Uman, on the border, which Mexico reopened in 2022, will add staff."])
                == ["mx:consulate:gt:tecun-uman reopened nil"]
        )
    }

    @Test func restorationNeedsAReportedSuspension() {
        #expect(facts(["The consulate in Cordoba will resume its regular services on Monday morning."]).isEmpty)
        let result = facts(
            [
                "Peru's consulate general in Santa Cruz resumed normal operations on Monday.",
                "Services at the consulate were suspended on March 25 after a fire.",
            ],
            published: "2024-04-08"
        )
        // One claim for the consulate: the restoration is the news, the suspension two weeks before its background.
        #expect(result == ["pe:consulate:bo:santa-cruz-de-la-sierra restored nil"])
    }

    @Test func temporarilyClosedIsSuspended() {
        #expect(
            facts(
                ["The high commission in Honiara will be temporarily closed to the public by the end of the day."],
                published: "2024-11-20"
            )
            .first?.hasSuffix("suspended 2024-11-20") == true
        )
    }

    @Test func referenceDateFallsBackToTheTextThenTheFetchTime() {
        let dated = ExtractionFixtures.article(
            nil,
            [
                "ANKARA, Tuesday 12 March 2024 - Turkey has ordered Bulgaria to close its consulate in Edirne within 72 hours."
            ]
        )
        let fromText = ExtractionFixtures.extract(dated).facts.first?.deadline
        #expect(fromText?.value?.iso == "2024-03-15")
        #expect(fromText?.anchor == .textDate)

        let undated = ExtractionFixtures.article(
            nil,
            ["Tunisia has ordered Libya to close its consulate in Sfax by Friday."]
        )
        let unresolved = ExtractionFixtures.extract(undated).facts.first?.deadline
        #expect(unresolved?.value == nil)
        #expect(unresolved?.phrase == "by Friday")
        #expect(unresolved?.anchor == .unresolved)

        let fetched = ExtractionFixtures.extract(undated, fetchedAt: LocalDateTime(iso: "2025-01-06T08:00")).facts
            .first?.deadline
        #expect(fetched?.value?.iso == "2025-01-10")
        #expect(fetched?.anchor == .fetched)
    }

    @Test func unknownTownsAreKeptAsWritten() {
        let result = ExtractionFixtures.extract(
            ExtractionFixtures.article(nil, ["Mexico closed its consulate in Tecate, a border town, on Friday."])
        ).facts
        #expect(result.first?.facility.city == "Tecate")
        #expect(result.first?.facility.operatorCountry?.rawValue == "MX")
        #expect((result.first?.confidence ?? 1) < 0.8)
    }

    @Test func claimsAndReportsAreNotDecisions() {
        #expect(facts(["The ministry denied reports that it would close its embassy in Oslo."]).isEmpty)
        #expect(facts(["A court ordered the seizure of the embassy's bank accounts in Rome."]).isEmpty)
        #expect(facts(["Police seized documents from the consulate in Milan."]).isEmpty)
    }

    @Test func expellingDiplomatsIsAPersonnelActionNotAStaffCut() {
        let result = ExtractionFixtures.extract(
            ExtractionFixtures.article(nil, ["Britain expelled 23 Russian diplomats on Wednesday."])
        ).facts
        #expect(result.isEmpty)
    }

    @Test func aCorrectionNoticeIsNotAFact() {
        #expect(facts(["(Corrects city of the consulate to Marseille from Lyon in paragraph 1)"]).isEmpty)
    }

    @Test func extractionIsCodable() throws {
        let article = ExtractionFixtures.article(nil, ["Denmark has closed its consulate general in New York City."])
        let result = ExtractionFixtures.extract(article)
        let data = try JSONCoding.encoder().encode(result)
        let decoded = try JSONCoding.decoder().decode(FactExtraction.self, from: data)
        #expect(decoded == result)
        #expect(decoded.facts.first?.facility.key.rawValue == "dk:consulate:us:new-york")
    }
}
