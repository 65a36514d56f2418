import Core

/// Finds facility mentions and reads their modifiers: owner (possessive, demonym, "of Japan", "its"), place ("in
/// Houston, Texas", "the Houston consulate", "in the southern Polish city of Kraków", "outside Moscow"), plurality,
/// count, and "X of Y" / "Y's X" possession.
struct MentionFinder {
    let article: AnnotatedArticle
    let compiled: CompiledLexicon
    /// Countries the article names, to choose among cities of the same name.
    let articleCountries: Set<CountryCode>

    init(article: AnnotatedArticle, compiled: CompiledLexicon) {
        self.article = article
        tokens = article.tokens
        self.compiled = compiled
        var countries = Set<CountryCode>()
        for refs in article.countryRefs {
            for ref in refs { countries.insert(ref.code) }
        }
        articleCountries = countries
    }

    private let tokens: [Token]

    func find() -> [Mention] {
        var mentions: [Mention] = []
        for (sentence, range) in article.sentences.enumerated() {
            var index = range.lowerBound
            var sentenceMentions: [Mention] = []
            while index < range.upperBound {
                guard let match = article.kind[index] else {
                    index += 1
                    continue
                }
                if case .exclude = match.payload {
                    index += match.length
                    continue
                }
                // In a noun compound the last noun is the head: an "embassy summer house" is a compound, an
                // "embassy annex" an annex. The first facility word only modifies the second.
                if case .kind = match.payload, index + match.length < range.upperBound,
                    let next = article.kind[index + match.length], case .kind = next.payload
                {
                    index += match.length
                    continue
                }
                if let mention = mention(
                    at: index,
                    length: match.length,
                    payload: match.payload,
                    sentence: sentence,
                    range: range,
                    id: mentions.count + sentenceMentions.count
                ) {
                    sentenceMentions.append(mention)
                    index = max(mention.head.upperBound, index + 1)
                } else {
                    index += match.length
                }
            }
            linkPossession(&sentenceMentions)
            // "the building and land of the Russian Center of Science and Culture": a generic noun owned by
            // something that is not a facility names that thing's property, not a facility named before.
            sentenceMentions.removeAll {
                $0.isGeneric && $0.possessor == nil && !$0.absorbed && $0.range.upperBound < range.upperBound
                    && tokens[$0.range.upperBound].key == "of"
            }
            attachInclusions(&sentenceMentions, range: range)
            mentions.append(contentsOf: sentenceMentions)
        }
        return mentions
    }

    // MARK: - One mention

    private func mention(
        at start: Int,
        length: Int,
        payload: CompiledLexicon.KindPayload,
        sentence: Int,
        range: Range<Int>,
        id: Int
    ) -> Mention? {
        let head = start..<(start + length)
        var mention = Mention(
            id: id,
            sentence: sentence,
            range: head,
            head: head,
            kindIndex: nil,
            trigger: article.text(head)
        )
        switch payload {
        case .kind(let kind, let plural):
            mention.kindIndex = kind
            mention.plural = plural
        case .short(let kind):
            mention.kindIndex = kind
            mention.isShort = true
        case .generic(let plural):
            mention.isGeneric = true
            mention.plural = plural
        case .exclude:
            return nil
        }
        // A generic noun right after a facility word belongs to it ("embassy building").
        if mention.isGeneric || mention.isShort, start > range.lowerBound, article.kind[start - 1] != nil {
            return nil
        }
        if mention.isGeneric || mention.isShort, start > range.lowerBound + 1,
            let previous = article.kind[start - 2], previous.length == 2
        {
            return nil
        }
        scanLeft(&mention, range: range)
        if mention.isGeneric
            && !(mention.definite || mention.pronoun != nil || mention.count != nil || !mention.operators.isEmpty
                || hasPossessiveBefore(mention))
        {
            return nil
        }
        if mention.isShort && !shortIsReference(mention, range: range) { return nil }
        scanRight(&mention, range: range)
        return mention
    }

    private func hasPossessiveBefore(_ mention: Mention) -> Bool {
        mention.range.lowerBound < mention.head.lowerBound
            && tokens[mention.range.lowerBound..<mention.head.lowerBound].contains { $0.key == "'s" }
    }

    /// "the centre", "a second centre", "the Turkish office", "the Lagos centre": not "the emergency centre".
    private func shortIsReference(_ mention: Mention, range: Range<Int>) -> Bool {
        let start = mention.head.lowerBound
        guard start > range.lowerBound else { return false }
        let previous = tokens[start - 1]
        if article.entity[start - 1] != nil || mention.range.lowerBound < start - 1 { return true }
        return article.isWord(start - 1, in: .referenceOpeners) || previous.capitalized && previous.isWord
    }

    private func scanLeft(_ mention: inout Mention, range: Range<Int>) {
        var index = mention.head.lowerBound - 1
        var lowest = mention.head.lowerBound
        var adjectives = 0
        while index >= range.lowerBound {
            let token = tokens[index]
            if let start = entityStart(endingAt: index + 1), let entity = article.entity[start] {
                if !entity.cities.isEmpty && entity.demonyms.isEmpty && entity.countries.isEmpty {
                    if let city = chooseCity(entity.cities) { mention.cities.insert(city, at: 0) }
                } else if let code = (entity.demonyms + entity.countries).first.map({
                    compiled.gazetteer.countries[$0].code
                }) {
                    mention.operators.insert(code, at: 0)
                } else if let city = chooseCity(entity.cities) {
                    mention.cities.insert(city, at: 0)
                }
                lowest = start
                index = start - 1
                adjectives = 0
                continue
            }
            if let start = modifierStart(endingAt: index + 1, lowerBound: range.lowerBound) {
                // A facility word modifying this one ("a U.S. Embassy summer house"): read past it.
                lowest = start
                index = start - 1
                adjectives = 0
                continue
            }
            if token.key == "'s" {
                // "Japan's consulate", "the consul general's residence", "the U.S. Embassy's summer house".
                if index > range.lowerBound, let start = entityStart(endingAt: index),
                    let entity = article.entity[start]
                {
                    if let code = (entity.countries + entity.demonyms).first.map({
                        compiled.gazetteer.countries[$0].code
                    }) {
                        mention.operators.insert(code, at: 0)
                    } else if let capital = capitalCountry(entity.cities) {
                        // "Washington's embassy in Kyiv": a capital's possessive is its government's.
                        mention.operators.insert(capital, at: 0)
                    } else if let city = chooseCity(entity.cities) {
                        // "Mumbai's consulate" names the city.
                        mention.cities.insert(city, at: 0)
                    }
                    lowest = start
                    index = start - 1
                    continue
                }
                if index > range.lowerBound, article.hasClass(.person, at: index - 1) || isPersonEnd(index - 1) {
                    var start = index - 1
                    while start > range.lowerBound, isPersonEnd(start - 1) || article.hasClass(.person, at: start - 1) {
                        start -= 1
                    }
                    lowest = start
                    index = start - 1
                    continue
                }
                break
            }
            if token.key == "its" || token.key == "their" || token.key == "our" || token.key == "his"
                || token.key == "her"
            {
                mention.pronoun = token.key == "their" ? .their : .its
                lowest = index
                break
            }
            if article.isWord(index, in: .determiners) || token.key == "both" {
                // "said that Russia's consulate": no determiner stands before a possessive owner, so "that" here
                // opens a clause.
                if token.key == "that", lowest < mention.head.lowerBound,
                    tokens[lowest..<mention.head.lowerBound].contains(where: { $0.key == "'s" })
                {
                    break
                }
                if article.isWord(index, in: .definiteDeterminers) { mention.definite = true }
                if token.key == "both" { mention.count = 2 }
                lowest = index
                if token.key == "all" || token.key == "both" {
                    index -= 1
                    continue
                }
                break
            }
            if let value = NumberWords.value(of: token), token.kind != .number || value < 100 {
                mention.count = value
                lowest = index
                index -= 1
                continue
            }
            // "the French, German and Italian embassies": coordinated owners of a plural head.
            if mention.plural, token.key == "and" || token.key == ",", !mention.operators.isEmpty,
                index > range.lowerBound,
                let start = entityStart(endingAt: index), let entity = article.entity[start],
                !(entity.demonyms + entity.countries).isEmpty, lowest == index + 1
            {
                index -= 1
                continue
            }
            if token.isWord, !token.capitalized, adjectives < 2, !article.isWord(index, in: .modifierStops),
                article.cue[index].isEmpty, !article.inTemporal[index], article.kind[index] == nil
            {
                adjectives += 1
                index -= 1
                continue
            }
            break
        }
        if lowest < mention.head.lowerBound {
            mention.range = lowest..<mention.range.upperBound
        }
    }

    /// The start of a facility-kind phrase that ends exactly at `end` ("embassy" before "summer house").
    private func modifierStart(endingAt end: Int, lowerBound: Int) -> Int? {
        for start in stride(from: end - 1, through: max(lowerBound, end - 4), by: -1) {
            if let match = article.kind[start], case .kind = match.payload, start + match.length == end {
                return start
            }
        }
        return nil
    }

    private func isPersonEnd(_ index: Int) -> Bool {
        guard index >= 0 else { return false }
        return article.isWord(index, in: .titleWords)
    }

    /// The start of an entity that ends exactly at `end`.
    private func entityStart(endingAt end: Int) -> Int? {
        var start = end - 1
        while start >= 0 && end - start <= 6 {
            if let entity = article.entity[start], start + entity.length == end { return start }
            start -= 1
        }
        return nil
    }

    /// The country whose capital one of these cities is.
    private func capitalCountry(_ candidates: [Int]) -> CountryCode? {
        for index in candidates {
            let city = compiled.gazetteer.cities[index]
            if let country = compiled.gazetteer.country(code: city.country),
                Gazetteer.key(country.capital) == Gazetteer.key(city.name)
            {
                return city.country
            }
        }
        return nil
    }

    func chooseCity(_ candidates: [Int]) -> CityRef? {
        guard !candidates.isEmpty else { return nil }
        let cities = candidates.map { compiled.gazetteer.cities[$0] }
        let city = cities.first { articleCountries.contains($0.country) } ?? cities[0]
        return CityRef(name: city.name, country: city.country, known: true)
    }

    // MARK: - Right side

    private func scanRight(_ mention: inout Mention, range: Range<Int>) {
        var index = mention.head.upperBound
        let limit = range.upperBound
        var end = index
        // "embassy staff", "embassy building": words that continue the noun phrase.
        if index < limit, article.hasClass(.staff, at: index), !article.hasClass(.person, at: index) {
            mention.staffCompound = true
            index += article.classLength(.staff, at: index) ?? 1
            end = index
        }
        if index < limit, case .generic = article.kind[index]?.payload {
            index += article.kind[index]!.length
            end = index
        }
        // "U.S. Embassy Antananarivo", "US Embassy Kabul": a name-style heading puts the city right after the head.
        if index == mention.head.upperBound, index < limit, tokens[mention.head.lowerBound].capitalized,
            tokens[index].capitalized, let entity = article.entity[index], !entity.cities.isEmpty,
            entity.demonyms.isEmpty, let (city, next) = city(at: index, limit: limit),
            next > index + entity.length || next == limit || [".", ";", ":"].contains(tokens[next].key)
        {
            // Only as a heading or list item, with its country or alone ("U.S. Embassy Amman, Jordan"): in running
            // text a capital after the phrase is more often the next clause's subject ("the Syrian Embassy
            // Washington demands ...").
            mention.cities = [city]
            index = next
            end = next
        }
        var steps = 0
        while index < limit && steps < 6 {
            steps += 1
            let key = tokens[index].key
            if key == "(" {
                var close = index + 1
                while close < limit && close - index < 7 && tokens[close].key != ")" { close += 1 }
                if close < limit && tokens[close].key == ")" {
                    index = close + 1
                    end = index
                    continue
                }
                break
            }
            if key == "of" {
                if let (code, next) = ownerAfterOf(index + 1, limit: limit, mention: &mention) {
                    if let code { mention.operators.append(code) }
                    index = next
                    end = next
                    // "the embassies of Norway, Spain and Italy": coordinated owners of a plural head.
                    while mention.plural, code != nil, index + 1 < limit,
                        tokens[index].key == "," || tokens[index].key == "and",
                        let (more, after) = ownerAfterOf(
                            tokens[index + 1].key == "and" ? index + 2 : index + 1,
                            limit: limit,
                            mention: &mention
                        ), let more
                    {
                        mention.operators.append(more)
                        index = after
                        end = after
                    }
                    continue
                }
                break
            }
            if article.isWord(index, in: .placePrepositions)
                || (key == "on" && index + 3 < limit && tokens[index + 1].key == "the"
                    && tokens[index + 2].key == "outskirts")
            {
                var start = index + 1
                if key == "on" { start = index + 4 }
                if let place = location(at: start, limit: limit) {
                    apply(place, to: &mention)
                    index = place.end
                    end = index
                    continue
                }
                // "in the Middle East", "in the Gulf": a region the gazetteer does not hold; a list of the places
                // meant may follow it.
                if let next = regionName(at: index + 1, limit: limit) {
                    index = next
                    continue
                }
                break
            }
            // "Chad's mission to Doha": a mission is accredited to the capital it stands in.
            if key == "to", mention.isGeneric, let place = location(at: index + 1, limit: limit),
                place.cities.count == 1 || place.host != nil
            {
                apply(place, to: &mention)
                index = place.end
                end = index
                continue
            }
            if key == "from",
                let (from, next) = city(at: index + 1, limit: limit) ?? placeCity(at: index + 1, limit: limit)
            {
                mention.relocationFrom = from
                index = next
                end = next
                if index < limit, tokens[index].key == "to",
                    let (destination, after) = destination(at: index + 1, limit: limit)
                {
                    mention.relocationTo = destination
                    index = after
                    end = after
                }
                continue
            }
            if article.isWord(index, in: .ownershipVerbs) {
                if let code = ownerWithin(index + 1, limit: min(limit, index + 6)) {
                    mention.operators.append(code)
                }
                // "a dacha compound used by Japanese diplomats outside Moscow".
                var probe = index + 1
                while probe < min(limit, index + 7), !article.isWord(probe, in: .placePrepositions),
                    tokens[probe].key != ","
                {
                    probe += 1
                }
                if probe < limit, article.isWord(probe, in: .placePrepositions), mention.cities.isEmpty,
                    let place = location(at: probe + 1, limit: limit), !place.cities.isEmpty
                {
                    apply(place, to: &mention)
                }
                break
            }
            if key == "," || key == "including" || key == "such",
                let (start, isPlace) = inclusionStart(at: index, limit: limit)
            {
                // "embassies in the region, including in Bahrain, Jordan and Morocco", "US embassies, including
                // those in Abu Dhabi, Baghdad and Cairo": the list names the facilities meant.
                if isPlace, mention.plural, mention.cities.isEmpty, var place = location(at: start, limit: limit),
                    !place.cities.isEmpty || place.hosts.count > 1 || place.host != nil
                {
                    if place.cities.isEmpty, place.hosts.isEmpty, let host = place.host { place.hosts = [host] }
                    mention.host = nil
                    apply(place, to: &mention)
                    index = place.end
                    end = index
                    continue
                }
                break
            }
            break
        }
        mention.range = mention.range.lowerBound..<max(end, mention.head.upperBound)
    }

    /// A known city named in an appositive right after an unknown place name: ", a wooded park on the edge of
    /// Moscow", ", a suburb outside Lagos", ", a district in Moscow".
    ///
    /// Returns the known city and whether the appositive calls the unknown name a settlement of its own ("a town
    /// west of", "a village near"), which then stays the place; a park, district or suburb is part of the city.
    private func appositiveCity(after end: Int, limit: Int) -> (CityRef, Bool)? {
        guard end < limit, tokens[end].key == "," else { return nil }
        var index = end + 1
        guard index < limit, ["a", "an", "the"].contains(tokens[index].key) else { return nil }
        var isSettlement = false
        while index < min(limit, end + 12) {
            let key = tokens[index].key
            if key == "," || key == ";" || article.kind[index] != nil || !article.cue[index].isEmpty { return nil }
            if article.isWord(index, in: .settlementNouns) { isSettlement = true }
            if article.isWord(index, in: .appositivePrepositions), index + 1 < limit,
                let entity = article.entity[index + 1], !entity.cities.isEmpty, entity.countries.isEmpty,
                let city = chooseCity(entity.cities)
            {
                return (city, isSettlement)
            }
            index += 1
        }
        return nil
    }

    private struct Place {
        var cities: [CityRef] = []
        var host: CountryCode?
        /// "in Bahrain, Jordan and Morocco": several host countries, each holding one of the facilities.
        var hosts: [CountryCode] = []
        var inCapital = false
        var eachOther = false
        var end: Int
    }

    private func apply(_ place: Place, to mention: inout Mention) {
        var place = place
        // Several host countries for a plural facility that stands in capitals: one facility in each capital.
        if place.cities.isEmpty, place.hosts.count > 1, let kind = mention.kindIndex,
            compiled.lexicon.kinds[kind].inCapital
        {
            place.cities = place.hosts.compactMap { host in
                compiled.gazetteer.capital(of: host).map { CityRef(name: $0.name, country: host, known: true) }
            }
            place.host = nil
        }
        // A known city beats an unknown name found earlier ("at Serebryany Bor in Moscow").
        if !place.cities.isEmpty {
            if mention.cities.isEmpty
                || mention.cities.allSatisfy({ !$0.known }) && place.cities.contains(where: \.known)
            {
                mention.cities = place.cities
            }
        }
        if let host = place.host, mention.host == nil { mention.host = host }
        if place.inCapital { mention.inCapital = true }
        if place.eachOther { mention.eachOtherCapitals = place.cities.isEmpty }
    }

    /// A place phrase, with an unknown name placed by the appositive after it: "at Serebryany Bor, a park on the
    /// edge of Moscow" is in Moscow; "in Valle de Bravo, a town west of Mexico City" stays the town, in Mexico.
    private func location(at start: Int, limit: Int) -> Place? {
        guard var place = rawLocation(at: start, limit: limit) else { return nil }
        if !place.cities.isEmpty, place.cities.allSatisfy({ !$0.known }),
            let (known, isSettlement) = appositiveCity(after: place.end, limit: limit)
        {
            if isSettlement {
                for position in place.cities.indices where place.cities[position].country == nil {
                    place.cities[position].country = known.country
                }
            } else {
                place.cities = [known]
            }
            if place.host == nil { place.host = known.country }
        }
        return place
    }

    private func rawLocation(at start: Int, limit: Int) -> Place? {
        var index = start
        guard index < limit else { return nil }
        var place = Place(end: index)
        if index + 2 < limit, tokens[index].key == "each", tokens[index + 1].key == "other",
            tokens[index + 2].key == "'s"
        {
            index += 3
            place.eachOther = true
            if index < limit, tokens[index].key == "capitals" || tokens[index].key == "countries" {
                place.end = index + 1
                return place
            }
        }
        // "in five countries: Bahrain, Egypt, Jordan, Morocco and Turkmenistan".
        var probe = index
        if probe < limit, tokens[probe].kind == .number || NumberWords.value(of: tokens[probe]) != nil { probe += 1 }
        if probe + 2 < limit, tokens[probe].key == "countries" || tokens[probe].key == "nations",
            tokens[probe + 1].key == ":"
        {
            let (hosts, next) = countryList(at: probe + 2, limit: limit)
            guard !hosts.isEmpty else { return nil }
            place.hosts = hosts
            if hosts.count == 1 { place.host = hosts[0] }
            place.end = next
            return place
        }
        // "the southern Polish city of", "the border town of", "the new capital".
        let saved = index
        if index < limit, tokens[index].key == "the" { index += 1 }
        var words = 0
        while index < limit, words < 5, !article.isWord(index, in: .placeNouns),
            tokens[index].isWord
                || tokens[index].key == "-" && index > start && index + 1 < limit
                    && tokens[index - 1].isWord && tokens[index + 1].isWord,
            article.entity[index] == nil
                || !(article.entity[index]!.demonyms.isEmpty && article.entity[index]!.countries.isEmpty)
                || !tokens[index].capitalized
        {
            if article.entity[index] != nil, tokens[index].capitalized, article.entity[index]!.demonyms.isEmpty {
                break
            }
            if tokens[index].capitalized && article.entity[index] == nil { break }
            index += 1
            words += 1
        }
        // "the Saudi capital", "the southern Polish city of Krakow": the adjective names the host.
        if place.host == nil,
            let adjective = (saved..<index).first(where: {
                article.entity[$0].map { !$0.demonyms.isEmpty || !$0.countries.isEmpty } ?? false
            }), let entity = article.entity[adjective], let country = (entity.demonyms + entity.countries).first
        {
            place.host = compiled.gazetteer.countries[country].code
        }
        if index < limit, article.isWord(index, in: .placeNouns),
            !tokens[index].capitalized || tokens[index].key == "capital"
        {
            let noun = tokens[index].key
            index += 1
            if index < limit, article.isWord(index, in: .placeNouns) { index += 1 }
            if index < limit, tokens[index].key == "of" { index += 1 }
            if let (cities, next) = cityList(at: index, limit: limit) {
                place.cities = cities
                place.end = next
                return place
            }
            // "the capital of the United Arab Emirates, Abu Dhabi", "the capitals of Jordan and Egypt".
            if noun == "capital" || noun == "capitals" {
                var start = index
                if start < limit, tokens[start].key == "the" { start += 1 }
                let (hosts, next) = countryList(at: start, limit: limit)
                if !hosts.isEmpty {
                    place.cities = hosts.compactMap { host in
                        compiled.gazetteer.capital(of: host).map { CityRef(name: $0.name, country: host, known: true) }
                    }
                    place.end = next
                    // The capital named again after a comma belongs to the phrase.
                    if hosts.count == 1, next + 1 < limit, tokens[next].key == ",",
                        let (named, after) = city(at: next + 1, limit: limit),
                        FacilityKeyText.slug(named.name) == FacilityKeyText.slug(place.cities.first?.name ?? "")
                    {
                        place.end = after
                    }
                    return place
                }
            }
            // "the Saudi capital, Riyadh": the capital named in an appositive.
            if index + 1 < limit, tokens[index].key == ",", let (cities, next) = cityList(at: index + 1, limit: limit),
                cities.count == 1, cities[0].known
            {
                place.cities = cities
                place.end = next
                return place
            }
            if noun == "capital" {
                place.inCapital = true
                place.end = index
                return place
            }
            return nil
        }
        index = saved
        if index < limit, let entity = article.entity[index] {
            if !entity.cities.isEmpty || !entity.regions.isEmpty && entity.countries.isEmpty,
                let (cities, next) = cityList(at: index, limit: limit)
            {
                place.cities = cities
                place.end = next
                return place
            }
            if let country = entity.countries.first {
                place.host = compiled.gazetteer.countries[country].code
                place.end = index + entity.length
                if place.end < limit, tokens[place.end].key == "'s" {
                    // "in Russia's Far East", "in Guatemala's second city".
                    place.end += 1
                    return place
                }
                let (hosts, next) = countryList(at: index, limit: limit)
                if hosts.count > 1 {
                    place.hosts = hosts
                    place.end = next
                }
                return place
            }
        }
        // An unknown town, perhaps with its state and more (known) cities after it: "Troy, Michigan, and Houston".
        if let (cities, next) = cityList(at: index, limit: limit) {
            place.cities = cities
            place.end = next
            return place
        }
        return nil
    }

    /// "US embassies that would normally be open on Sunday, including those in Abu Dhabi, Baghdad and Cairo": a
    /// list of places after "including" belongs to the plural facility phrase before it that names none.
    private func attachInclusions(_ mentions: inout [Mention], range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard tokens[index].key == "including" || tokens[index].key == "such",
                let (start, isPlace) = inclusionStart(at: index, limit: range.upperBound), isPlace,
                !mentions.contains(where: { $0.range.contains(index) }),
                let owner = mentions.lastIndex(where: {
                    $0.plural && $0.cities.isEmpty && !$0.isGeneric && $0.range.upperBound <= index
                        && index - $0.range.upperBound <= 16
                }),
                !(mentions[owner].range.upperBound..<index).contains(where: { tokens[$0].key == ";" }),
                var place = location(at: start, limit: range.upperBound)
            else { continue }
            if place.cities.isEmpty, place.hosts.isEmpty, let host = place.host { place.hosts = [host] }
            guard !place.cities.isEmpty || !place.hosts.isEmpty else { continue }
            mentions[owner].host = nil
            apply(place, to: &mentions[owner])
        }
    }

    /// The one city of a place phrase starting at `start` ("in the Saudi capital, Riyadh"), for a cue that places
    /// its facility after the verb ("was reopened in the Saudi capital, Riyadh").
    func placeCity(after start: Int, limit: Int) -> CityRef? {
        guard start < limit, article.isWord(start, in: .placePrepositions),
            let place = location(at: start + 1, limit: limit), place.cities.count == 1
        else { return nil }
        return place.cities[0]
    }

    /// The places of a place phrase starting at `start`, each a city: "Tunis, Khartoum", "Sudan and Tunisia" (their
    /// capitals), "the Libyan city of Benghazi", "Ecuador" (its capital). For staff taken out of a place.
    func places(at start: Int, limit: Int) -> [CityRef] {
        guard let place = location(at: start, limit: limit) else { return [] }
        if !place.cities.isEmpty { return place.cities }
        let hosts = place.hosts.isEmpty ? place.host.map { [$0] } ?? [] : place.hosts
        return hosts.compactMap { host in
            compiled.gazetteer.capital(of: host).map { CityRef(name: $0.name, country: host, known: true) }
        }
    }

    /// One city from a described place: "the Qatari capital of Doha", "the port city of Basra".
    private func placeCity(at start: Int, limit: Int) -> (CityRef, Int)? {
        guard let place = location(at: start, limit: limit), place.cities.count == 1 else { return nil }
        return (place.cities[0], place.end)
    }

    /// The end of "the Middle East", "the Gulf", "Western Europe": capitalised words that name no place the
    /// gazetteer holds.
    private func regionName(at start: Int, limit: Int) -> Int? {
        var index = start
        if index < limit, tokens[index].key == "the" { index += 1 }
        let first = index
        while index < limit, index - first < 4, tokens[index].isWord, tokens[index].capitalized,
            article.entity[index] == nil, article.kind[index] == nil, NumberWords.months[tokens[index].key] == nil
        {
            index += 1
        }
        return index > first ? index : nil
    }

    /// "Bahrain, Jordan, and Morocco": countries joined by commas and "and"/"or".
    private func countryList(at start: Int, limit: Int) -> ([CountryCode], Int) {
        var hosts: [CountryCode] = []
        var index = start
        var next = start
        while index < limit, let entity = article.entity[index], let country = entity.countries.first {
            hosts.append(compiled.gazetteer.countries[country].code)
            next = index + entity.length
            var probe = next
            if probe < limit, tokens[probe].key == "," { probe += 1 }
            if probe < limit, tokens[probe].key == "and" || tokens[probe].key == "or" { probe += 1 }
            guard probe > next else { break }
            index = probe
        }
        return (hosts, next)
    }

    /// After a facility phrase: ", including", ", including those in", ", such as", ", among them": where a list
    /// of the facilities' places starts, and whether it is one ("including in" and a bare list are; "including
    /// its ambassador" is not).
    private func inclusionStart(at index: Int, limit: Int) -> (Int, Bool)? {
        var probe = index
        if tokens[probe].key == "," { probe += 1 }
        guard probe < limit else { return nil }
        switch tokens[probe].key {
        case "including": probe += 1
        case "such" where probe + 1 < limit && tokens[probe + 1].key == "as": probe += 2
        case "among" where probe + 1 < limit && tokens[probe + 1].key == "them": probe += 2
        default: return nil
        }
        if probe + 1 < limit, tokens[probe].key == "those" || tokens[probe].key == "ones" { probe += 1 }
        if probe < limit, article.isWord(probe, in: .placePrepositions) { probe += 1 }
        guard probe < limit, article.entity[probe] != nil else { return (probe, false) }
        return (probe, true)
    }

    /// "Gyumri and Kars", "New York, Houston and Seattle", "Houston, Texas".
    private func cityList(at start: Int, limit: Int) -> ([CityRef], Int)? {
        guard let (first, next) = city(at: start, limit: limit) else { return nil }
        var cities = [first]
        var index = next
        while index < limit {
            var probe = index
            // "Amman, Jordan; Cairo, Egypt; and Doha, Qatar": places with their countries are listed with semicolons.
            if tokens[probe].key == "," || tokens[probe].key == ";" { probe += 1 }
            if probe < limit, tokens[probe].key == "and" || tokens[probe].key == "or" { probe += 1 }
            guard probe > index, let (more, after) = city(at: probe, limit: limit) else { break }
            // An unknown name closes a list of known places only after "and" ("Sofia, Varna and Rousse").
            if !more.known, !(tokens[probe - 1].key == "and" && cities.allSatisfy(\.known)) { break }
            cities.append(more)
            index = after
        }
        return (cities, index)
    }

    /// One city: known, with a ", State" or ", Country" tail swallowed; or an unknown capitalised name.
    private func city(at start: Int, limit: Int) -> (CityRef, Int)? {
        guard start < limit else { return nil }
        if let entity = article.entity[start], !entity.cities.isEmpty, let city = chooseCity(entity.cities) {
            var end = start + entity.length
            if end + 1 < limit, tokens[end].key == ",", let tail = article.entity[end + 1],
                !tail.regions.isEmpty || !tail.countries.isEmpty
            {
                let regionCountry = tail.regions.first.map { compiled.gazetteer.regions[$0].country }
                let country = tail.countries.first.map { compiled.gazetteer.countries[$0].code }
                if regionCountry == city.country || country == city.country {
                    end = end + 1 + tail.length
                }
            }
            return (city, end)
        }
        // "two Russian compounds in Maryland and New York": a state or province stands for the place when no city
        // is named.
        if let entity = article.entity[start], entity.cities.isEmpty, entity.countries.isEmpty,
            let region = entity.regions.first.map({ compiled.gazetteer.regions[$0] })
        {
            return (CityRef(name: region.name, country: region.country, known: true), start + entity.length)
        }
        // "Troy, Michigan": an unknown town with its state or country after it.
        guard let (unknown, next) = unknownPlace(at: start, limit: limit) else { return nil }
        if next + 1 < limit, tokens[next].key == ",", let tail = article.entity[next + 1], tail.cities.isEmpty,
            let country = tail.regions.first.map({ compiled.gazetteer.regions[$0].country })
                ?? tail.countries.first.map({ compiled.gazetteer.countries[$0].code })
        {
            return (CityRef(name: unknown.name, country: country, known: false), next + 1 + tail.length)
        }
        return (unknown, next)
    }

    /// A capitalised name the gazetteer does not know ("Vanimo"), kept as written.
    private func unknownPlace(at start: Int, limit: Int) -> (CityRef, Int)? {
        var index = start
        var words = 0
        while index < limit, words < 4 {
            let token = tokens[index]
            let entityOK =
                article.entity[index] == nil
                || words > 0 && article.entity[index]!.countries.isEmpty && article.entity[index]!.demonyms.isEmpty
            if token.isWord, token.capitalized, entityOK, article.kind[index] == nil,
                NumberWords.months[token.key] == nil, NumberWords.weekdays[token.key] == nil,
                !token.allCaps || token.text.count > 3
            {
                index += 1
                words += 1
            } else if words > 0, article.isWord(index, in: .nameParticles), index + 1 < limit,
                tokens[index + 1].capitalized
            {
                index += 1
            } else {
                break
            }
        }
        guard words > 0 else { return nil }
        // Street and district names are not cities: "in Zone 10", "on Third Avenue".
        let name = article.text(start..<index)
        return (CityRef(name: name, country: nil, known: false), index)
    }

    /// "to Bengaluru", "to the port city of Toamasina", "to the new capital Nusantara".
    func destination(at start: Int, limit: Int) -> (CityRef, Int)? {
        var index = start
        if index < limit, tokens[index].key == "the" {
            index += 1
            var words = 0
            while index < limit, words < 4, tokens[index].isWord, !tokens[index].capitalized,
                !article.isWord(index, in: .placeNouns)
            {
                index += 1
                words += 1
            }
            guard index < limit, article.isWord(index, in: .placeNouns) else { return nil }
            index += 1
            if index < limit, article.isWord(index, in: .placeNouns) { index += 1 }
            if index < limit, tokens[index].key == "of" { index += 1 }
        }
        guard index < limit, let entity = article.entity[index], !entity.cities.isEmpty else {
            if index > start, let (unknown, next) = unknownPlace(at: index, limit: limit) { return (unknown, next) }
            return nil
        }
        return city(at: index, limit: limit)
    }

    /// After "of": a country ("of Japan", "of the Russian Federation"), "its"/"their" or a country's person
    /// ("of Indonesia's consul"). Returns the owner (nil for a pronoun, recorded on the mention) and the next index.
    private func ownerAfterOf(_ start: Int, limit: Int, mention: inout Mention) -> (CountryCode?, Int)? {
        var index = start
        if index < limit, tokens[index].key == "its" || tokens[index].key == "their" {
            if index + 1 < limit, article.kind[index + 1] != nil { return nil }
            var end = index + 1
            while end < limit, article.hasClass(.person, at: end) || isPersonEnd(end) || tokens[end].key == "high" {
                end += 1
            }
            guard end > index + 1 else { return nil }
            mention.pronoun = tokens[index].key == "their" ? .their : .its
            return (nil, end)
        }
        if index < limit, tokens[index].key == "the" || tokens[index].key == "a" || tokens[index].key == "an" {
            index += 1
        }
        guard index < limit, let entity = article.entity[index] else { return nil }
        let code = (entity.countries + entity.demonyms).first.map { compiled.gazetteer.countries[$0].code }
        guard let code else { return nil }
        var end = index + entity.length
        if end < limit, tokens[end].key == "'s" { end += 1 }
        if article.kind[end] != nil { return nil }
        while end < limit, article.hasClass(.person, at: end) || isPersonEnd(end) || tokens[end].key == "high" {
            end += 1
        }
        return (code, end)
    }

    /// "used by Japanese diplomats", "run by Pakistan's High Commission".
    private func ownerWithin(_ start: Int, limit: Int) -> CountryCode? {
        var index = start
        while index < limit {
            if let entity = article.entity[index],
                let code = (entity.demonyms + entity.countries).first.map({ compiled.gazetteer.countries[$0].code })
            {
                return code
            }
            index += 1
        }
        return nil
    }

    // MARK: - Possession

    /// "the compound of the Ethiopian embassy", "the premises of Belize's trade office", "the U.S. Embassy's summer
    /// house": link the outer phrase to the facility it belongs to.
    private func linkPossession(_ mentions: inout [Mention]) {
        guard mentions.count > 1 else { return }
        for outer in mentions.indices {
            for inner in mentions.indices where inner != outer && !mentions[inner].absorbed {
                let o = mentions[outer]
                let i = mentions[inner]
                // X of Y
                if i.range.lowerBound >= o.head.upperBound,
                    i.range.lowerBound <= o.head.upperBound + 1 + (o.staffCompound ? 1 : 0),
                    tokens[i.range.lowerBound - 1].key == "of"
                {
                    link(outer: outer, inner: inner, &mentions)
                    mentions[outer].range = o.range.lowerBound..<max(o.range.upperBound, i.range.upperBound)
                    break
                }
                // Y's X
                if i.head.upperBound < o.head.lowerBound, tokens[i.head.upperBound].key == "'s",
                    i.head.upperBound + 1 + 3 >= o.head.lowerBound,
                    i.range.lowerBound >= o.range.lowerBound || o.range.lowerBound > i.head.upperBound
                {
                    link(outer: outer, inner: inner, &mentions)
                    mentions[outer].range = min(o.range.lowerBound, i.range.lowerBound)..<o.range.upperBound
                    break
                }
            }
        }
    }

    private func link(outer: Int, inner: Int, _ mentions: inout [Mention]) {
        mentions[outer].possessor = mentions[inner].id
        mentions[inner].absorbed = true
        // "Y's X" where Y was read as the owner country ("U.S. Embassy's"): keep owner, drop the duplicate.
        if mentions[outer].operators.isEmpty { mentions[outer].operators = mentions[inner].operators }
    }
}
