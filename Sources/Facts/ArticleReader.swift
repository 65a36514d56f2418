import Core

/// Reads one article: finds status cues, the facilities they govern, their mood and deadline, and produces
/// candidates (one per facility per cue occurrence), still unmerged.
///
/// A value type built per call, holding the article's annotations; it never outlives `FactExtractor.extract`.
struct ArticleReader {
    /// What a cue governs: a facility mention, a plural reference, or a facility implied by the clause.
    struct Target {
        var mention: Int?
        var implied: Draft?
        /// A plural reference ("these closures", "the three buildings") to facilities of earlier facts.
        var anaphorMention: Mention?
        var staff: Int?
        var staffLimit: Int?
        var relocatedTo: CityRef?
        var relocatedFrom: CityRef?
        var status: Status?
        var salient = false
    }

    /// A facility being resolved.
    struct Draft {
        var kind: Int
        var operatorCountry: CountryCode?
        var host: CountryCode?
        var city: CityRef?
        var trigger: String
        var penalty: Double = 0
    }

    /// Who acts around a cue: the directive's subject and object, and the clause's subject countries.
    struct CueContext {
        var sentence: Int
        var cueStart: Int
        var actor: CountryCode?
        var orderee: CountryCode?
        var ordereeMention: Int?
        var cueActor: Lexicon.Actor
        var subjects: [CountryCode]
        var status: Status
    }

    let compiled: CompiledLexicon
    let article: AnnotatedArticle
    let mentions: [Mention]
    /// Token index where a (non-absorbed) mention starts → mention index.
    let mentionAt: [Int: Int]
    let reference: (date: CivilDate?, anchor: Deadline.Anchor)
    let moodAnalyzer: CueMoodAnalyzer
    /// The article's mention finder, kept for the place and city readings the frames make (building one costs a
    /// pass over the article's country references).
    let finder: MentionFinder
    /// Dated time expressions per sentence, to tell news from background (see `place(of:cueStart:cueEnd:)`).
    let pastDates: [[(token: Int, end: CivilDate, yearOnly: Bool)]]
    var candidates: [Candidate] = []
    /// "the 5 p.m. deadline on Feb. 7" per sentence, for orders whose clause gives no date.
    var deadlineNouns: [(sentence: Int, expression: TemporalExpression)] = []
    /// Staff deadlines given by a later sentence ("The four diplomats must leave within a week").
    var pendingStaffDeadlines: [(candidate: Int, expression: TemporalExpression)] = []

    /// The article's tokens, stored (not read through `article`) so hot loops index one array without retaining it.
    let tokens: [Token]
    var lexicon: Lexicon { compiled.lexicon }
    var gazetteer: Gazetteer { compiled.gazetteer }

    init(compiled: CompiledLexicon, article: AnnotatedArticle, reference: (date: CivilDate?, anchor: Deadline.Anchor)) {
        self.compiled = compiled
        self.article = article
        tokens = article.tokens
        self.reference = reference
        finder = MentionFinder(article: article, compiled: compiled)
        let found = finder.find()
        mentions = found
        var starts: [Int: Int] = [:]
        for (index, mention) in found.enumerated() where !mention.absorbed {
            starts[mention.range.lowerBound] = index
        }
        mentionAt = starts
        var analyzer = CueMoodAnalyzer(article: article)
        analyzer.mentionTokens = Set(found.flatMap { Array($0.range) })
        moodAnalyzer = analyzer
        pastDates = Self.datedExpressions(article, reference: reference.date)
    }

    mutating func read() -> [Candidate] {
        for (sentence, range) in article.sentences.enumerated() {
            for expression in article.temporal[sentence] where expression.isDeadlineNoun {
                deadlineNouns.append((sentence, expression))
            }
            var earlier: [(end: Int, mood: CueMood)] = []
            var index = range.lowerBound
            while index < range.upperBound {
                let matches = article.cue[index]
                guard !matches.isEmpty else {
                    index += 1
                    continue
                }
                let longest = matches.map(\.length).max() ?? 1
                var handled = false
                for match in matches where match.length == longest {
                    if readCue(
                        at: index,
                        length: match.length,
                        payload: match.payload,
                        sentence: sentence,
                        earlier: &earlier
                    ) {
                        handled = true
                        break
                    }
                }
                index += handled ? longest : 1
            }
        }
        return candidates
    }

    // MARK: - One cue

    private mutating func readCue(
        at start: Int,
        length: Int,
        payload: CompiledLexicon.CuePayload,
        sentence: Int,
        earlier: inout [(end: Int, mood: CueMood)]
    ) -> Bool {
        let range = article.sentences[sentence]
        let end = start + length
        let cue = lexicon.cues[payload.cue]
        if payload.form != .noun, start > range.lowerBound, article.isWord(start - 1, in: .nounDeterminers) {
            return false
        }
        if payload.form == .noun, start > range.lowerBound, tokens[start - 1].key == "to" { return false }
        // "remains open", "is close to": an adjective, not the verb.
        if payload.form == .base, start > range.lowerBound, article.isWord(start - 1, in: .copulas) {
            return false
        }
        // "The annex in Hawassa, opened to support ...": a reduced relative clause describing the facility.
        // ("Several countries, including Sweden and Italy, suspended ..." is the main verb after an appositive.)
        if payload.form == .past, start > range.lowerBound, tokens[start - 1].key == ",",
            !moodAnalyzer.isPassive(cueStart: start, range: range),
            mentions.contains(where: { !$0.absorbed && $0.range.upperBound == start - 1 })
        {
            return false
        }
        var mood = moodAnalyzer.analyze(
            cueStart: start,
            cueEnd: end,
            form: payload.form,
            sentence: sentence,
            earlier: earlier
        )
        earlier.append((end, mood))
        // A cue that is itself an order ("revokes the licence of") dates what it orders.
        if cue.done == .orderedClosed { mood.ordered = true }
        var status = mood.ordered ? cue.ordered : cue.done
        if mood.temporary, let temporary = cue.temporary { status = temporary }
        var targets: [Target]?
        switch cue.frame {
        case .facility:
            targets = facilityTargets(start: start, end: end, payload: payload, cue: cue, sentence: sentence)
        case .services:
            targets = servicesTargets(start: start, end: end, payload: payload, sentence: sentence)
        case .staff:
            targets = staffTargets(start: start, end: end, payload: payload, cue: cue, mood: mood, sentence: sentence)
        case .relocation:
            targets = relocationTargets(start: start, end: end, payload: payload, sentence: sentence)
        }
        let expression = deadline(
            for: start,
            end: end,
            mood: mood,
            status: status,
            payload: payload,
            sentence: sentence
        )
        // "will be closed from Monday through Wednesday": a closure with an end is temporary.
        if let expression, isRangeStart(expression.expression), !mood.temporary, let temporary = cue.temporary {
            mood.temporary = true
            status = temporary
        }
        if let intent = mood.intent, mood.modality == .asserted, expression == nil, !isAnnounced(intent, sentence) {
            // "plans to close the consulate": an intention with no date and no announcement is not yet a decision.
            mood.modality = .hedged
        }
        let reading = CueReading(
            start: start,
            end: end,
            payload: payload,
            cue: cue,
            mood: mood,
            status: status,
            expression: expression,
            sentence: sentence
        )
        // "Posts closed Monday through Saturday:" and a list of posts, "Among the missions to reopen were ...": a
        // list the cue governs names its facilities outright, ahead of any reference back.
        let items = listTargets(after: start, sentence: sentence)
        if !items.isEmpty, produce(reading, targets: items) > 0 { return true }
        guard let targets, !targets.isEmpty else { return false }
        return produce(reading, targets: targets) > 0
    }

    /// "will resume consular services after a two-month suspension": a cue of a required earlier status later in
    /// the clause.
    private func statesPrior(_ statuses: [Status], after cueEnd: Int, sentence: Int) -> Bool {
        guard !statuses.isEmpty else { return false }
        let range = article.sentences[sentence]
        var index = cueEnd
        while index < range.upperBound, tokens[index].key != ";" {
            for match in article.cue[index] where statuses.contains(lexicon.cues[match.payload.cue].done) {
                return true
            }
            index += 1
        }
        return false
    }

    /// "announced its intention to", "confirmed plans to": an announcing verb just before the intention word.
    private func isAnnounced(_ intent: Int, _ sentence: Int) -> Bool {
        let range = article.sentences[sentence]
        var index = intent - 1
        while index >= range.lowerBound, intent - index <= 3 {
            if article.isWord(index, in: .announcingVerbs) { return true }
            index -= 1
        }
        return false
    }

    /// A cue as read in its clause: what the candidates it governs share.
    struct CueReading {
        var start: Int
        var end: Int
        var payload: CompiledLexicon.CuePayload
        var cue: Lexicon.Cue
        var mood: CueMood
        var status: Status
        var expression: (expression: TemporalExpression, superseded: Bool)?
        var sentence: Int
    }

    /// Resolves each target into facilities and records one candidate per facility; returns how many.
    private mutating func produce(_ reading: CueReading, targets: [Target]) -> Int {
        let (start, end, payload, cue, mood, status, expression, sentence) = (
            reading.start, reading.end, reading.payload, reading.cue, reading.mood, reading.status, reading.expression,
            reading.sentence
        )
        var context = context(sentence: sentence, cueStart: start, mood: mood, cue: cue, status: status)
        var produced = 0
        var inherited: CountryCode?
        let place = place(of: sentence, cueStart: start, cueEnd: end)
        for target in targets {
            var targetStatus = target.status ?? status
            if mood.temporary, target.status == nil, let temporary = cue.temporary { targetStatus = temporary }
            context.status = targetStatus
            if isBlocked(targetStatus, sentence: sentence) { continue }
            var drafts: [Draft] = []
            var viaAnaphor = false
            if let anaphor = target.anaphorMention {
                drafts = resolveAnaphor(
                    anaphor,
                    context: context,
                    hasDeadline: expression != nil,
                    isNoun: payload.form == .noun
                )
                viaAnaphor = true
            } else if let mentionIndex = target.mention {
                drafts = resolve(mentionIndex, context: context, inherited: inherited, place: target.relocatedFrom)
                if let first = drafts.first?.operatorCountry { inherited = first }
                if let from = target.relocatedFrom, mentions[mentionIndex].cities.isEmpty {
                    for index in drafts.indices { drafts[index].city = from }
                }
            } else if let implied = target.implied {
                drafts = [implied]
            }
            for draft in drafts {
                guard let facility = facility(from: draft) else { continue }
                var relocatedTo: String?
                if targetStatus == .relocated {
                    guard let destination = target.relocatedTo,
                        FacilityKeyText.slug(destination.name) != FacilityKeyText.slug(facility.city ?? "")
                    else {
                        continue
                    }
                    relocatedTo = destination.name
                }
                var confidence = 0.9 - draft.penalty
                if sentence < article.headlineSentences { confidence -= 0.08 }
                if viaAnaphor { confidence -= 0.12 }
                if !(draft.city?.known ?? false) { confidence -= 0.2 }
                if facility.operatorCountry == nil { confidence -= 0.2 }
                var candidate = Candidate(
                    facility: facility,
                    status: targetStatus,
                    modality: mood.modality,
                    sentence: sentence,
                    cue: payload.cue,
                    expression: expression?.expression,
                    superseded: expression?.superseded ?? false,
                    staff: target.staff,
                    staffLimit: target.staffLimit,
                    relocatedTo: relocatedTo,
                    confidence: min(0.99, max(0.3, confidence)),
                    knownCity: draft.city?.known ?? false,
                    facilityKey: key(of: facility)
                )
                candidate.viaAnaphor = viaAnaphor
                candidate.place = place
                candidate.looseNoun = payload.form == .noun && !mood.ordered && expression == nil
                candidate.priorStated = statesPrior(cue.requiresPrior, after: end, sentence: sentence)
                candidates.append(candidate)
                produced += 1
            }
        }
        return produced
    }

    /// `facility.key.rawValue`, computed without Foundation for ASCII names.
    private func key(of facility: Facility) -> String {
        let key = FacilityKeyText.make(facility)
        // Debug builds (the tests) check the fast form against Core's on every candidate.
        assert(key == facility.key.rawValue, "fast facility key \(key) differs from \(facility.key.rawValue)")
        return key
    }

    private func isBlocked(_ status: Status, sentence: Int) -> Bool {
        for group in article.nonFactGroups[sentence] {
            let nonFact = lexicon.nonFacts[group]
            if nonFact.blocksAll || nonFact.blocks.contains(status) { return true }
        }
        return false
    }

    private func context(sentence: Int, cueStart: Int, mood: CueMood, cue: Lexicon.Cue, status: Status) -> CueContext {
        let refs = article.countryRefs[sentence]
        var actor: CountryCode?
        var orderee: CountryCode?
        var ordereeMention: Int?
        if let directive = mood.directive {
            actor = refs.last { $0.end <= directive && !$0.isLocation && !$0.isAdjective }?.code
            if let next = refs.first(where: { $0.token > directive && $0.token <= directive + 2 && !$0.isLocation }) {
                orderee = next.code
            } else if let mention = mentionStarting(near: directive + 1) {
                ordereeMention = mention
            }
        }
        var subjects: [CountryCode] = []
        if let last = refs.last(where: { $0.end <= cueStart && !$0.isLocation && !isInsideMention($0.token) }) {
            subjects = refs.filter { $0.group == last.group && !$0.isLocation }.map(\.code)
        }
        if cue.actor == .host, actor == nil {
            actor = subjects.first
        }
        return CueContext(
            sentence: sentence,
            cueStart: cueStart,
            actor: actor,
            orderee: orderee,
            ordereeMention: ordereeMention,
            cueActor: cue.actor,
            subjects: subjects,
            status: status
        )
    }

    func isInsideMention(_ token: Int) -> Bool {
        mentions.contains { $0.range.contains(token) && $0.head.lowerBound > token && !$0.operators.isEmpty }
    }

    func mentionStarting(near index: Int) -> Int? {
        var found = mentionAt[index]
        // "several of its embassies", "four of the five consulates", "all of the missions": the part of a whole is
        // still the facilities named.
        if found == nil, index + 2 < tokens.count, tokens[index + 1].key == "of",
            article.isWord(index, in: .partitives) || tokens[index].kind == .number
                || NumberWords.value(of: tokens[index]) != nil
        {
            found = mentionAt[index + 2]
        }
        if found == nil, index + 1 < tokens.count, tokens[index].key == "the" || tokens[index].key == "its" {
            found = mentionAt[index + 1]
        }
        // "the seizure of the embassy's bank accounts": the facility only qualifies the object.
        if let mention = found, mentions[mention].range.upperBound < tokens.count,
            tokens[mentions[mention].range.upperBound].key == "'s"
        {
            return nil
        }
        return found
    }
}
