import Core

/// How a cue is meant in its clause: asserted or not, and ordered/decided or reported as done.
struct CueMood: Sendable {
    var modality: Fact.Modality = .asserted
    /// Ordered by a government, obligatory, or announced for the future ("ordered to close", "must", "will").
    var ordered = false
    /// The directive verb ("ordered", "told", "gave"), when one governs the cue.
    var directive: Int?
    /// A modal or future marker of the cue's own verb group ("will open", "must close").
    var future = false
    /// "temporarily closed", "closed to the public".
    var temporary = false
    /// Leftmost token of the governing chain, where the cue's deadline window starts ("gave X until Monday to").
    var governorStart: Int
    /// The word of a stated intention that governs the cue ("plans to", "its intention to"): the reading decides
    /// whether it is a fact once it knows the cue's date.
    var intent: Int?
    /// "must", "has to": an obligation, as opposed to a plain future ("will leave").
    var obligated = false
}

/// Reads the words before (and a few after) a cue to decide its mood, using the lexicon's `[mood]` lists.
///
/// The scan walks left from the cue to the start of its clause (a speech verb, a relative pronoun, a semicolon,
/// a dateline dash), collecting negation, hedges, conditions, modals and the directive verb. A cue coordinated with
/// an earlier one ("ordered Japan to close X and to vacate Y") inherits that cue's mood.
struct CueMoodAnalyzer {
    let article: AnnotatedArticle
    /// Tokens inside facility mentions, which may lie between two coordinated cues.
    var mentionTokens: Set<Int> = []

    private let tokens: [Token]

    init(article: AnnotatedArticle) {
        self.article = article
        tokens = article.tokens
    }

    func analyze(
        cueStart: Int,
        cueEnd: Int,
        form: CompiledLexicon.VerbForm,
        sentence: Int,
        earlier: [(end: Int, mood: CueMood)]
    ) -> CueMood {
        let range = article.sentences[sentence]
        if form == .noun {
            return nounMood(cueStart: cueStart, cueEnd: cueEnd, range: range, earlier: earlier)
        }
        var mood = CueMood(governorStart: cueStart)
        var negated = false
        var hedged = false
        var conditional = false
        var obligation = false
        var future = false
        var sawTo = false
        var index = cueStart - 1
        var steps = 0
        let dash = article.datelineDash[sentence]
        scan: while index >= range.lowerBound && steps < 18 {
            steps += 1
            let token = tokens[index]
            if let dash, index <= dash { break }
            if article.inTemporal[index] {
                index -= 1
                continue
            }
            if let previous = earlier.last(where: { $0.end == index + 1 }),
                !negated && !hedged && !obligation && !future && !conditional,
                (previous.end..<cueStart).allSatisfy({
                    article.isWord($0, in: .cueConnectors) || mentionTokens.contains($0)
                })
            {
                // Coordinated with an earlier cue: share its governor.
                let inherited = previous.mood
                mood.ordered = inherited.ordered
                mood.directive = inherited.directive
                mood.governorStart = inherited.governorStart
                if inherited.modality != .asserted { mood.modality = inherited.modality }
                return finish(mood, negated: false, hedged: false, conditional: false, cueEnd: cueEnd, range: range)
            }
            // "..., and Britain withdrew": a new subject with a verb of its own starts a clause the earlier verbs do
            // not govern ("ordered Japan to close X and Russia to vacate Y" keeps its directive).
            if token.key == "and" || token.key == "but", let subject = article.entity[index + 1],
                index + 1 + subject.length <= cueStart, tokens[index + 1].capitalized,
                tokens[index + 1 + subject.length].isWord, !tokens[index + 1 + subject.length].capitalized,
                !["to", "and", "or"].contains(tokens[index + 1 + subject.length].key)
            {
                break
            }
            let classes = article.classes(at: index)
            if token.key == "that", index + 1 < range.upperBound, article.kind[index + 1] == nil,
                !classes.contains(.hedge)
            {
                // "demanding that the consulate's activities cease": the directive governs the clause.
                // "Russia's demand in July that ...": a time phrase may sit between the directive and "that".
                var probe = index - 1
                while probe > range.lowerBound, index - probe <= 4,
                    article.inTemporal[probe] || article.isWord(probe, in: .timePrepositions)
                        || NumberWords.months[tokens[probe].key] != nil
                        || NumberWords.weekdays[tokens[probe].key] != nil
                {
                    probe -= 1
                }
                if probe >= range.lowerBound, article.classes(at: probe).contains(.directive) {
                    index = probe
                    continue
                }
                // "denied reports that it would close", "speculation that the embassy may shut".
                var back = index - 1
                while back >= range.lowerBound && back >= index - 3 {
                    let before = article.classes(at: back)
                    if before.contains(.negation) { negated = true }
                    if before.contains(.hedge) || article.isWord(back, in: .hearsayNouns) { hedged = true }
                    back -= 1
                }
                break
            }
            if classes.contains(.negation) { negated = true }
            if classes.contains(.conditional) {
                conditional = true
                break
            }
            if classes.contains(.directive) {
                mood.directive = index
                mood.governorStart = index
                // "could order", "did not order", "threatened to order".
                let before = governorModifiers(before: index, floor: max(range.lowerBound, (dash ?? -1) + 1))
                negated = negated || before.negated
                hedged = hedged || before.hedged
                conditional = conditional || before.conditional
                break scan
            }
            if classes.contains(.hedge) {
                hedged = true
                mood.governorStart = index
                break
            }
            if classes.contains(.intent) {
                // "plans to reopen", "announced its intention to shut down": ordered if it stands.
                mood.intent = index
                mood.governorStart = index
                future = true
                let before = governorModifiers(before: index, floor: max(range.lowerBound, (dash ?? -1) + 1))
                negated = negated || before.negated
                hedged = hedged || before.hedged
                conditional = conditional || before.conditional
                break
            }
            // "Moscow's decision to close the consulate": the decision heads its own noun phrase; what governs it
            // does not govern the closure.
            if tokens[index].key == "decision", classes.contains(.future) {
                future = true
                mood.governorStart = index
                break
            }
            if classes.contains(.obligation) {
                obligation = true
                mood.governorStart = index
            } else if classes.contains(.future) {
                if token.key == "to" {
                    sawTo = true
                } else {
                    future = true
                    mood.governorStart = index
                }
            }
            if article.isWord(index, in: .clauseBreaks) { break }
            index -= 1
        }
        // "is closing", "was closing its consulates": the progressive of a decision reports it as under way, not
        // done (news uses it for announced measures).
        // "were being closed": the passive progressive, a closure under way.
        let passiveProgressive =
            form == .past && cueStart >= range.lowerBound + 2 && tokens[cueStart - 1].key == "being"
            && article.isWord(cueStart - 2, in: .beForms)
        let progressive = form == .gerund && isProgressive(cueStart: cueStart, range: range) || passiveProgressive
        if form == .gerund, gerundSubjectIsHedged(cueStart: cueStart, cueEnd: cueEnd, range: range) { hedged = true }
        mood.obligated = obligation
        mood.future = future || obligation || progressive
        mood.ordered = mood.directive != nil || obligation || future || progressive || (sawTo && form == .base)
        if form == .noun && mood.directive == nil && !obligation && !future {
            mood.ordered = false
            if modalFollows(cueEnd: cueEnd, range: range) {
                mood.ordered = true
                mood.future = true
            }
        }
        return finish(mood, negated: negated, hedged: hedged, conditional: conditional, cueEnd: cueEnd, range: range)
    }

    /// A directive verb whose object is a noun phrase ("ordered the expulsion of 35 diplomats"), the first of a
    /// coordination ending at `conjunction`: found within a dozen words, before any clause break or other verb.
    private func coordinatingDirective(before conjunction: Int, range: Range<Int>) -> Int? {
        var index = conjunction - 1
        while index >= range.lowerBound, conjunction - index <= 12 {
            let key = tokens[index].key
            if article.isWord(index, in: .clauseBreaks) || key == "and" { return nil }
            if article.classes(at: index).contains(.directive) {
                // The directive's object must be a noun phrase ("ordered the"), not a clause ("ordered Peru to").
                guard index + 1 < conjunction, ["the", "a", "an", "its", "their"].contains(tokens[index + 1].key)
                else { return nil }
                return index
            }
            index -= 1
        }
        return nil
    }

    /// "These closures must be completed by ...": a modal right after a noun cue makes it an order.
    /// Negation, hedge and condition words among the four tokens before a governing verb, scanning left up to
    /// and including a clause break, and not below `floor`.
    private func governorModifiers(before index: Int, floor: Int) -> (negated: Bool, hedged: Bool, conditional: Bool) {
        var found = (negated: false, hedged: false, conditional: false)
        var back = index - 1
        while back >= floor && back >= index - 4 {
            let before = article.classes(at: back)
            if before.contains(.negation) { found.negated = true }
            if before.contains(.hedge) { found.hedged = true }
            if before.contains(.conditional) { found.conditional = true }
            if article.isWord(back, in: .clauseBreaks) { break }
            back -= 1
        }
        return found
    }

    private func modalFollows(cueEnd: Int, range: Range<Int>) -> Bool {
        var ahead = cueEnd
        while ahead < range.upperBound && ahead < cueEnd + 4 {
            let classes = article.classes(at: ahead)
            if classes.contains(.obligation) || classes.contains(.future) && tokens[ahead].key != "to" { return true }
            ahead += 1
        }
        return false
    }

    private func finish(
        _ input: CueMood,
        negated: Bool,
        hedged: Bool,
        conditional: Bool,
        cueEnd: Int,
        range: Range<Int>
    ) -> CueMood {
        var mood = input
        var isConditional = conditional
        // "would reopen if ...": a condition right after the cue, in the same clause.
        var index = cueEnd
        while index < range.upperBound && index < cueEnd + 14 {
            let key = tokens[index].key
            if key == ";" || key == "," && index > cueEnd + 1 { break }
            if article.classes(at: index).contains(.conditional) && key != "once" {
                isConditional = true
                break
            }
            index += 1
        }
        // "If Sofia does not withdraw, Russia will close its embassy": a main clause after an "if" clause.
        if !isConditional, mainClauseIsConditional(cueStart: mood.governorStart, range: range) { isConditional = true }
        var sentenceHedge = false
        for position in range where article.hasClass(.sentenceHedge, at: position) {
            sentenceHedge = true
            break
        }
        if negated {
            mood.modality = .negated
        } else if isConditional {
            mood.modality = .conditional
        } else if hedged || sentenceHedge {
            mood.modality = .hedged
        }
        let low = max(range.lowerBound, mood.governorStart - 3)
        let high = min(range.upperBound, cueEnd + 6)
        for position in low..<high where article.hasClass(.temporary, at: position) {
            mood.temporary = true
            break
        }
        return mood
    }

    /// A noun cue ("the closure of X") takes its mood from the word that governs its noun phrase: "ordered the
    /// closure" is an order, "could order the closure" a hedge, "in retaliation for the closure" a reported event.
    private func nounMood(
        cueStart: Int,
        cueEnd: Int,
        range: Range<Int>,
        earlier: [(end: Int, mood: CueMood)]
    ) -> CueMood {
        var mood = CueMood(governorStart: cueStart)
        var index = cueStart - 1
        var skipped = 0
        while index >= range.lowerBound, skipped < 4,
            article.isWord(index, in: .cueModifiers) || article.entity[index] != nil
        {
            index -= 1
            skipped += 1
        }
        // "ordered the expulsion of 35 diplomats and the closure of two compounds": a noun coordinated with an
        // earlier cue of the clause shares its governor.
        if index >= range.lowerBound, tokens[index].key == "and" || tokens[index].key == ",",
            let previous = earlier.last, previous.end <= index, previous.mood.directive != nil,
            !(previous.end..<index).contains(where: { article.isWord($0, in: .clauseBreaks) })
        {
            var inherited = previous.mood
            inherited.temporary = false
            return finish(inherited, negated: false, hedged: false, conditional: false, cueEnd: cueEnd, range: range)
        }
        // The same when the first noun is no cue of ours ("ordered the expulsion of 35 diplomats and the closure of
        // two compounds"): the directive governs every noun phrase it coordinates.
        if index >= range.lowerBound, tokens[index].key == "and" || tokens[index].key == ",",
            let directive = coordinatingDirective(before: index, range: range)
        {
            var mood = CueMood(governorStart: directive)
            mood.ordered = true
            mood.directive = directive
            let (negated, hedged, conditional) = governorModifiers(before: directive, floor: range.lowerBound)
            return finish(
                mood,
                negated: negated,
                hedged: hedged,
                conditional: conditional,
                cueEnd: cueEnd,
                range: range
            )
        }
        var negated = false
        var hedged = false
        var conditional = false
        if index >= range.lowerBound {
            let classes = article.classes(at: index)
            if classes.contains(.directive) || classes.contains(.obligation)
                || classes.contains(.future) && tokens[index].key != "to"
            {
                mood.ordered = true
                mood.directive = classes.contains(.directive) ? index : nil
                mood.governorStart = index
                (negated, hedged, conditional) = governorModifiers(before: index, floor: range.lowerBound)
            } else if classes.contains(.hedge) {
                hedged = true
            } else if classes.contains(.negation) {
                negated = true
            }
            // "could eventually lead to a reopening": a modal further left in the clause still hedges the noun.
            var back = index - 1
            while back >= range.lowerBound, back >= index - 5, !mood.ordered {
                if article.isWord(back, in: .clauseBreaks) { break }
                let before = article.classes(at: back)
                if before.contains(.hedge) { hedged = true }
                if before.contains(.negation) { negated = true }
                if before.contains(.conditional) { conditional = true }
                back -= 1
            }
        }
        if modalFollows(cueEnd: cueEnd, range: range) || takesEffect(after: cueEnd, range: range) {
            mood.ordered = true
            mood.future = true
        }
        return finish(mood, negated: negated, hedged: hedged, conditional: conditional, cueEnd: cueEnd, range: range)
    }

    /// "The closure of the embassy, announced last week, takes effect on Monday": a decided event with a start date.
    private func takesEffect(after cueEnd: Int, range: Range<Int>) -> Bool {
        var index = cueEnd
        while index + 1 < range.upperBound, index < cueEnd + 16 {
            let key = tokens[index].key
            if key == ";" { return false }
            if ["take", "takes", "took"].contains(key), tokens[index + 1].key == "effect" { return key != "took" }
            if ["come", "comes"].contains(key), tokens[index + 1].key == "into", index + 2 < range.upperBound,
                ["force", "effect"].contains(tokens[index + 2].key)
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// A conditional before the cue ("if", "unless") with a modal between them ("would", "will", "could"): the
    /// cue's clause is the consequence of the condition.
    private func mainClauseIsConditional(cueStart: Int, range: Range<Int>) -> Bool {
        guard
            let condition = (range.lowerBound..<cueStart).last(where: {
                article.classes(at: $0).contains(.conditional) && ["if", "unless"].contains(tokens[$0].key)
            })
        else { return false }
        return (condition + 1..<cueStart).contains { article.isWord($0, in: .consequenceModals) }
    }

    /// "Closing the consulate would be an equal response": a gerund that opens its clause is a noun, and a modal
    /// after its object hedges it.
    func gerundSubjectIsHedged(cueStart: Int, cueEnd: Int, range: Range<Int>) -> Bool {
        let opensClause =
            cueStart == range.lowerBound
            || ["\"", "\u{201C}", "\u{2018}", ":", ";"].contains(tokens[cueStart - 1].key)
        guard opensClause else { return false }
        var index = cueEnd
        while index < min(range.upperBound, cueEnd + 12) {
            let key = tokens[index].key
            if key == ";" { return false }
            if article.isWord(index, in: .hedgingModals) { return true }
            index += 1
        }
        return false
    }

    /// A form of "be" right before a gerund cue, adverbs aside ("is closing", "was also preparing").
    private func isProgressive(cueStart: Int, range: Range<Int>) -> Bool {
        var index = cueStart - 1
        while index >= range.lowerBound, cueStart - index <= 3 {
            let key = tokens[index].key
            if article.isWord(index, in: .beForms) { return key != "being" }
            if !article.isWord(index, in: .progressiveAdverbs) { return false }
            index -= 1
        }
        return false
    }

    /// True when a form of "be" sits in the cue's verb group ("was vacated", "will be closed").
    func isPassive(cueStart: Int, range: Range<Int>) -> Bool {
        var index = cueStart - 1
        var steps = 0
        while index >= range.lowerBound && steps < 4 {
            if article.isWord(index, in: .beForms) { return true }
            if !article.isWord(index, in: .passiveAdverbs) { return false }
            index -= 1
            steps += 1
        }
        return false
    }
}
