import Core
import Facts
import Testing

/// The error classes seen on real reporting, one rule each, in sentences written for these tests.
///
/// Each test states how English news says something (an order as a noun, a list of posts under a colon, a
/// caption beside the body) and checks the one claim per facility that an article should leave.
@Suite struct RealReportingTests {
    private func extraction(
        _ paragraphs: [String],
        title: String? = "Headline",
        published: String? = "2024-05-06"
    )
        -> FactExtraction
    {
        ExtractionFixtures.extract(ExtractionFixtures.article(title, paragraphs, published: published))
    }

    private func facts(_ paragraphs: [String], published: String? = "2024-05-06") -> Set<String> {
        ExtractionFixtures.summary(extraction(paragraphs, published: published).facts)
    }

    // MARK: - One claim per facility

    @Test func anOrderWithItsDeadlineBeatsTheHeadlinesLooseClosure() {
        let result = extraction(
            [
                "Norway on Monday ordered Peru to close its consulate in Bergen by June 12.",
                "The consulate, which opened in 1988, is Peru's oldest mission in Scandinavia.",
            ],
            title: "Norway shuts Peruvian consulate in Bergen"
        )
        #expect(ExtractionFixtures.summary(result.facts) == ["pe:consulate:no:bergen ordered_closed 2024-06-12"])
        let claim = try! #require(result.facts.first)
        // Every mention stands under the claim, each marked with where it stands.
        #expect(claim.support.map(\.status) == [.closed, .orderedClosed, .opened])
        #expect(claim.support.map(\.place) == [.headline, .body, .background])
        #expect(claim.evidence.sentence.hasPrefix("Norway on Monday ordered"))
    }

    @Test func aDoneClosureIsTheNewsOnceTheOrderIsDue() {
        // The order was due on Saturday; on Monday the consulate has closed.
        let result = facts(
            [
                "Norway had ordered Peru to close its consulate in Bergen by Saturday.",
                "The consulate in Bergen closed on Saturday, officials said.",
            ]
        )
        // The day it closed has passed: no deadline.
        #expect(result == ["pe:consulate:no:bergen closed nil"])
    }

    @Test func aDescriptionOfThePastIsNoChange() {
        let result = facts(
            [
                "Russia's consulate general in Boston, opened in 1972, is its oldest in the region.",
                "The United States ordered Russia to close its consulate in Houston by Friday.",
            ]
        )
        #expect(result == ["ru:consulate:us:houston ordered_closed 2024-05-10"])
    }

    @Test func atMostOneFactPerFacilityWhateverTheArticleRepeats() {
        let result = extraction(
            [
                "Argentina said its embassy in Lima would be closed temporarily.",
                "The Argentine embassy in Lima was evacuated on Monday, the ministry said.",
                "The closure of the embassy in Lima came after protests.",
            ]
        )
        let keys = result.facts.map(\.facility.key.rawValue)
        #expect(keys == ["ar:embassy:pe:lima"])
        #expect(result.facts[0].support.count == 3)
    }

    // MARK: - Lists and coordination

    @Test func coordinatedOwnersEachHaveTheirFacility() {
        let result = facts(["Ghana said the embassies of Norway, Spain and Italy in Accra would be closed on Friday."])
        #expect(
            result == [
                "no:embassy:gh:accra ordered_closed 2024-05-10", "es:embassy:gh:accra ordered_closed 2024-05-10",
                "it:embassy:gh:accra ordered_closed 2024-05-10",
            ]
        )
    }

    @Test func embassiesInSeveralCountriesAreInTheirCapitals() {
        let result = facts(
            [
                "Since the start of the fighting, Greece has evacuated or left unstaffed its embassies in three "
                    + "countries: Libya, Sudan and Yemen.",
                "Portugal has evacuated several of its embassies in the region, including in Mali and Niger.",
            ]
        )
        #expect(
            result == [
                "gr:embassy:ly:tripoli evacuated nil", "gr:embassy:sd:khartoum evacuated nil",
                "gr:embassy:ye:sanaa evacuated nil", "pt:embassy:ml:bamako evacuated nil",
                "pt:embassy:ne:niamey evacuated nil",
            ]
        )
    }

    @Test func aColonListOfPostsSharesTheHeadersStatus() {
        let result = facts(
            [
                "Posts closed Tuesday, May 7 to Friday, May 10:",
                "Canadian Embassy Dakar, Senegal",
                "Canadian Embassy Bamako, Mali",
                "Canadian Consulate Abidjan, Ivory Coast",
                "The ministry said more information would follow.",
            ]
        )
        #expect(
            result.map { $0.split(separator: " ")[0] }.sorted() == [
                "ca:consulate:ci:abidjan", "ca:embassy:ml:bamako", "ca:embassy:sn:dakar",
            ]
        )
    }

    @Test func aListAfterIncludingNamesTheFacilitiesOfAPluralPhrase() {
        let result = facts(
            [
                "French consulates that would normally open on Saturdays, including those in Fes, Agadir and Tangier, "
                    + "will be closed that day."
            ]
        )
        #expect(
            Set(result.map { $0.split(separator: " ")[0] }) == [
                "fr:consulate:ma:fez", "fr:consulate:ma:agadir", "fr:consulate:ma:tangier",
            ]
        )
    }

    @Test func amongTheMissionsToReopenWereTheListedOnes() {
        let result = facts(
            ["Among the Dutch missions to reopen on Monday were the embassy in Amman and the consulate in Erbil."]
        )
        #expect(
            Set(result.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }) == [
                "nl:embassy:jo:amman reopened", "nl:consulate:iq:erbil reopened",
            ]
        )
    }

    @Test func aCapitalNamedThroughItsCountryAndAgainAfterACommaIsOnePlace() {
        let result = facts(
            [
                "Among the Dutch missions to reopen on Monday were the embassy in the capital of Jordan, Amman, and "
                    + "the consulate in Erbil."
            ]
        )
        // Monday is the publication day: the reopening is that day.
        #expect(result == ["nl:embassy:jo:amman reopened 2024-05-06", "nl:consulate:iq:erbil reopened 2024-05-06"])
    }

    @Test func aQuotationOpeningInsideTheVerbKeepsItsSubject() {
        let result = facts(
            [
                "Peru's embassy in Quito and its consulate in Guayaquil \u{201C}will be officially reopened on "
                    + "Tuesday\u{201D}, the spokesman said."
            ]
        )
        #expect(result == ["pe:embassy:ec:quito reopened 2024-05-07", "pe:consulate:ec:guayaquil reopened 2024-05-07"])
    }

    // MARK: - Owners

    @Test func itsAfterAStateThatIsOnlyAPrepositionsObjectIsTheSubjects() {
        let result = facts(
            [
                "Norway cut ties with Iran after an attack on its embassy in Tehran.",
                "The foreign ministry of Norway said the embassy in Iran had been evacuated.",
            ]
        )
        #expect(result == ["no:embassy:ir:tehran evacuated nil"])
    }

    // MARK: - Places and kinds

    @Test func aTownNamedWithItsStateIsThePlace() {
        #expect(
            facts(["Authorities seized the compound in Hollow Creek, Maryland, that Russian diplomats had used."])
                == ["ru:compound:us:hollow-creek seized nil"]
        )
        // A town placed by an appositive stays the place.
        #expect(
            facts([
                "Mexico seized a diplomatic compound in Valle Verde, a town west of Mexico City, used by Cuban diplomats."
            ])
                == ["cu:compound:mx:valle-verde seized nil"]
        )
    }

    @Test func aParkAtTheEdgeOfACityIsInThatCity() {
        #expect(
            facts(["Russia seized a dacha used by Japanese diplomats at Pine Grove, a park on the edge of Moscow."])
                == ["jp:compound:ru:moscow seized nil"]
        )
    }

    @Test func estatesAndWarehousesAreFacilitiesOfTheirOwn() {
        let result = facts(["Russia also seized a U.S. Embassy summer estate on the outskirts of Moscow."])
        #expect(result == ["us:compound:ru:moscow seized nil"])
        #expect(
            facts(["Authorities sealed and seized the Belgian embassy warehouse in Kinshasa on Monday."])
                == ["be:warehouse:cd:kinshasa seized nil"]
        )
    }

    @Test func aMissionToACapitalIsTheEmbassyThere() {
        #expect(
            facts(["Chad's diplomatic mission to Bangui will also be closed."]) == [
                "td:embassy:cf:bangui ordered_closed nil"
            ]
        )
        #expect(
            facts(["Bahrain said it would withdraw its diplomatic mission from the Qatari capital of Doha."])
                == ["bh:embassy:qa:doha evacuated nil"]
        )
    }

    // MARK: - Orders, evacuations, reopenings

    @Test func ordersStatedAsNounsOrInThePassive() {
        #expect(
            facts(["The order to shut the Bolivian consulate in Arica takes effect on Friday."])
                == ["bo:consulate:cl:arica ordered_closed 2024-05-10"]
        )
        #expect(
            facts(["Chile said the Bolivian consul was told to vacate the consulate in Arica."])
                == ["bo:consulate:cl:arica ordered_closed nil"]
        )
        #expect(
            facts(["Lithuania revoked the licence of the Belarusian consulate in Klaipeda as of May 20."])
                == ["by:consulate:lt:klaipeda ordered_closed 2024-05-20"]
        )
        #expect(
            facts(["Sweden is closing its consulate in Izmir, the ministry said."]) == [
                "se:consulate:tr:izmir ordered_closed nil"
            ]
        )
    }

    @Test func orderedDepartureAndStaffLeavingAreEvacuations() {
        #expect(
            facts(["The State Department placed the embassy in Kabul on ordered departure."])
                == ["us:embassy:af:kabul evacuated nil"]
        )
        #expect(
            facts(["A total of 25 Serbian diplomats left the embassy in Pristina on Tuesday."])
                == ["rs:embassy:xk:pristina evacuated nil"]
        )
        #expect(facts(["Lima is recalling all personnel from Caracas."]) == ["pe:embassy:ve:caracas evacuated nil"])
        #expect(
            facts(["Kenya ordered all diplomatic staff at the Somali embassy in Nairobi to leave the country."])
                == ["so:embassy:ke:nairobi evacuated nil"]
        )
    }

    @Test func staffTakenOutOfPlacesEvacuateTheMissionsThere() {
        // A list of countries: the embassy in each capital.
        #expect(
            facts(["Norway on Saturday ordered the departure of non-essential embassy staff from Chad and Niger."])
                == ["no:embassy:td:ndjamena evacuated nil", "no:embassy:ne:niamey evacuated nil"]
        )
        // A list of cities, in a headline's telegraphic style, hyphenated adjective and all.
        #expect(
            facts(["Norway pulls non-essential embassy staff from Bamako, Niamey"])
                == ["no:embassy:ml:bamako evacuated nil", "no:embassy:ne:niamey evacuated nil"]
        )
        // A city outside the capital: the mission the article names there.
        #expect(
            facts(
                [
                    "A bomb damaged the Dutch consulate in Erbil on Monday.",
                    "All Dutch staff from Erbil were evacuated to Baghdad.",
                ]
            ) == ["nl:consulate:iq:erbil evacuated nil"]
        )
        // A state's own staff in a country, all leaving.
        #expect(
            facts(["Mexico's diplomatic personnel in Peru will leave that country immediately."])
                == ["mx:embassy:pe:lima evacuated 2024-05-06"]
        )
    }

    @Test func aDepartureOrderNoOtherStateGivesIsAnOrderedDeparture() {
        #expect(
            facts([
                "The travel advisory orders the departure of employees at the U.S. Embassy in Amman and consulate in Aqaba."
            ])
                == ["us:embassy:jo:amman evacuated nil", "us:consulate:jo:aqaba evacuated nil"]
        )
        // A host demanding that a mission's diplomats leave is no evacuation.
        #expect(
            !facts(["The ministry handed the ambassador a note demanding that the consulate's diplomats leave Edirne."])
                .contains { $0.hasSuffix("evacuated nil") }
        )
    }

    @Test func anAppositiveBetweenDashesLeavesTheSubjectBeforeIt() {
        #expect(
            facts(["The Swiss Embassy in Tripoli \u{2014} one of six missions closed last month \u{2014} has reopened."]
            )
                == ["ch:embassy:ly:tripoli reopened nil"]
        )
    }

    @Test func yetToIsNotYet() {
        #expect(facts(["Bahrain is yet to reopen its embassy in Doha."]).isEmpty)
    }

    @Test func statedIntentionsAreFactsWhenDatedOrAnnounced() {
        #expect(
            facts(["Uganda plans to reopen its embassy in Juba on June 3."]) == [
                "ug:embassy:ss:juba reopened 2024-06-03"
            ]
        )
        #expect(facts(["Uganda plans to reopen its embassy in Juba."]).isEmpty)
        #expect(
            facts(["Serbia announced its intention to close its consulate in Rijeka."])
                == ["rs:consulate:hr:rijeka ordered_closed nil"]
        )
    }

    @Test func statesAVerbAwayFromEmbassiesOwnThemInEachOthersCapitals() {
        #expect(
            facts(["Qatar and the United Arab Emirates reopened their embassies on Monday."])
                == ["qa:embassy:ae:abu-dhabi reopened nil", "ae:embassy:qa:doha reopened nil"]
        )
        #expect(
            facts(["Ethiopia and Eritrea formally committed to reopening embassies within weeks."]).map {
                $0.split(separator: " ")[0]
            }.sorted() == ["er:embassy:et:addis-ababa", "et:embassy:er:asmara"]
        )
    }

    @Test func aRelocationKeepsItsOriginWhicheverWayTheSentenceRuns() {
        let result = extraction(["Guatemala moved its embassy to Jerusalem from Tel Aviv on Wednesday."]).facts
        #expect(ExtractionFixtures.summary(result) == ["gt:embassy:il:tel-aviv relocated nil"])
        #expect(result.first?.relocatedTo == "Jerusalem")
    }

    @Test func aClosureThatGoesOnIsTheFacilitysStateAndAResumptionNamesItsSuspension() {
        #expect(
            facts(["The U.S. consulate in Lahore remains closed due to a separate threat."])
                == ["us:consulate:pk:lahore closed nil"]
        )
        #expect(
            facts([
                "The embassy of Spain in Havana will resume consular services on May 15 after a two-month suspension."
            ])
                == ["es:embassy:cu:havana restored 2024-05-15"]
        )
    }

    // MARK: - Staff

    @Test func expellingDiplomatsIsNoStaffCutButACapIs() {
        #expect(facts(["Poland expelled 12 Belarusian diplomats on Monday."]).isEmpty)
        #expect(
            facts(
                ["Poland ordered Belarus to cut the staff of its embassy in Warsaw to 20 by March 1."],
                published: "2024-02-01"
            )
                == ["by:embassy:pl:warsaw staff_cut 2024-03-01"]
        )
        #expect(
            facts(
                ["Moscow ordered the United States to cut its staff in Russia by 455 by September 1."],
                published: "2024-08-01"
            )
                == ["us:embassy:ru:moscow staff_cut 2024-09-01"]
        )
    }

    @Test func aPeriodForPeopleIsNoDeadlineOfTheMission() {
        #expect(
            facts([
                "Kenya ordered the Somali consulate in Mombasa closed.",
                "The diplomats have 72 hours to leave the country.",
            ])
                == ["so:consulate:ke:mombasa ordered_closed nil"]
        )
    }

    @Test func aPeriodGivenToTheStaffAfterTheOrderIsTheirs() {
        #expect(
            facts(
                [
                    "Poland on Monday ordered the closure of the Russian consulate in Poznan, giving its staff until "
                        + "Thursday to leave."
                ]
            ) == ["ru:consulate:pl:poznan ordered_closed nil"]
        )
        // A staff cut's own period stays its deadline.
        #expect(
            facts(["Poland ordered Belarus to withdraw eight diplomats from its consulate in Gdansk by May 20."])
                == ["by:consulate:pl:gdansk staff_cut 2024-05-20"]
        )
    }

    // MARK: - Dates that belong to the closure

    @Test func aClosureGivenWithItsPeriodIsASuspensionFromItsFirstDay() {
        #expect(
            facts(["The Swiss embassy in Tehran will be closed from Tuesday through Thursday, the ministry said."])
                == ["ch:embassy:ir:tehran suspended 2024-05-07"]
        )
        let listed = facts(
            [
                "Posts closed Tuesday, May 7 to Friday, May 10:",
                "Canadian Embassy Dakar, Senegal",
                "Canadian Embassy Bamako, Mali",
            ]
        )
        #expect(listed == ["ca:embassy:sn:dakar suspended 2024-05-07", "ca:embassy:ml:bamako suspended 2024-05-07"])
    }

    @Test func thatDayIsTheDayNamedBefore() {
        #expect(
            facts(
                [
                    "Dutch consulates that would open on Friday, including those in Antwerp and Ghent, will be closed "
                        + "that day."
                ]
            ) == [
                "nl:consulate:be:antwerp ordered_closed 2024-05-10", "nl:consulate:be:ghent ordered_closed 2024-05-10",
            ]
        )
    }

    @Test func aFacilityPlacedOnOrderedDepartureIsEvacuated() {
        #expect(
            facts(["The U.S. embassy in Niamey has been placed on ordered departure status."])
                == ["us:embassy:ne:niamey evacuated nil"]
        )
    }

    @Test func aPhraseNamedLaterInTheBodyIsNoAntecedent() {
        // "The embassy" has no antecedent here; the embassy in Vienna only takes over its services.
        #expect(
            facts(["The embassy will close on May 31 and its services will be handled by the embassy in Vienna."])
                .isEmpty
        )
    }

    // MARK: - Mood

    @Test func unclearHopedForConditionalAndPotentialClosuresAreNotFacts() {
        for sentence in [
            "It is unclear whether the Danish embassy in Rabat will reopen.",
            "Officials said they looked forward to reopening the consulate in Fez when conditions allow.",
            "If Vienna refuses, Moscow will close the Austrian consulate in Kazan, the ministry said.",
            "Ecuador faces the potential closure of its embassy in Caracas.",
            "Closing the Ukrainian consulate in Gdansk would send the wrong message, the minister said.",
            "Seoul has yet to confirm the reopening of its embassy in Kyiv.",
        ] {
            #expect(facts([sentence]).isEmpty, "\(sentence)")
        }
    }

    // MARK: - Furniture

    @Test func captionsAndLinksGiveWayToTheBody() {
        let result = extraction(
            [
                "A guard stands outside the Peruvian embassy in Caracas, which reopened last year. REUTERS/Staff",
                "Read also: Peru reopens embassy in Caracas",
                "Peru on Monday ordered the closure of its embassy in Caracas by Friday.",
            ]
        )
        #expect(ExtractionFixtures.summary(result.facts) == ["pe:embassy:ve:caracas ordered_closed 2024-05-10"])
        #expect(result.facts.first?.support.filter { $0.place == .furniture }.count == 2)
    }
}
