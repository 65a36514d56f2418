import Core

/// The staff frame: withdrawals, evacuations, expulsions and staff reductions.
extension ArticleReader {

    mutating func staffTargets(
        start: Int,
        end: Int,
        payload: CompiledLexicon.CuePayload,
        cue: Lexicon.Cue,
        mood: CueMood,
        sentence: Int
    ) -> [Target]? {
        let range = article.sentences[sentence]
        var staffIndex: Int?
        var count: Int?
        var safety = false
        var facilityMention: Int?
        var city: CityRef?
        /// Every place the staff are taken out of ("from Sudan and Tunisia", "from Tunis, Khartoum").
        var places: [CityRef] = []
        var demonym: CountryCode?
        // Right side: "withdraw eight diplomats from its consulate", "the departure of non-essential staff from".
        var index = end
        let limit = min(range.upperBound, end + 16)
        while index < limit {
            let key = tokens[index].key
            if key == ";" || key == "said" || (key == "to" && staffIndex == nil && index > end + 1) { break }
            // "... from Tunisia and Sudan, a day after its embassies were stormed": once the places are read, a comma
            // or a subordinate clause ends the phrase.
            if !places.isEmpty, key == "," || article.isWord(index, in: .datingBreaks) { break }
            // "expelled 10 Polish diplomats and ordered the closure of ...": the next verb starts another clause.
            if index > end, !article.cue[index].isEmpty || article.classes(at: index).contains(.directive) { break }
            if article.hasClass(.safety, at: index) { safety = true }
            if staffIndex == nil, article.hasClass(.staff, at: index) {
                staffIndex = index
                if index > end, let value = countBefore(index, floor: end) { count = value }
            }
            if let entity = article.entity[index],
                let code = entity.demonyms.first.map({ gazetteer.countries[$0].code }),
                staffIndex == nil
            {
                demonym = code
            }
            // "Iranian diplomats left the embassy in Riyadh": what they leave is their mission.
            let leftObject = article.isWord(start, in: .leaveVerbs) && index <= end + 1
            if let mention = mentionAt[index], facilityMention == nil,
                staffIndex != nil || mentions[mention].staffCompound || leftObject
            {
                facilityMention = mention
                if mentions[mention].staffCompound && staffIndex == nil { staffIndex = index }
                // "embassy staff from Tunis, Khartoum": the phrase took in where the staff come from.
                if mentions[mention].cities.isEmpty, mentions[mention].relocationFrom != nil,
                    let from = mentions[mention].range.first(where: { tokens[$0].key == "from" })
                {
                    places = finder.places(at: from + 1, limit: range.upperBound)
                    city = places.first
                }
                index = mentions[mention].range.upperBound
                continue
            }
            let leaving = article.isWord(start, in: .leaveVerbs) && index == end
            let fromPlace =
                staffIndex != nil && (key == "from" || key == "of" && index > 0 && tokens[index - 1].key == "out")
            // "non-emergency personnel in Ecuador": the staff's place, after the staff noun.
            let staffPlace =
                staffIndex != nil && index == staffIndex! + (article.classLength(.staff, at: staffIndex!) ?? 1)
                && article.isWord(index, in: .placePrepositions)
            let bareFacility = facilityMention.map { mentions[$0].cities.isEmpty } ?? true
            if bareFacility, places.isEmpty, leaving || fromPlace || staffPlace {
                // "pull its diplomats out of Niger", "to leave Haiti", "from Tunis and Khartoum", "from the Libyan city
                // of Benghazi": the mission in each place (a country's is in its capital).
                places = finder.places(at: leaving ? index : index + 1, limit: range.upperBound)
                city = places.first
            }
            index += 1
        }
        // Left side: "non-essential staff and dependants at its High Commission in Honiara to leave".
        if staffIndex == nil, cue.done != .staffCut {
            var (clauseStart, _) = clauseStart(before: start, sentence: sentence)
            // "Non-essential staff and family members at ...": "and" between two staff nouns joins a noun phrase.
            while clauseStart >= range.lowerBound + 2, tokens[clauseStart - 1].key == "and",
                article.hasClass(.staff, at: clauseStart - 2)
            {
                clauseStart = self.clauseStart(before: clauseStart - 1, sentence: sentence).0
            }
            let opening = range.lowerBound..<min(start, range.lowerBound + 6)
            if !(clauseStart..<start).contains(where: { article.hasClass(.staff, at: $0) }),
                opening.contains(where: { article.hasClass(.staff, at: $0) })
            {
                // "The four Greek diplomats, who were declared persona non grata, must leave".
                clauseStart = range.lowerBound
            }
            for position in clauseStart..<start {
                if article.hasClass(.safety, at: position) { safety = true }
                if staffIndex == nil, article.hasClass(.staff, at: position) {
                    staffIndex = position
                    count = countBefore(position, floor: clauseStart)
                }
                if let entity = article.entity[position], staffIndex == nil,
                    let code = entity.demonyms.first.map({ gazetteer.countries[$0].code })
                {
                    demonym = code
                }
                if staffIndex != nil || mentionAt[position].map({ mentions[$0].staffCompound }) == true,
                    facilityMention == nil,
                    let mention = mentionAt[position]
                {
                    facilityMention = mention
                }
                // "all American staff from Benghazi were evacuated", "Mexico's personnel in Ecuador will leave".
                if staffIndex != nil, places.isEmpty, position > staffIndex!,
                    tokens[position].key == "from" || article.isWord(position, in: .placePrepositions),
                    facilityMention.map({ mentions[$0].cities.isEmpty }) ?? true
                {
                    places = finder.places(at: position + 1, limit: start)
                    city = places.first ?? city
                }
            }
        }
        // "Beijing gave the U.S. mission 72 hours to leave": a facility told to leave is told to close.
        if staffIndex == nil, let directive = mood.directive, let mention = mentionStarting(near: directive + 1),
            mentions[mention].range.upperBound <= start
        {
            var target = targetFor(mention)
            target.status = cue.ordered == .evacuated ? .orderedClosed : cue.ordered
            return [target]
        }
        guard staffIndex != nil else { return nil }
        // "reduce the staff of its embassy by 755", "cut the staff of its embassy to six".
        var staffLimit: Int?
        // After the facility ("the staff of its embassy by 755") or after the staff noun ("reduce its staff by two").
        let facilityEnd = facilityMention.map { mention in
            // Past coordinated facilities: "the staff of its embassy in Moscow and its consulates in Russia by 755".
            group(from: mention).map { mentions[$0].range.upperBound }.max() ?? mentions[mention].range.upperBound
        }
        let staffEnd = staffIndex.map { $0 + (article.classLength(.staff, at: $0) ?? 1) }
        if let phraseEnd = facilityEnd ?? (staffEnd.flatMap { $0 > end ? $0 : nil }) {
            var after = phraseEnd
            while after < min(range.upperBound, phraseEnd + 4) {
                let key = tokens[after].key
                if key == "by" || key == "to", after + 1 < range.upperBound,
                    let value = NumberWords.value(of: tokens[after + 1]),
                    !article.inTemporal[after + 1]
                        || tokens[after + 1].kind == .number
                            && tokens[after + 2 < range.upperBound ? after + 2 : after + 1].key != "hours"
                {
                    if article.inTemporal[after] && key == "by" { break }
                    if key == "by" { count = count ?? value } else { staffLimit = value }
                    break
                }
                after += 1
            }
        }
        // "ordered the diplomatic staff of Argentina, Chile and Peru to leave": each state's embassy in the capital of
        // the state that gives the order.
        if let staffIndex, let directive = mood.directive, facilityMention == nil,
            let actor = article.countryRefs[sentence].last(where: {
                $0.end <= directive && !$0.isLocation && !$0.isAdjective
            })?.code,
            let embassy = lexicon.kinds.firstIndex(where: { $0.inCapital }), let capital = gazetteer.capital(of: actor)
        {
            let staffEnd = staffIndex + (article.classLength(.staff, at: staffIndex) ?? 1)
            if staffEnd < range.upperBound, tokens[staffEnd].key == "of" {
                let owned = article.countryRefs[sentence].filter {
                    $0.token > staffEnd && $0.token < start && !$0.isLocation && !$0.isAdjective && $0.code != actor
                }
                if let first = owned.first {
                    let owners = owned.filter { $0.group == first.group }.map(\.code)
                    let city = CityRef(name: capital.name, country: actor, known: true)
                    return owners.map { owner in
                        let draft = Draft(
                            kind: embassy,
                            operatorCountry: owner,
                            host: actor,
                            city: city,
                            trigger: "embassy",
                            penalty: 0.1
                        )
                        return Target(implied: draft, staff: count, status: .staffCut)
                    }
                }
            }
        }
        var status: Status
        if cue.done == .staffCut {
            status = .staffCut
        } else if let byHost = cue.byHost, count != nil, mood.directive != nil, !safety {
            status = byHost
        } else if safety || (article.isWord(start, in: .withdrawalVerbs) && count == nil) {
            status = cue.done
        } else if facilityMention != nil || city != nil, mood.directive == nil,
            !mood.ordered || !mood.obligated && count == nil && ownStaff(staffIndex, sentence: sentence),
            count == nil || article.isWord(start, in: .leaveVerbs), mood.modality == .asserted
        {
            // "Mexico's diplomatic personnel in Ecuador will leave": a state's own staff, all of them, leaving.
            // "30 Iranian diplomats left the embassy in Saudi Arabia": staff leaving, counted or not, of their own
            // accord.
            // "Mexico's embassy staff left Ecuador on Sunday": staff leaving of their own accord.
            status = cue.done
        } else if facilityMention != nil || !places.isEmpty, let directive = mood.directive, count == nil,
            directiveActor(directive, sentence: sentence).map({ actor in
                actor == demonym || staffOwners(staffIndex, sentence: sentence)?.contains(actor) == true
                    || facilityMention.flatMap({ mentionOwner($0) }) == actor
            }) ?? (payload.form == .noun || directive > range.lowerBound && article.isWord(directive - 1, in: .beForms))
        {
            // "The State Department has ordered all non-emergency U.S. government employees to leave Iraq", "the
            // advisory orders the departure of employees at the U.S. Embassy": a state sending its own staff away,
            // or an order no other state gives, is an ordered departure.
            status = cue.done
        } else if facilityMention != nil, mood.directive != nil, count == nil, let staffIndex,
            isAll(staffIndex, sentence: sentence)
        {
            // "ordered all diplomatic staff at the North Korean embassy to leave": the whole mission is sent home.
            status = cue.done
        } else if let mention = facilityMention, let directive = mood.directive,
            let actor = directiveActor(directive, sentence: sentence), mentionOwner(mention) == actor
        {
            // "The United States ordered most of its staff at the U.S. Embassy in Kyiv to leave": a state sending its
            // own staff away is an ordered departure, not an expulsion.
            status = cue.done
        } else {
            if facilityMention == nil, mood.ordered, payload.form != .noun {
                queueStaffDeadline(start: start, end: end, mood: mood, sentence: sentence, demonym: demonym)
            }
            return nil
        }
        // "non-essential embassy staff from Sudan and Tunisia": the owner's mission in each place, of the kind named.
        if let mention = facilityMention, mentions[mention].cities.isEmpty,
            places.count > 1
                || places.count == 1 && mentions[mention].staffCompound
        {
            // The owner may stay unknown ("the foreign ministry ordered the departure of embassy staff from ...").
            let owner =
                mentionOwner(mention) ?? demonym
                ?? article.countryRefs[sentence].last(where: { !$0.isLocation && $0.token < start })?.code
            let targets = places.compactMap { place -> Target? in
                guard let draft = missionDraft(in: place, owner: owner, kind: mentions[mention].kindIndex) else {
                    return nil
                }
                return Target(implied: draft, staff: status == .staffCut ? count : nil, status: status)
            }
            if !targets.isEmpty { return targets }
        }
        if let mention = facilityMention {
            var target = targetFor(mention)
            // "Saudi embassy officials have already left Iran": the place they left is the mission's.
            if mentions[mention].cities.isEmpty, let city { target.relocatedFrom = city }
            target.staff = status == .staffCut ? count : nil
            target.staffLimit = status == .staffCut ? staffLimit : nil
            target.status = status
            var targets = [target]
            for extra in group(from: mention).dropFirst() {
                var more = targetFor(extra)
                more.status = status
                targets.append(more)
            }
            return targets
        }
        // "withdrew its diplomats from Asmara", "ordered the departure of staff from Sudan and Tunisia", "all staff
        // from Benghazi were evacuated": the owner's mission in each place, the embassy in a capital, elsewhere the
        // facility the article names there.
        if !places.isEmpty {
            let refs = article.countryRefs[sentence].filter { !$0.isLocation && $0.token < start }
            // "the United States and Germany began evacuating their staff in Port-au-Prince": each owner's mission.
            let owners = staffOwners(staffIndex, sentence: sentence)
            let targets = places.flatMap { place -> [Target] in
                let placeOwners =
                    owners ?? (demonym ?? refs.last(where: { $0.code != place.country })?.code).map { [$0] }
                return (placeOwners ?? []).compactMap { owner in
                    guard let draft = missionDraft(in: place, owner: owner, kind: nil) else { return nil }
                    return Target(implied: draft, staff: status == .staffCut ? count : nil, status: status)
                }
            }
            if !targets.isEmpty { return targets }
        }
        // "Britain expelled 23 Russian diplomats": the owner's embassy in the expelling state's capital.
        if status == .staffCut, let owner = demonym, let embassy = lexicon.kinds.firstIndex(where: { $0.inCapital }) {
            let refs = article.countryRefs[sentence].filter {
                !$0.isLocation && !$0.isAdjective && $0.end <= start && $0.code != owner
            }
            if let host = refs.last?.code, let capital = gazetteer.capital(of: host) {
                let city = CityRef(name: capital.name, country: host, known: true)
                let draft = Draft(
                    kind: embassy,
                    operatorCountry: owner,
                    host: host,
                    city: city,
                    trigger: "embassy",
                    penalty: 0.1
                )
                return [Target(implied: draft, staff: count, status: status)]
            }
        }
        // "Moscow ordered the United States to cut its staff in Russia by 755": the embassy of the state told to cut, in
        // the capital of the country its staff is in (else of the state giving the order).
        if status == .staffCut, demonym == nil, let directive = mood.directive,
            let orderee = article.countryRefs[sentence].first(where: {
                $0.token > directive && $0.token < start && !$0.isLocation
            })?.code,
            let embassy = lexicon.kinds.firstIndex(where: { $0.inCapital })
        {
            let place = article.countryRefs[sentence].first(where: {
                $0.token > start && $0.isLocation && $0.code != orderee
            })?.code
            let host = place ?? directiveActor(directive, sentence: sentence)
            if let host, host != orderee, let capital = gazetteer.capital(of: host) {
                let draft = Draft(
                    kind: embassy,
                    operatorCountry: orderee,
                    host: host,
                    city: CityRef(name: capital.name, country: host, known: true),
                    trigger: "embassy",
                    penalty: 0.1
                )
                return [Target(implied: draft, staff: count, staffLimit: staffLimit, status: status)]
            }
        }
        // "The Croatian embassy in Belgrade was ordered to reduce its staff by two diplomats": the clause's facility.
        // Only a passive order makes the subject the mission whose staff is cut ("expels four diplomats" does not).
        if status == .staffCut, city == nil, demonym == nil, let directive = mood.directive,
            directive > range.lowerBound,
            article.isWord(directive - 1, in: .beForms),
            var targets = subjectTargets(cueStart: directive, sentence: sentence, transitive: false)
        {
            for index in targets.indices {
                targets[index].status = status
                targets[index].staff = count
                targets[index].staffLimit = staffLimit
            }
            return targets
        }
        // "The U.S. Embassy in Kabul ... evacuated its staff": the clause's facility.
        if status == .evacuated, article.isWord(start, in: .withdrawalVerbs),
            var targets = subjectTargets(cueStart: start, sentence: sentence, transitive: false)
        {
            for index in targets.indices { targets[index].status = status }
            return targets
        }
        if mood.ordered, payload.form != .noun {
            queueStaffDeadline(start: start, end: end, mood: mood, sentence: sentence, demonym: demonym)
        }
        return nil
    }

    /// The mission an owner keeps in `place`: its embassy when the place is its host's capital, else the facility of
    /// that owner (or of no stated owner) the article names in that city, else, outside a capital, a consulate.
    ///
    /// - Parameter kind: the kind the text names ("consulate staff"), which wins when given.
    func missionDraft(in place: CityRef, owner: CountryCode?, kind: Int?) -> Draft? {
        guard owner == nil || owner != place.country else { return nil }
        let isCapital =
            place.country.flatMap { gazetteer.country(code: $0) }.map {
                FacilityKeyText.slug($0.capital) == FacilityKeyText.slug(place.name)
            } ?? false
        if let kind, kind < lexicon.kinds.count, isCapital || !lexicon.kinds[kind].inCapital {
            return Draft(
                kind: kind,
                operatorCountry: owner,
                host: place.country,
                city: place,
                trigger: lexicon.kinds[kind].label.lowercased()
            )
        }
        if isCapital, let embassy = lexicon.kinds.firstIndex(where: { $0.inCapital }) {
            return Draft(kind: embassy, operatorCountry: owner, host: place.country, city: place, trigger: "embassy")
        }
        let slug = FacilityKeyText.slug(place.name)
        let named = mentions.first { mention in
            mention.kindIndex != nil && !mention.isShort && !mention.isGeneric && !article.furniture[mention.sentence]
                && mention.cities.contains { FacilityKeyText.slug($0.name) == slug }
                && (mention.operators.isEmpty || owner.map { mention.operators.contains($0) } ?? true)
        }
        // A state's mission outside the host's capital is, unless the text names it, of the kind that stands there
        // (only in a place the gazetteer knows: "From Multiple Countries Due" in a headline is no town).
        guard
            let found = named?.kindIndex ?? (place.known ? lexicon.kinds.firstIndex(where: { $0.outsideCapital }) : nil)
        else {
            return nil
        }
        return Draft(
            kind: found,
            operatorCountry: owner,
            host: place.country,
            city: place,
            trigger: lexicon.kinds[found].label.lowercased(),
            penalty: named == nil ? 0.1 : 0
        )
    }

    /// The states a possessive before the staff noun names: "their diplomatic staff" after "the United States and
    /// Germany", "its personnel".
    private func staffOwners(_ staffIndex: Int?, sentence: Int) -> [CountryCode]? {
        guard let staffIndex else { return nil }
        let range = article.sentences[sentence]
        var index = staffIndex - 1
        while index >= range.lowerBound, staffIndex - index <= 3 {
            let key = tokens[index].key
            if key == "their" || key == "its" {
                let owners = pronounOwners(key == "their" ? .their : .its, before: index, sentence: sentence)
                return owners.isEmpty ? nil : owners
            }
            index -= 1
        }
        return nil
    }

    /// "Mexico's diplomatic personnel", "its staff", "all staff": the owner's whole staff, not diplomats expelled.
    private func ownStaff(_ staffIndex: Int?, sentence: Int) -> Bool {
        guard let staffIndex else { return false }
        if isAll(staffIndex, sentence: sentence) { return true }
        let range = article.sentences[sentence]
        var index = staffIndex - 1
        while index >= range.lowerBound, staffIndex - index <= 3 {
            if ["'s", "its", "their"].contains(tokens[index].key) { return true }
            index -= 1
        }
        return false
    }

    /// "all (diplomatic) staff", "all of its diplomats": the whole staff, not a number of them.
    private func isAll(_ staffIndex: Int, sentence: Int) -> Bool {
        let range = article.sentences[sentence]
        var index = staffIndex - 1
        while index >= range.lowerBound, staffIndex - index <= 3 {
            if tokens[index].key == "all" || tokens[index].key == "entire" { return true }
            index -= 1
        }
        return false
    }

    /// The state that gives a directive: the last state named before it, not as a place.
    private func directiveActor(_ directive: Int, sentence: Int) -> CountryCode? {
        article.countryRefs[sentence].last { $0.end <= directive && !$0.isLocation && !$0.isAdjective }?.code
    }

    /// The owner a facility phrase names ("the U.S. Embassy", "its embassy" after a state).
    private func mentionOwner(_ mention: Int) -> CountryCode? {
        if let owner = mentions[mention].operators.first { return owner }
        guard let pronoun = mentions[mention].pronoun else { return nil }
        return pronounOwners(pronoun, before: mentions[mention].range.lowerBound, sentence: mentions[mention].sentence)
            .first
    }

    /// "were given 72 hours to leave": a bare period just before "to" and the cue.
    static func isPeriodBefore(_ expression: TemporalExpression, cue: Int, tokens: [Token]) -> Bool {
        guard case .offsetDays = expression.value, expression.prefix == .none else { return false }
        return expression.range.upperBound + 1 == cue && tokens[expression.range.upperBound].key == "to"
    }

    /// A count just before a staff word: "eight diplomats", "10 diplomats", "four Greek diplomats".
    private func countBefore(_ index: Int, floor: Int) -> Int? {
        var position = index - 1
        var steps = 0
        while position >= floor && steps < 3 {
            if let value = NumberWords.value(of: tokens[position]), !article.inTemporal[position] { return value }
            position -= 1
            steps += 1
        }
        return nil
    }

    /// "The four Greek diplomats ... must leave Russia within a week": the deadline of the staff cut reported just
    /// before, not a new fact.
    private mutating func queueStaffDeadline(start: Int, end: Int, mood: CueMood, sentence: Int, demonym: CountryCode?)
    {
        let range = article.sentences[sentence]
        guard
            let expression = article.temporal[sentence].first(where: {
                !$0.isAnaphoric && $0.range.upperBound <= range.upperBound
                    && ($0.range.lowerBound >= end && ($0.prefix == .within || $0.prefix == .by)
                        || Self.isPeriodBefore($0, cue: start, tokens: tokens))
            })
        else { return }
        guard
            let index = candidates.indices.last(where: {
                candidates[$0].status == .staffCut && candidates[$0].modality == .asserted
                    && candidates[$0].expression == nil
                    && (demonym == nil || candidates[$0].facility.operatorCountry == demonym)
                    && candidates[$0].sentence < sentence
            })
        else { return }
        pendingStaffDeadlines.append((index, expression))
    }
}
