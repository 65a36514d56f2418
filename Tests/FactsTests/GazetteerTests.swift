import Core
import Facts
import Testing

@Suite struct GazetteerTests {
    let gazetteer = Gazetteer.builtin

    @Test func countriesByNameAliasAndDemonym() {
        #expect(gazetteer.countries(named: "U.S.").map(\.code.rawValue) == ["US"])
        #expect(gazetteer.countries(named: "United States").map(\.code.rawValue) == ["US"])
        #expect(gazetteer.countries(named: "America").map(\.code.rawValue) == ["US"])
        #expect(gazetteer.countries(named: "Britain").map(\.code.rawValue) == ["GB"])
        #expect(gazetteer.countries(named: "UK").map(\.code.rawValue) == ["GB"])
        #expect(gazetteer.countries(demonym: "Russian").map(\.code.rawValue) == ["RU"])
        #expect(gazetteer.countries(demonym: "American").map(\.code.rawValue) == ["US"])
        #expect(gazetteer.countries(demonym: "U.S.").map(\.code.rawValue) == ["US"])
    }

    @Test func citiesByAliasGiveTheCanonicalShortForm() {
        #expect(gazetteer.cities(named: "Washington, D.C.").first?.name == "Washington")
        #expect(gazetteer.cities(named: "New York City").first?.name == "New York")
        #expect(gazetteer.cities(named: "Saigon").first?.name == "Ho Chi Minh City")
        #expect(gazetteer.cities(named: "bogota").first?.name == "Bogota")
        #expect(gazetteer.cities(named: "Kraków").first?.country.rawValue == "PL")
    }

    @Test func everyCountryHasItsCapitalListed() {
        #expect(gazetteer.countries.count >= 195)
        #expect(gazetteer.cities.count >= 1500)
        for country in gazetteer.countries {
            #expect(gazetteer.capital(of: country.code) != nil, "no capital city row for \(country.code)")
        }
        #expect(gazetteer.capital(of: CountryCode(rawValue: "TZ")!)?.name == "Dodoma")
    }

    @Test func rejectsAMalformedRowWithItsLine() throws {
        let text = "# header\ncountry\tZZ\tZedland\t\t\tZed City\ncity\tZZ\tZed City\ncity\tZZ\n"
        #expect {
            try Gazetteer(tsv: text, origin: "test.tsv")
        } throws: { error in
            guard let error = error as? GazetteerError else { return false }
            return error.code == .malformedRow && error.line == 4 && error.description.contains("test.tsv:4")
        }
    }

    @Test func rejectsACapitalThatIsNotACity() throws {
        let text = "country\tZZ\tZedland\t\t\tZed City\ncity\tZZ\tOther Town\n"
        #expect {
            try Gazetteer(tsv: text, origin: "test.tsv")
        } throws: { error in
            (error as? GazetteerError)?.code == .missingCapital
        }
    }

    @Test func parsesAUserFile() throws {
        let text = "country\tZZ\tZedland\tZed Republic\tZedlander\tZed City\ncity\tZZ\tZed City\tZC\n"
        let custom = try Gazetteer(tsv: text, origin: "custom.tsv")
        #expect(custom.countries(named: "Zed Republic").first?.name == "Zedland")
        #expect(custom.countries(demonym: "zedlander").count == 1)
        #expect(custom.cities(named: "ZC").first?.name == "Zed City")
    }

    @Test func fieldsAreTrimmedAndNamesFoldedWhateverTheSpacing() throws {
        let text = """
            # comment\r
            country\tZZ \t Zedland \t Zed  Republic | ‘Zed’ Land |\tZedlander|\tZed City\r
            city\tZZ\tZed City\t  Zéd  Town | ZC\r

            region\tZZ\tNorth Zed
            """
        let custom = try Gazetteer(tsv: text, origin: "spacing.tsv")
        let country = try #require(custom.countries.first)
        #expect(country.name == "Zedland")
        #expect(country.aliases == ["Zed  Republic", "‘Zed’ Land"])
        #expect(country.demonyms == ["Zedlander"])
        #expect(custom.countries(named: "zed republic").count == 1)
        #expect(custom.countries(named: "'Zed' land").count == 1)
        #expect(custom.cities(named: "Zed Town").first?.name == "Zed City")
        #expect(custom.cities(named: "zc").first?.aliases == ["Zéd  Town", "ZC"])
        #expect(custom.regions.map(\.name) == ["North Zed"])
    }
}
