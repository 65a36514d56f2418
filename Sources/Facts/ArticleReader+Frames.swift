import Core

/// The four cue frames: where a cue's facility is in the sentence.
extension ArticleReader {
    static let openingQuotes: Set<String> = ["\"", "\u{201C}", "\u{2018}"]
    static let dashes: Set<String> = ["\u{2014}", "\u{2013}", "--"]

    // MARK: - facility frame

    func facilityTargets(
        start: Int,
        end: Int,
        payload: CompiledLexicon.CuePayload,
        cue: Lexicon.Cue,
        sentence: Int
    ) -> [Target]? {
        let range = article.sentences[sentence]
        if payload.form == .noun {
            return nounTargets(start: start, end: end, sentence: sentence, cue: payload.cue)
        }
        var index = end
        while index < range.upperBound, article.isWord(index, in: .verbAdverbs) { index += 1 }
        // "revoked the licence of the consulate": a cue that acts through a noun reaches its facility only so.
        if let via = compiled.viaNouns[payload.cue] {
            guard let mention = viaTarget(from: index, via: via, range: range) else { return nil }
            return group(from: mention).map { targetFor($0) }
        }
        // "was closed" is passive; "is closing" is progressive and keeps its object.
        let passive = payload.form == .past && moodAnalyzer.isPassive(cueStart: start, range: range)
        if !passive, !cue.intransitive, let mention = mentionStarting(near: index),
            mentions[mention].range.lowerBound <= index + 3
        {
            return group(from: mention).map { targetFor($0) }
        }
        // "evacuated or left unstaffed its embassies", "closed and sealed the consulate": a second verb coordinated
        // with the cue shares its object.
        if !passive, !cue.intransitive, index + 1 < range.upperBound,
            tokens[index].key == "or" || tokens[index].key == "and"
        {
            var probe = index + 1
            while probe < min(range.upperBound, index + 5), mentionAt[probe] == nil, tokens[probe].isWord,
                !tokens[probe].capitalized, !article.isWord(probe, in: .objectOpeners)
            {
                probe += 1
            }
            if probe > index + 1, let mention = mentionStarting(near: probe) {
                return group(from: mention).map { targetFor($0) }
            }
        }
        // "ordered the mission shut", "orders Greek consulate in Novorossiysk closed": the object of the directive.
        if payload.form == .past,
            let mention = mentions.indices.last(where: {
                mentions[$0].sentence == sentence && !mentions[$0].absorbed && mentions[$0].range.upperBound == start
            }), mentions[mention].range.lowerBound > range.lowerBound,
            article.classes(at: mentions[mention].range.lowerBound - 1).contains(.directive)
        {
            return [targetFor(mention)]
        }
        // "hours after Washington ordered it closed": the pronoun object of the directive is the facility just named.
        if payload.form == .past, start >= range.lowerBound + 2, ["it", "them"].contains(tokens[start - 1].key),
            article.classes(at: start - 2).contains(.directive),
            let antecedent = nearestMention(endingBefore: start - 1, sentence: sentence)
                ?? salientMention(before: sentence)
        {
            return group(from: antecedent).map { targetFor($0) }
        }
        if let trie = compiled.dummyObjects[payload.cue],
            trie.longest(tokens, at: index, limit: range.upperBound) != nil
        {
            return subjectTargets(cueStart: start, sentence: sentence, transitive: false)
        }
        if !passive, !cue.intransitive, index < range.upperBound, looksLikeObject(index) {
            // "opened its annual film festival": something else was opened.
            return subjectTargets(cueStart: start, sentence: sentence, transitive: true, relativeOnly: true)
        }
        guard var targets = subjectTargets(cueStart: start, sentence: sentence, transitive: !passive) else {
            return nil
        }
        // "The Embassy of Iran was reopened in the Saudi capital, Riyadh": the place follows the verb.
        if let place = finder.placeCity(after: index, limit: range.upperBound) {
            for position in targets.indices {
                if let mention = targets[position].mention, mentions[mention].cities.isEmpty {
                    targets[position].relocatedFrom = place
                }
            }
        }
        return targets
    }

    /// The facility after a `via` noun: "the (operating) licence of X", "consent to operate X", "its consent to
    /// the operation of X".
    private func viaTarget(from start: Int, via: PhraseTrie<Bool>, range: Range<Int>) -> Int? {
        var index = start
        while index < range.upperBound, ["the", "its", "their", "a", "an"].contains(tokens[index].key) { index += 1 }
        guard let match = via.longest(tokens, at: index, limit: range.upperBound) else { return nil }
        var probe = index + match.length
        while probe < min(range.upperBound, index + match.length + 5) {
            if let mention = mentionStarting(near: probe) { return mention }
            guard article.isWord(probe, in: .viaLinks) else { return nil }
            probe += 1
        }
        return nil
    }

    private func looksLikeObject(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isWord, !article.inTemporal[index] else { return false }
        if article.isWord(index, in: .objectOpeners) { return true }
        if article.isWord(index, in: .nonObjectWords) || token.capitalized { return false }
        if !article.classes(at: index).isEmpty { return false }
        if article.classes(at: index).contains(.temporary) { return false }
        return true
    }

    /// "the closure of X", "X's closure", "these closures" (a plural reference).
    private func nounTargets(start: Int, end: Int, sentence: Int, cue: Int) -> [Target]? {
        let range = article.sentences[sentence]
        // "the revocation of the licence of the consulate".
        if let via = compiled.viaNouns[cue] {
            guard end < range.upperBound, tokens[end].key == "of",
                let mention = viaTarget(from: end + 1, via: via, range: range)
            else { return nil }
            return group(from: mention).map { targetFor($0) }
        }
        if end < range.upperBound, tokens[end].key == "of", let mention = mentionStarting(near: end + 1) {
            return group(from: mention).map { targetFor($0) }
        }
        // "placed the embassy on ordered departure", "the embassy has been placed on ordered departure": the facility
        // put on the status, a few words before it.
        if start >= range.lowerBound + 2, tokens[start - 1].key == "on",
            let mention = mentions.indices.last(where: {
                mentions[$0].sentence == sentence && !mentions[$0].absorbed
                    && mentions[$0].range.upperBound <= start - 1 && start - 1 - mentions[$0].range.upperBound <= 4
            })
        {
            return [targetFor(mention)]
        }
        // "a drawdown of staff at the consulate", "ordered departure from the embassy".
        var probe = end
        if probe + 1 < range.upperBound, tokens[probe].key == "of", article.hasClass(.staff, at: probe + 1) {
            probe += 1 + (article.classLength(.staff, at: probe + 1) ?? 1)
        }
        if probe + 1 < range.upperBound, ["at", "from"].contains(tokens[probe].key),
            let mention = mentionStarting(near: probe + 1), compiled.lexicon.cues[cue].frame == .facility,
            compiled.lexicon.cues[cue].done == .evacuated
        {
            return [targetFor(mention)]
        }
        if start >= range.lowerBound + 2, tokens[start - 1].key == "'s",
            let mention = mentions.firstIndex(where: { $0.head.upperBound == start - 1 && !$0.absorbed })
        {
            return [targetFor(mention)]
        }
        // "These closures must be completed by ...": a plural noun refers back to the facts just reported.
        if tokens[start].key.hasSuffix("s"), start > range.lowerBound {
            if article.isWord(start - 1, in: .pluralReferenceOpeners)
                || NumberWords.value(of: tokens[start - 1]) != nil
            {
                var anaphor = Mention(
                    id: -1,
                    sentence: sentence,
                    range: (start - 1)..<end,
                    head: start..<end,
                    kindIndex: nil,
                    trigger: ""
                )
                anaphor.plural = true
                anaphor.definite = true
                if let count = NumberWords.value(of: tokens[start - 1]) { anaphor.count = count }
                return [Target(anaphorMention: anaphor)]
            }
        }
        return nil
    }

    func targetFor(_ mention: Int) -> Target {
        if mentions[mention].isAnaphor { return Target(anaphorMention: mentions[mention]) }
        return Target(mention: mention)
    }

    /// The mention and those coordinated with it ("X, Y and Z").
    func group(from first: Int) -> [Int] {
        var result = [first]
        var current = mentions[first]
        let sentenceMentions = mentions.indices.filter {
            mentions[$0].sentence == current.sentence && !mentions[$0].absorbed
        }
        while let next = sentenceMentions.first(where: { mentions[$0].range.lowerBound >= current.range.upperBound }) {
            let between = current.range.upperBound..<mentions[next].range.lowerBound
            guard !between.isEmpty, between.count <= 4,
                between.allSatisfy({ article.isWord($0, in: .targetConnectors) })
            else {
                break
            }
            result.append(next)
            current = mentions[next]
        }
        return result
    }

    // MARK: - Subject search

    /// The facility a cue's clause is about when it is not the object: the clause's first mention ("The annex in
    /// Addis Ababa, a rented villa ..., closed"), the antecedent of "which", or what "it" refers to.
    func subjectTargets(cueStart: Int, sentence: Int, transitive: Bool, relativeOnly: Bool = false) -> [Target]? {
        let range = article.sentences[sentence]
        var clauseEnd = cueStart
        var jumps = 0
        while true {
            let (clauseStart, boundary) = clauseStart(before: clauseEnd, sentence: sentence)
            let inClause = mentions.indices.filter {
                let mention = mentions[$0]
                return !mention.absorbed && mention.sentence == sentence && mention.range.lowerBound >= clauseStart
                    && mention.range.upperBound <= clauseEnd
            }
            let boundaryKey = boundary.map { tokens[$0].key }
            if boundaryKey == "which" || boundaryKey == "that", let boundary, isRelative(boundary, sentence: sentence) {
                // "the consulate in Tecun Uman, which Mexico reopened": the relative pronoun's antecedent.
                if let antecedent = nearestMention(endingBefore: boundary, sentence: sentence) {
                    return group(from: antecedent).map { targetFor($0) }
                }
                return nil
            }
            if relativeOnly { return nil }
            if let first = inClause.first, !isObjectOfPreposition(first, clauseStart: clauseStart) {
                return group(from: first).map { targetFor($0) }
            }
            if let first = inClause.first, inClause.count == 1, mentions[first].range.lowerBound > clauseStart,
                !transitive
            {
                // "Services at the consulate were suspended".
                return [targetFor(first)]
            }
            // A pronoun subject: "it was closed", "forced it to suspend services".
            if let pronoun = (clauseStart..<clauseEnd).first(where: {
                tokens[$0].key == "it" || tokens[$0].key == "they"
            }) {
                // "Canada said it would ...": the pronoun is the state named after the last facility.
                let lastMentionEnd =
                    nearestMention(endingBefore: pronoun, sentence: sentence).map { mentions[$0].range.upperBound }
                    ?? range.lowerBound
                if article.countryRefs[sentence].contains(where: {
                    $0.token >= lastMentionEnd && $0.token < pronoun && !$0.isLocation
                }) {
                    return nil
                }
                if let antecedent = nearestMention(endingBefore: pronoun, sentence: sentence)
                    ?? salientMention(before: sentence)
                {
                    return group(from: antecedent).map { targetFor($0) }
                }
                return nil
            }
            // "..., and resumed normal operations": the verb phrase shares the previous clause's subject.
            if let boundary, boundaryKey == "and" || boundaryKey == ",", jumps < 2, boundary > range.lowerBound,
                (boundary + 1..<cueStart).allSatisfy({ !tokens[$0].capitalized && mentionAt[$0] == nil })
            {
                clauseEnd = boundary
                jumps += 1
                continue
            }
            return nil
        }
    }

    /// "the consulate in Tecun Uman, on the border, which": a relative pronoun right after a facility phrase.
    private func isRelative(_ boundary: Int, sentence: Int) -> Bool {
        var end = boundary
        if end > 0, tokens[end - 1].key == "," {
            end -= 1
            // Skip one parenthetical: ", on the border,".
            if let mention = nearestMention(endingBefore: end, sentence: sentence),
                mentions[mention].range.upperBound >= end - 5
            {
                return true
            }
        }
        return mentions.contains { $0.sentence == sentence && !$0.absorbed && $0.range.upperBound == end }
    }

    /// "at the visa application centre" after a non-facility subject is not the subject.
    private func isObjectOfPreposition(_ mention: Int, clauseStart: Int) -> Bool {
        let start = mentions[mention].range.lowerBound
        guard start > clauseStart else { return false }
        return article.isWord(start - 1, in: .nonSubjectPrepositions)
    }

    /// The start of the clause that ends at `end`, and the boundary token that opened it.
    func clauseStart(before end: Int, sentence: Int) -> (Int, Int?) {
        let range = article.sentences[sentence]
        var index = end - 1
        let dash = article.datelineDash[sentence]
        var skippedAppositive = false
        while index >= range.lowerBound {
            if let dash, index == dash { return (index + 1, nil) }
            let key = tokens[index].key
            if key == "," && !skippedAppositive && index == end - 1 {
                // "X, a rented villa that housed ..., closed": skip back over the appositive.
                var open = index - 1
                while open > range.lowerBound && tokens[open].key != "," { open -= 1 }
                if open > range.lowerBound && tokens[open].key == "," && index - open < 16 {
                    skippedAppositive = true
                    index = open - 1
                    continue
                }
            }
            // "the U.S. Embassy in Yemen — one of 19 posts closed this month — has reopened": skip back over an
            // appositive between dashes to the subject before it.
            if Self.dashes.contains(key), index > range.lowerBound,
                let open = (max(range.lowerBound, index - 30)..<index).last(where: {
                    Self.dashes.contains(tokens[$0].key)
                }),
                open > range.lowerBound, mentions.contains(where: { $0.range.upperBound == open && !$0.absorbed })
            {
                index = open - 1
                continue
            }
            // `X "will be reopened on Tuesday", he said`: a quotation that opens inside the verb group leaves its
            // subject outside the quote.
            if Self.openingQuotes.contains(key), index + 1 < end, article.isWord(index + 1, in: .auxiliaries) {
                index -= 1
                continue
            }
            if article.isWord(index, in: .clauseBreaks) || article.isWord(index, in: .subjectBreaks) {
                if key == "that", index + 1 < range.upperBound, mentionAt[index + 1] != nil {
                    index -= 1
                    continue
                }
                if (key == "after" || key == "before") && article.inTemporal[index] {
                    index -= 1
                    continue
                }
                return (index + 1, index)
            }
            if key == "and", index > range.lowerBound, tokens[index - 1].key == "," { return (index + 1, index) }
            if key == "and", index + 1 < end, !tokens[index + 1].capitalized, mentionAt[index + 1] == nil,
                !["the", "its", "their", "his", "her", "all", "a", "an", "other"].contains(tokens[index + 1].key)
            {
                return (index + 1, index)
            }
            index -= 1
        }
        return (range.lowerBound, nil)
    }

    func nearestMention(endingBefore token: Int, sentence: Int) -> Int? {
        mentions.indices.last {
            let mention = mentions[$0]
            return !mention.absorbed && mention.sentence == sentence && mention.range.upperBound <= token
                && !mention.isAnaphor
        }
    }

    /// The facility of the most recent fact, or the last facility named before this sentence.
    func salientMention(before sentence: Int) -> Int? {
        mentions.indices.last {
            mentions[$0].sentence == sentence - 1 && !mentions[$0].absorbed && !mentions[$0].isAnaphor
        }
    }

    // MARK: - services frame

    func servicesTargets(start: Int, end: Int, payload: CompiledLexicon.CuePayload, sentence: Int) -> [Target]? {
        let range = article.sentences[sentence]
        var index = end
        while index < range.upperBound, article.isWord(index, in: .verbAdverbs) { index += 1 }
        var servicesEnd: Int?
        var probe = index
        var steps = 0
        while probe < range.upperBound && steps < 4 {
            if let length = article.classLength(.services, at: probe) {
                servicesEnd = probe + length
                // "consular services": take the longest run of service words.
                while let more = servicesEnd, more < range.upperBound,
                    let extra = article.classLength(.services, at: more)
                {
                    servicesEnd = more + extra
                }
                break
            }
            let key = tokens[probe].key
            guard
                [
                    "its", "their", "all", "normal", "regular", "some", "most", "the", "full", "consular", "visa",
                    "limited",
                ].contains(key)
            else { break }
            probe += 1
            steps += 1
        }
        if let servicesEnd {
            if servicesEnd < range.upperBound, ["at", "of", "in", "from"].contains(tokens[servicesEnd].key),
                let mention = mentionStarting(near: servicesEnd + 1)
            {
                return group(from: mention).map { targetFor($0) }
            }
            if payload.form == .noun { return nil }
            return subjectTargets(cueStart: start, sentence: sentence, transitive: false)
                ?? speakerTargets(before: start, sentence: sentence)
        }
        if payload.form == .noun {
            if end < range.upperBound, tokens[end].key == "of", let mention = mentionStarting(near: end + 1) {
                return group(from: mention).map { targetFor($0) }
            }
            return nil
        }
        if index < range.upperBound, looksLikeObject(index) || ["a", "an"].contains(tokens[index].key) { return nil }
        // Intransitive or passive: "the consulate's activities must end", "Services at the consulate were suspended".
        let (clauseStart, _) = clauseStart(before: start, sentence: sentence)
        let hasServices = (clauseStart..<start).contains { article.hasClass(.services, at: $0) }
        guard hasServices else { return nil }
        return subjectTargets(cueStart: start, sentence: sentence, transitive: false)
            ?? speakerTargets(before: start, sentence: sentence)
    }

    /// "The Consulate General of India in Jaffna said ... that normal operations had been restored": the speaker.
    private func speakerTargets(before cueStart: Int, sentence: Int) -> [Target]? {
        let range = article.sentences[sentence]
        guard
            let speech = (range.lowerBound..<cueStart).first(where: {
                article.isWord($0, in: .speakerVerbs)
            })
        else { return nil }
        guard
            let first = mentions.indices.first(where: {
                mentions[$0].sentence == sentence && !mentions[$0].absorbed && mentions[$0].range.upperBound <= speech
            })
        else { return nil }
        return [targetFor(first)]
    }

    // MARK: - relocation frame

    func relocationTargets(start: Int, end: Int, payload: CompiledLexicon.CuePayload, sentence: Int) -> [Target]? {
        let range = article.sentences[sentence]
        var base: [Target]?
        var searchFrom = end
        if payload.form == .noun {
            if end < range.upperBound, tokens[end].key == "of", let mention = mentionStarting(near: end + 1) {
                base = [targetFor(mention)]
                searchFrom = mentions[mention].range.upperBound
            }
        } else {
            var index = end
            while index < range.upperBound, article.isWord(index, in: .verbAdverbs) { index += 1 }
            if let mention = mentionStarting(near: index), mentions[mention].range.lowerBound <= index + 1 {
                base = group(from: mention).map { targetFor($0) }
                searchFrom = mentions[mention].range.upperBound
            } else {
                base = subjectTargets(cueStart: start, sentence: sentence, transitive: false)
                if base == nil {
                    // "The remaining diplomats will relocate temporarily to ...": the mission they staff.
                    let (clauseStart, _) = clauseStart(before: start, sentence: sentence)
                    if (clauseStart..<start).contains(where: { article.hasClass(.staff, at: $0) }),
                        let salient = salientFactMention(before: sentence)
                    {
                        base = [Target(implied: salient)]
                    }
                }
            }
        }
        guard var targets = base, !targets.isEmpty else { return nil }
        var destination: CityRef?
        var origin: CityRef?
        if let mention = targets.first?.mention {
            destination = mentions[mention].relocationTo
            origin = mentions[mention].relocationFrom
        }
        if destination == nil {
            var index = searchFrom
            while index < min(range.upperBound, searchFrom + 14) {
                let key = tokens[index].key
                if key == "from", origin == nil, let entity = article.entity[index + 1],
                    let city = finder.chooseCity(entity.cities)
                {
                    origin = city
                }
                // "moved its embassy to Jerusalem from Tel Aviv": the origin may follow the destination.
                if key == "to", destination == nil,
                    let (city, _) = finder.destination(at: index + 1, limit: range.upperBound)
                {
                    destination = city
                }
                if destination != nil, origin != nil { break }
                if key == ";" || key == "said" { break }
                index += 1
            }
        }
        guard let destination else { return nil }
        for index in targets.indices {
            targets[index].relocatedTo = destination
            targets[index].relocatedFrom = origin
            if var implied = targets[index].implied, let origin {
                implied.city = origin
                targets[index].implied = implied
            }
        }
        return targets
    }
}
