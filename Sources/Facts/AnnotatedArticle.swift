import Core

/// An article's tokens with everything the lexicon and gazetteer recognise in them, computed once per article.
struct AnnotatedArticle {
    struct EntityMatch {
        var length: Int
        var countries: [Int] = []
        var demonyms: [Int] = []
        var cities: [Int] = []
        var regions: [Int] = []
    }

    /// A mention of a state: by name, demonym, or a capital used for its government ("Moscow said").
    struct CountryRef: Hashable {
        var token: Int
        var end: Int
        var code: CountryCode
        /// Written as a location ("in Tanzania"), not as an actor or owner.
        var isLocation: Bool
        /// Part of "X, Y and Z".
        var group: Int
        /// A demonym used as an adjective ("the Bulgarian ambassador"), which names no actor.
        var isAdjective = false
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let sentences: [Range<Int>]
    /// Sentences of the headline paragraph.
    let headlineSentences: Int
    /// Per sentence: part of a photo caption or of a link to another story (see `furnitureSentences`).
    let furniture: [Bool]
    var entity: [EntityMatch?]
    var kind: [(length: Int, payload: CompiledLexicon.KindPayload)?]
    var cue: [[(length: Int, payload: CompiledLexicon.CuePayload)]]
    var wordClass: [[(length: Int, classes: WordClass)]]
    /// Every time expression of each sentence, read once by the TIMEX3 grammar: deadlines, the reference date and
    /// the TIMEX3 tags of an extraction all come from these.
    var timex: [[TimexMatch]]
    /// The expressions of each sentence that can be deadlines, read from `timex` with their signal words.
    var temporal: [[TemporalExpression]]
    var inTemporal: [Bool]
    /// Token index of a dateline's dash ("MOSCOW - ..."), per sentence.
    var datelineDash: [Int?]
    var countryRefs: [[CountryRef]]
    /// Non-fact groups present, per sentence.
    var nonFactGroups: [Set<Int>]
    /// The lexicon's single-word lists, which the rules test tokens against (``isWord(_:in:)``).
    let lists: WordListTable
    /// The lexicon's deadline signals and the time grammar's words, for readers of the tags after annotation.
    let signals: DeadlineSignals.Signals
    let timexWords: TimexWords.Table

    init(text: String, hasHeadline: Bool, compiled: CompiledLexicon) {
        scalars = Array(text.unicodeScalars)
        var words = Tokenizer.tokenize(scalars)
        for index in words.indices {
            words[index].word = compiled.vocabulary.id(of: words[index].key, hash: words[index].keyHash)
        }
        tokens = words
        lists = compiled.wordLists
        signals = compiled.deadlineSignals
        timexWords = compiled.timexWords
        sentences = SentenceSplitter().ranges(of: tokens)
        var headline = 0
        if hasHeadline {
            for range in sentences {
                if range.lowerBound > 0 && tokens[range.lowerBound].paragraphStart { break }
                headline += 1
            }
        }
        headlineSentences = headline
        furniture = Self.furnitureSentences(tokens: tokens, sentences: sentences, compiled: compiled)
        let count = tokens.count
        entity = Array(repeating: nil, count: count)
        kind = Array(repeating: nil, count: count)
        cue = Array(repeating: [], count: count)
        wordClass = Array(repeating: [], count: count)
        inTemporal = Array(repeating: false, count: count)
        timex = []
        temporal = []
        datelineDash = []
        countryRefs = []
        nonFactGroups = []
        for range in sentences {
            let matches = TimexTagger.matches(tokens, in: range, words: compiled.timexWords)
            let expressions = DeadlineReader.expressions(
                tokens,
                sentence: range,
                matches: matches,
                scalars: scalars,
                words: compiled.timexWords,
                signals: compiled.deadlineSignals,
                lists: compiled.wordLists
            )
            timex.append(matches)
            for expression in expressions {
                for index in expression.range { inTemporal[index] = true }
            }
            temporal.append(expressions)
            var groups = Set<Int>()
            for index in range {
                let limit = range.upperBound
                if let match = compiled.kinds.longest(tokens, at: index, limit: limit) {
                    kind[index] = (match.length, match.payloads[0])
                }
                for match in compiled.cues.matches(tokens, at: index, limit: limit) {
                    for payload in match.payloads { cue[index].append((match.length, payload)) }
                }
                // "May 6", "in May": the month, not the modal.
                let isMonth =
                    tokens[index].key == "may" && tokens[index].capitalized
                    && (index > range.lowerBound || index + 1 < limit && tokens[index + 1].kind == .number)
                for match in compiled.classes.matches(tokens, at: index, limit: limit) where !isMonth {
                    wordClass[index].append((match.length, match.payloads.reduce(WordClass()) { $0.union($1) }))
                }
                for match in compiled.nonFacts.matches(tokens, at: index, limit: limit) {
                    groups.formUnion(match.payloads)
                }
            }
            nonFactGroups.append(groups)
            datelineDash.append(Self.datelineDash(tokens, range))
        }
        tagEntities(compiled)
        for (number, range) in sentences.enumerated() {
            countryRefs.append(collectCountryRefs(range, sentence: number, compiled: compiled))
        }
    }

    /// Classes of phrases starting at `index`.
    func classes(at index: Int) -> WordClass {
        wordClass[index].reduce(WordClass()) { $0.union($1.classes) }
    }

    func hasClass(_ wordClass: WordClass, at index: Int) -> Bool {
        self.wordClass[index].contains { $0.classes.contains(wordClass) }
    }

    func classLength(_ wordClass: WordClass, at index: Int) -> Int? {
        self.wordClass[index].last { $0.classes.contains(wordClass) }?.length
    }

    /// Whether the token at `index` is a word of the lexicon's `list` (a speech verb, a place noun, ...).
    func isWord(_ index: Int, in list: WordList) -> Bool {
        lists.contains(list, tokens[index])
    }

    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return Tokenizer.string(scalars, tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    func sentence(containing token: Int) -> Int {
        sentences.firstIndex { $0.contains(token) } ?? 0
    }

    // MARK: - Entities

    private mutating func tagEntities(_ compiled: CompiledLexicon) {
        for range in sentences {
            var index = range.lowerBound
            while index < range.upperBound {
                let token = tokens[index]
                guard token.isWord, !inTemporal[index] || token.capitalized else {
                    index += 1
                    continue
                }
                var best: EntityMatch?
                for match in compiled.entities.matches(tokens, at: index, limit: range.upperBound) {
                    let first = firstContentToken(index, match.length)
                    var entry = EntityMatch(length: match.length)
                    for payload in match.payloads {
                        if payload.capitalsOnly {
                            guard
                                (index..<index + match.length).allSatisfy({ tokens[$0].allCaps || !tokens[$0].isWord })
                            else { continue }
                        } else if !tokens[first].capitalized {
                            continue
                        }
                        switch payload.payload {
                        case .country(let country): entry.countries.append(country)
                        case .demonym(let country): entry.demonyms.append(country)
                        case .city(let city): entry.cities.append(city)
                        case .region(let region): entry.regions.append(region)
                        }
                    }
                    if !entry.countries.isEmpty || !entry.demonyms.isEmpty || !entry.cities.isEmpty
                        || !entry.regions.isEmpty
                    {
                        best = entry
                    }
                }
                if let best, !(inTemporal[index] && isZoneWord(index + best.length)) {
                    entity[index] = best
                    index += best.length
                } else {
                    index += 1
                }
            }
        }
    }

    /// "Moscow time": a city naming a time zone is not a place in the story.
    private func isZoneWord(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].key == "time"
    }

    private func firstContentToken(_ start: Int, _ length: Int) -> Int {
        if tokens[start].key == "the" && length > 1 { return start + 1 }
        return start
    }

    private func collectCountryRefs(_ range: Range<Int>, sentence: Int, compiled: CompiledLexicon) -> [CountryRef] {
        var refs: [CountryRef] = []
        var group = 0
        var index = range.lowerBound
        let dash = datelineDash[sentence]
        while index < range.upperBound {
            guard let match = entity[index] else {
                index += 1
                continue
            }
            defer { index += match.length }
            if let dash, index < dash { continue }
            if inTemporal[index] { continue }
            let previous = index > range.lowerBound ? tokens[index - 1].key : ""
            let isLocation =
                index > range.lowerBound && isWord(index - 1, in: .locativePrepositions)
                || (previous == "the" && index >= range.lowerBound + 2 && isWord(index - 2, in: .locativePrepositions))
            var codes: [CountryCode] = match.countries.map { compiled.gazetteer.countries[$0].code }
            if codes.isEmpty {
                codes = match.demonyms.map { compiled.gazetteer.countries[$0].code }
            }
            if codes.isEmpty, !isLocation, let cityIndex = match.cities.first {
                // A capital as the subject or owner stands for its government ("Moscow ordered", "Kampala has").
                let city = compiled.gazetteer.cities[cityIndex]
                if let country = compiled.gazetteer.country(code: city.country),
                    Gazetteer.key(country.capital) == Gazetteer.key(city.name),
                    !isFollowedByFacility(index + match.length)
                {
                    codes = [city.country]
                }
            }
            guard let code = codes.first else { continue }
            let next = index + match.length < range.upperBound ? tokens[index + match.length].key : ""
            let nextIsActor = !next.isEmpty && isWord(index + match.length, in: .actorNouns)
            let adjective =
                match.countries.isEmpty && !match.demonyms.isEmpty && !nextIsActor
                && tokens[index + match.length - 1].key.last != "s" && !next.isEmpty && next.first!.isLetter
            // A country coordinated with the previous one ("Russia and Belarus") stays in its group, which is
            // always the newest one.
            let coordinated = refs.last.map { isCoordinated($0.end, index) } ?? false
            if !coordinated { group += 1 }
            refs.append(
                CountryRef(
                    token: index,
                    end: index + match.length,
                    code: code,
                    // "from Tunisia and Sudan": a country coordinated with a place is a place too.
                    isLocation: isLocation || coordinated && refs.last!.isLocation,
                    group: group,
                    isAdjective: adjective
                )
            )
        }
        return refs
    }

    private func isFollowedByFacility(_ index: Int) -> Bool {
        guard index < tokens.count else { return false }
        if let match = kind[index] {
            if case .exclude = match.payload { return false }
            return true
        }
        return false
    }

    /// Only commas, "and", "or" and a possessive lie between two country names.
    private func isCoordinated(_ end: Int, _ start: Int) -> Bool {
        guard start > end else { return false }
        for index in end..<start where !isWord(index, in: .countryConnectors) {
            return false
        }
        return true
    }

    /// "MOSCOW - ...", "BUENOS AIRES, March 18 - ...", "MOSCOW/WASHINGTON - ...": the dash after a capitals place.
    private static func datelineDash(_ tokens: [Token], _ range: Range<Int>) -> Int? {
        guard tokens[range.lowerBound].paragraphStart, tokens[range.lowerBound].allCaps else { return nil }
        var index = range.lowerBound
        let limit = min(range.upperBound, range.lowerBound + 14)
        while index < limit {
            let text = tokens[index].text
            // A hyphen joining two words ("non-essential") is no dateline dash.
            let joinsWords =
                index > range.lowerBound && index + 1 < range.upperBound
                && tokens[index - 1].end == tokens[index].start && tokens[index].end == tokens[index + 1].start
            if text == "-" || text == "\u{2013}" || text == "\u{2014}", !joinsWords {
                return index > range.lowerBound ? index : nil
            }
            index += 1
        }
        return nil
    }
}
