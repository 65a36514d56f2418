import Core

/// Turning mentions into facilities: owner, host and city, from the phrase itself, the clause, or an earlier
/// mention of the same facility.
extension ArticleReader {
    /// - Parameter place: where the cue's frame put the facility when the phrase names no place ("officials of the
    ///   Saudi embassy left Iran").
    func resolve(_ index: Int, context: CueContext, inherited: CountryCode?, place: CityRef? = nil) -> [Draft] {
        let mention = mentions[index]
        var possessorDraft: Draft?
        if let possessor = mention.possessor, let inner = mentions.firstIndex(where: { $0.id == possessor }) {
            possessorDraft = resolve(inner, context: context, inherited: inherited).first
            if mention.isGeneric, let possessorDraft { return [possessorDraft] }
        }
        // Owners: the phrase, then "its"/"their", then the clause.
        var owners = mention.operators
        // "its own embassy": the clause's subject, whoever else was named since.
        if owners.isEmpty, mention.pronoun != nil, mention.range.contains(where: { tokens[$0].key == "own" }),
            let subject = article.countryRefs[mention.sentence].first(where: { !$0.isLocation && !$0.isAdjective })
        {
            owners = [subject.code]
        }
        if owners.isEmpty, let pronoun = mention.pronoun {
            owners = pronounOwners(pronoun, before: mention.range.lowerBound, sentence: mention.sentence)
        }
        if owners.isEmpty, let possessorOwner = possessorDraft?.operatorCountry { owners = [possessorOwner] }
        if owners.isEmpty, let inherited { owners = [inherited] }
        if owners.isEmpty, let orderee = context.orderee { owners = [orderee] }
        if owners.isEmpty, let ordereeMention = context.ordereeMention, ordereeMention != index,
            let owner = mentions[ordereeMention].operators.first
        {
            owners = [owner]
        }
        let explicitOwner = !owners.isEmpty
        // Places: the phrase, the possessor, a relocation origin.
        var cities = mention.cities
        if cities.isEmpty, let city = possessorDraft?.city { cities = [city] }
        if cities.isEmpty, let from = mention.relocationFrom { cities = [from] }
        if cities.isEmpty, let place { cities = [place] }
        var kind = mention.kindIndex
        var penalty = mention.isGeneric ? 0.05 : 0
        var host = mention.host ?? possessorDraft?.host
        var trigger = mention.trigger
        // A reference ("the consulate", "the mission", "the Hawassa office"): find what it refers to.
        let needsAntecedent = cities.isEmpty || mention.isGeneric || mention.isShort
        // "certain US embassies and consulates", "embassies in the region": an indefinite plural names a set, not
        // the one facility named last.
        let namesASet = mention.plural && !mention.definite && mention.count == nil && mention.pronoun == nil
        if needsAntecedent && !namesASet && !mention.eachOtherCapitals && !(mention.inCapital && host != nil) {
            if let antecedent = antecedent(for: mention, owners: owners, context: context, cities: cities) {
                if kind == nil || mention.isShort || mention.isGeneric { kind = antecedent.kind }
                if cities.isEmpty, let city = antecedent.city { cities = [city] }
                if owners.isEmpty, let owner = antecedent.operatorCountry { owners = [owner] }
                if host == nil { host = antecedent.host }
                if mention.isGeneric || mention.isShort { trigger = antecedent.trigger }
                penalty += 0.05
            } else if mention.isGeneric, let missionKind = missionKind(of: mention, owners: owners, cities: cities) {
                // "Bahrain's diplomatic mission in Doha", "Chad's mission to Doha": the owner's embassy there.
                kind = missionKind
                if cities.isEmpty, let host, let capital = gazetteer.capital(of: host) {
                    cities = [CityRef(name: capital.name, country: host, known: true)]
                }
            } else if mention.isGeneric || mention.isShort && cities.isEmpty {
                return []
            } else if mention.isShort, !articleHasKind(mention.kindIndex) {
                return []
            }
        }
        guard let kind else { return [] }
        if owners.isEmpty {
            // "Turkey and Armenia will open liaison offices in Gyumri and Kars": each city's owner is the other state.
            owners = clauseOwners(context: context, host: cities.count > 1 ? nil : host ?? cities.first?.country)
        }
        if owners.isEmpty, !explicitOwner,
            let last = candidates.last(where: {
                $0.facility.operatorCountry != nil && $0.facility.hostCountry == (host ?? cities.first?.country)
            })
        {
            owners = [last.facility.operatorCountry!]
            penalty += 0.1
        }
        // Each other's capitals, or the capital of the host for an embassy. Two states reopening "their embassies"
        // with no place named mean each one's embassy in the other's capital.
        let eachOther =
            mention.eachOtherCapitals
            || cities.isEmpty && host == nil && owners.count == 2 && mention.plural && lexicon.kinds[kind].inCapital
                && (mention.pronoun == .their
                    || !explicitOwner && mention.operators.isEmpty && !mention.definite
                        && ownersAreClauseSubject(before: mention))
        if eachOther {
            var drafts: [Draft] = []
            for owner in owners {
                for other in owners where other != owner {
                    if let capital = gazetteer.capital(of: other) {
                        drafts.append(
                            Draft(
                                kind: kind,
                                operatorCountry: owner,
                                host: other,
                                city: CityRef(name: capital.name, country: other, known: true),
                                trigger: trigger,
                                penalty: penalty
                            )
                        )
                    }
                }
            }
            return drafts
        }
        if cities.isEmpty {
            if host == nil, let actor = context.actor, !owners.contains(actor) { host = actor }
            if lexicon.kinds[kind].inCapital || mention.inCapital, let host, let capital = gazetteer.capital(of: host) {
                cities = [CityRef(name: capital.name, country: host, known: true)]
            }
            // "Britain withdrew staff from its embassy as well": no place and no host named, so the facility is in
            // the place the story is about, the city of its latest fact (not one in the owner's own country).
            if cities.isEmpty, host == nil, explicitOwner, !namesASet, let place = storyPlace(excluding: owners) {
                cities = [place]
                penalty += 0.15
            }
        }
        guard !cities.isEmpty else { return [] }
        // "its embassy in Tehran" read as Iran's: an inferred owner cannot own a mission in its own country, so the
        // other state named nearby owns it.
        if owners.count == 1, mention.operators.isEmpty, cities.allSatisfy({ $0.country == owners[0] }),
            let other = nearbyState(excluding: owners[0], sentence: mention.sentence)
        {
            owners = [other]
        }
        var drafts: [Draft] = []
        for city in cities {
            let cityHost = city.country ?? host ?? otherCountry(in: context, excluding: owners)
            let cityOwners = owners.filter { $0 != cityHost }
            if cityOwners.isEmpty && !owners.isEmpty && owners.count == 1 {
                // "Russia's consulate in Moscow" would be nonsense; the owner must be foreign.
                continue
            }
            if cityOwners.isEmpty {
                drafts.append(
                    Draft(
                        kind: kind,
                        operatorCountry: nil,
                        host: cityHost,
                        city: city,
                        trigger: trigger,
                        penalty: penalty
                    )
                )
            }
            for owner in cityOwners {
                drafts.append(
                    Draft(
                        kind: kind,
                        operatorCountry: owner,
                        host: cityHost,
                        city: city,
                        trigger: trigger,
                        penalty: penalty
                    )
                )
            }
        }
        if !mention.plural && drafts.count > 1 && mention.pronoun != .their {
            return [drafts[0]]
        }
        return drafts
    }

    /// "Iran and Saudi Arabia agreed to reopen embassies": the states are the clause's subject, a verb away from the
    /// facility phrase; "US, Germany and EU embassies" only modify it.
    private func ownersAreClauseSubject(before mention: Mention) -> Bool {
        guard
            let last = article.countryRefs[mention.sentence].last(where: {
                $0.end <= mention.range.lowerBound && !$0.isLocation
            })
        else { return false }
        return (last.end..<mention.range.lowerBound).contains { tokens[$0].isWord && article.entity[$0] == nil }
    }

    /// The first state other than `excluded` named, not as a place, in the sentence or the one before it.
    private func nearbyState(excluding excluded: CountryCode, sentence: Int) -> CountryCode? {
        for number in [sentence, sentence - 1] where number >= 0 {
            if let ref = article.countryRefs[number].first(where: { !$0.isLocation && $0.code != excluded }) {
                return ref.code
            }
        }
        return nil
    }

    /// The kind a generic noun names on its own ("diplomatic mission" names an embassy) when the phrase gives an
    /// owner and a capital, or a host country whose capital it then is.
    private func missionKind(of mention: Mention, owners: [CountryCode], cities: [CityRef]) -> Int? {
        guard !owners.isEmpty else { return nil }
        let key = Gazetteer.key(mention.trigger)
        guard let kind = compiled.missionKeys.firstIndex(where: { $0.contains(key) }) else { return nil }
        if cities.isEmpty { return mention.host != nil ? kind : nil }
        let inCapitals = cities.allSatisfy { city in
            guard let country = city.country, let capital = gazetteer.capital(of: country) else { return false }
            return FacilityKeyText.slug(capital.name) == FacilityKeyText.slug(city.name)
        }
        return inCapitals ? kind : nil
    }

    /// The city of the latest asserted fact that is not in one of `owners`.
    func storyPlace(excluding owners: [CountryCode]) -> CityRef? {
        guard
            let last = candidates.last(where: {
                $0.modality == .asserted && $0.facility.city != nil
                    && !owners.contains($0.facility.hostCountry ?? CountryCode(rawValue: "XX")!)
            }), let city = last.facility.city
        else { return nil }
        return CityRef(name: city, country: last.facility.hostCountry, known: last.knownCity)
    }

    private func articleHasKind(_ kind: Int?) -> Bool {
        guard let kind else { return false }
        return mentions.contains { $0.kindIndex == kind && !$0.isShort && !$0.cities.isEmpty }
    }

    /// "its" → the nearest state named before it in the sentence; "their" → that state and those coordinated with it.
    func pronounOwners(_ pronoun: Mention.Pronoun, before token: Int, sentence: Int) -> [CountryCode] {
        let refs = article.countryRefs[sentence].filter { $0.end <= token && !$0.isLocation }
        guard let last = refs.last else {
            if let previous = candidates.last(where: { $0.sentence == sentence - 1 || $0.sentence == sentence }),
                let owner = previous.facility.operatorCountry
            {
                return [owner]
            }
            return []
        }
        if pronoun == .their {
            return refs.filter { $0.group == last.group }.map(\.code)
        }
        // "Saudi Arabia breaks ties with Iran after an attack on its embassy": a state that is only the object of a
        // preposition is not whose "its" is; the clause's subject is. ("Russia ordered Estonia to close its
        // consulate": Estonia is the one told to act, and keeps it.)
        if last.token > article.sentences[sentence].lowerBound,
            article.isWord(last.token - 1, in: .obliquePrepositions),
            let subject = refs.first(where: { !$0.isAdjective }), subject.code != last.code
        {
            return [subject.code]
        }
        return [last.code]
    }

    /// Owner from the clause when the phrase gives none: the state doing it (opening its own office), or, for an
    /// act of the host (a seizure), the other state named.
    private func clauseOwners(context: CueContext, host: CountryCode?) -> [CountryCode] {
        if context.cueActor == .operator, context.actor == nil || context.actor == context.subjects.first {
            let owners = context.subjects.filter { $0 != host }
            if !owners.isEmpty { return owners }
        }
        let refs = article.countryRefs[context.sentence].filter { !$0.isLocation }
        let others = Set(refs.map(\.code)).subtracting([host, context.actor].compactMap { $0 })
        if others.count == 1 { return [others.first!] }
        return []
    }

    private func otherCountry(in context: CueContext, excluding owners: [CountryCode]) -> CountryCode? {
        if let actor = context.actor, !owners.contains(actor) { return actor }
        let refs = article.countryRefs[context.sentence]
        let others = Set(refs.map(\.code)).subtracting(owners)
        return others.count == 1 ? others.first : nil
    }

    /// The facility a reference points to: earlier facts first (the story's subject), then earlier and later named
    /// facilities with a place.
    private func antecedent(
        for mention: Mention,
        owners: [CountryCode],
        context: CueContext,
        cities: [CityRef]
    ) -> Draft? {
        let wantedCity = cities.first.map { FacilityKeyText.slug($0.name) }
        func compatible(kind: Int?, owner: CountryCode?, city: CityRef?) -> Bool {
            if let wantedCity {
                guard let city, FacilityKeyText.slug(city.name) == wantedCity else { return false }
            }
            // "its embassy in Bahrain" refers to no embassy in another country.
            if let wantedHost = mention.host, let country = city?.country, country != wantedHost { return false }
            if !mention.isGeneric, let mentionKind = mention.kindIndex {
                if mention.isShort {
                    if wantedCity == nil {
                        guard let kind, compiled.shortKeys[kind].contains(Gazetteer.key(mention.trigger)) else {
                            return false
                        }
                    }
                } else if kind != mentionKind {
                    return false
                }
            }
            if let want = owners.first, let owner, owner != want { return false }
            if let actor = context.actor, context.orderee == nil, let owner, owner == actor,
                context.status == .orderedClosed
            {
                return false
            }
            return true
        }
        let family = Candidate.family(of: context.status)
        let prior = candidates.filter { $0.modality == .asserted && $0.sentence <= mention.sentence }
        let ranked = prior.filter { $0.family == family } + prior.filter { $0.family != family }
        let orderedPrior =
            mention.isGeneric
            ? ranked.reversed().sorted { ($0.family == family ? 0 : 1) < ($1.family == family ? 0 : 1) }
            : Array(prior.reversed())
        for candidate in orderedPrior {
            let facility = candidate.facility
            guard let kind = lexicon.kinds.firstIndex(where: { $0.name == facility.kind }) else { continue }
            let city = facility.city.map {
                CityRef(name: $0, country: facility.hostCountry, known: candidate.knownCity)
            }
            if compatible(kind: kind, owner: facility.operatorCountry, city: city) {
                return Draft(
                    kind: kind,
                    operatorCountry: facility.operatorCountry,
                    host: facility.hostCountry,
                    city: city,
                    trigger: lexicon.kinds[kind].label.lowercased()
                )
            }
        }
        let named = mentions.filter {
            !$0.cities.isEmpty && $0.kindIndex != nil && !$0.isShort && $0.id != mention.id && !$0.absorbed
                || $0.absorbed && !$0.cities.isEmpty && $0.kindIndex != nil
        }
        let before = named.filter { $0.range.upperBound <= mention.range.lowerBound }.reversed()
        // Looking ahead is for a headline whose body names the place; in the body a phrase named later ("the
        // embassy will close ... handled by the embassy in Vienna") is another facility.
        let after =
            mention.sentence < article.headlineSentences
            ? named.filter { $0.range.lowerBound > mention.range.lowerBound } : []
        for other in Array(before) + after {
            let owner =
                other.operators.first
                ?? (other.pronoun.map { pronounOwners($0, before: other.range.lowerBound, sentence: other.sentence) }?
                    .first)
            if compatible(kind: other.kindIndex, owner: owner, city: other.cities.first) {
                return Draft(
                    kind: other.kindIndex!,
                    operatorCountry: owner,
                    host: other.host ?? other.cities.first?.country,
                    city: other.cities.first,
                    trigger: other.trigger
                )
            }
        }
        return nil
    }

    /// Plural references pick up the facilities of earlier facts: the `count` most recent ones of the same status
    /// family (owner and directive constraints applied), or all those of the latest sentence with facts.
    func resolveAnaphor(_ mention: Mention, context: CueContext, hasDeadline: Bool, isNoun: Bool) -> [Draft] {
        if mention.count == nil && !hasDeadline && !(context.status == .orderedClosed && mention.definite && !isNoun) {
            return []
        }
        var owner = mention.operators.first
        if owner == nil, context.cueActor == .operator, context.actor == nil, let subject = context.subjects.first {
            owner = subject
        }
        let family = Candidate.family(of: context.status)
        let prior = candidates.filter {
            $0.modality == .asserted && $0.sentence < mention.sentence + 1 && $0.sentence <= context.sentence
        }
        // "the two annexes" refers to annexes; "these closures" and "the buildings" to any kind.
        let kindName = mention.isGeneric ? nil : mention.kindIndex.map { lexicon.kinds[$0].name }
        var pool = prior.filter {
            (owner == nil || $0.facility.operatorCountry == owner)
                && (context.actor == nil || $0.facility.operatorCountry != context.actor)
                && (kindName == nil || $0.facility.kind == kindName)
        }
        let sameFamily = pool.filter { $0.family == family }
        if !sameFamily.isEmpty && (mention.count == nil || sameFamily.count >= 1) {
            pool = sameFamily + pool.filter { $0.family != family }
        }
        var seen = Set<String>()
        var facilities: [Facility] = []
        for candidate in pool.reversed().sorted(by: { ($0.family == family ? 0 : 1) < ($1.family == family ? 0 : 1) }) {
            let key = candidate.facilityKey
            if seen.insert(key).inserted { facilities.append(candidate.facility) }
        }
        if let count = mention.count {
            guard facilities.count >= count else { return [] }
            facilities = Array(facilities.prefix(count))
        } else if let latest = (sameFamily.isEmpty ? pool : sameFamily).last?.sentence {
            let keys = Set(pool.filter { $0.sentence == latest }.map(\.facilityKey))
            facilities = facilities.filter { keys.contains($0.key.rawValue) }
        }
        return facilities.compactMap { facility in
            guard let kind = lexicon.kinds.firstIndex(where: { $0.name == facility.kind }) else { return nil }
            return Draft(
                kind: kind,
                operatorCountry: facility.operatorCountry,
                host: facility.hostCountry,
                city: facility.city.map { CityRef(name: $0, country: facility.hostCountry, known: true) },
                trigger: lexicon.kinds[kind].label.lowercased(),
                penalty: 0
            )
        }
    }

    /// The facility of the latest asserted fact before `sentence`, for "the remaining diplomats".
    func salientFactMention(before sentence: Int) -> Draft? {
        guard let last = candidates.last(where: { $0.modality == .asserted && $0.sentence <= sentence }) else {
            return nil
        }
        let facility = last.facility
        guard let kind = lexicon.kinds.firstIndex(where: { $0.name == facility.kind }) else { return nil }
        return Draft(
            kind: kind,
            operatorCountry: facility.operatorCountry,
            host: facility.hostCountry,
            city: facility.city.map { CityRef(name: $0, country: facility.hostCountry, known: last.knownCity) },
            trigger: lexicon.kinds[kind].label.lowercased(),
            penalty: 0.1
        )
    }

    /// The facility value with its readable name ("Consulate General of Russia in San Francisco").
    func facility(from draft: Draft) -> Facility? {
        guard let city = draft.city else { return nil }
        let kind = lexicon.kinds[draft.kind]
        let host = draft.host ?? city.country
        var label = Self.titleCase(draft.trigger)
        let trigger = Gazetteer.key(draft.trigger)
        if label.isEmpty || compiled.pluralKeys[draft.kind].contains(trigger)
            || compiled.shortKeys[draft.kind].contains(trigger)
        {
            label = kind.label
        }
        var name = label
        if let owner = draft.operatorCountry, let country = gazetteer.country(code: owner) {
            name += " of \(Self.withArticle(country.name))"
        }
        name += " in \(city.name)"
        return Facility(
            kind: kind.name,
            operatorCountry: draft.operatorCountry,
            hostCountry: host,
            city: city.name,
            name: name
        )
    }

    /// "the United States", "the Netherlands", but "Russia".
    static func withArticle(_ name: String) -> String {
        let first = name.split(separator: " ").first.map(String.init) ?? name
        let plural = ["Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros", "Seychelles", "Gambia"]
        if [
            "United", "Republic", "Democratic", "Czech", "Dominican", "Central", "Holy", "Marshall", "Solomon",
            "Cayman",
        ].contains(first)
            || plural.contains(name)
        {
            return "the " + name
        }
        return name
    }

    private static func titleCase(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(text.utf8)
            var wordStart = true
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == 0x20 {
                    wordStart = true
                    continue
                }
                if wordStart, byte >= 0x61, byte <= 0x7A { bytes[index] = byte - 32 }
                if !wordStart, byte >= 0x41, byte <= 0x5A { bytes[index] = byte + 32 }
                wordStart = false
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return text.split(separator: " ").map { word in
            guard let first = word.first else { return String(word) }
            return String(first).uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
