import Core

/// Resolves an article's candidates into one claim per facility: the article's own view of each facility, with the
/// mentions that support it.
///
/// News copy mentions a facility several times, and not every mention says the same thing: the headline compresses
/// ("Germany shuts consulate"), the lead states the decision ("will close on Thursday"), background recalls earlier
/// steps ("closed in 2017", "had announced in May"), and a bare noun names the event without saying whether it was
/// ordered or done ("the closure of"). The resolution ranks the mentions the way a reader weighs them:
/// - only asserted mentions count (a hedged, negated or conditional one never makes a claim);
/// - the body outweighs the headline and page furniture, and news outweighs background;
/// - a clause (an order, a modal, a done event) outweighs a loose noun;
/// - among the strongest mentions, the status furthest along the facility's life cycle wins (an order and the
///   closure it ordered: the closure), since an article reports the latest step;
/// - the deadline comes from the winning status's own mentions, else from those of the same event (the day a
///   closure takes effect serves the order and the closure alike), the most specific first.
struct ClaimResolver {
    let article: AnnotatedArticle
    let lexicon: Lexicon
    /// The date the article's relative expressions resolve against: an order due after it is still pending.
    let reference: CivilDate?
    let resolve: (TemporalExpression) -> Deadline

    func resolve(
        _ candidates: [Candidate],
        deadlineNouns: [(sentence: Int, expression: TemporalExpression)]
    ) -> FactExtraction {
        let asserted = candidates.filter { $0.modality == .asserted }.map { candidate in
            var candidate = candidate
            if let expression = candidate.expression, !expression.isAnaphoric {
                candidate.deadline = resolve(expression)
            }
            return candidate
        }
        var order: [String] = []
        var groups: [String: [Candidate]] = [:]
        for candidate in asserted {
            var key = candidate.facilityMergeKey
            if candidate.facility.operatorCountry == nil {
                // An owner-less reading joins the one owned reading of the same kind and city.
                let suffix = key.drop { $0 != ":" }
                let owned = order.filter { $0.hasSuffix(suffix) && !$0.hasPrefix("xx:") }
                if owned.count == 1 { key = owned[0] }
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(candidate)
        }
        // Owned readings found later absorb earlier owner-less ones; where several owners have such a facility in
        // that city ("Several countries relocate embassies from Kyiv"), the owner-less reading is one of them,
        // unresolved, and adds nothing.
        for key in order where key.hasPrefix("xx:") {
            let suffix = key.drop { $0 != ":" }
            let owned = order.filter { $0.hasSuffix(suffix) && !$0.hasPrefix("xx:") }
            if owned.count == 1, let items = groups[key] {
                groups[owned[0], default: []].append(contentsOf: items)
                groups[key] = nil
            } else if owned.count > 1 {
                groups[key] = nil
            }
        }
        order = order.filter { groups[$0] != nil }
        // A restoration needs the suspension it ends, reported for the same facility.
        for key in order {
            groups[key] = groups[key]!.filter { candidate in
                let requirements = lexicon.cues[candidate.cue].requiresPrior
                guard !requirements.isEmpty, !candidate.priorStated else { return true }
                return groups[key]!.contains { requirements.contains($0.status) }
            }
        }
        var facts: [Fact] = []
        var sameDeadline: [Int] = []
        for key in order {
            let items = groups[key]!.sorted { $0.sentence < $1.sentence }
            guard let best = strongest(items) else { continue }
            // A description of the past alone ("opened in 1972") reports no change.
            if best.place == .background && best.status == .opened { continue }
            let chosen = chooseDeadline(for: best, among: items)
            var fact = Fact(
                facility: best.facility,
                status: best.status,
                deadline: chosen?.deadline,
                staff: items.lazy.filter { $0.status == best.status }.compactMap(\.staff).first,
                staffLimit: items.lazy.filter { $0.status == best.status }.compactMap(\.staffLimit).first,
                relocatedTo: items.lazy.filter { $0.status == best.status }.compactMap(\.relocatedTo).first,
                modality: .asserted,
                confidence: confidence(of: best, among: items),
                evidence: evidence(of: best.sentence),
                support: support(items)
            )
            if let sentence = chosen?.sentence, sentence != best.sentence {
                fact.deadlineEvidence = evidence(of: sentence)
            }
            if fact.staff != nil { fact.staffLimit = nil }
            // The most specific name ("Consulate General of Russia in ...") among the readings.
            fact.facility.name = items.map(\.facility.name).max { $0.count < $1.count } ?? best.facility.name
            fact.facility.hostCountry = items.lazy.compactMap(\.facility.hostCountry).first
            if fact.deadline == nil,
                items.contains(where: { $0.status == best.status && $0.expression?.value == .sameDeadline })
            {
                sameDeadline.append(facts.count)
            }
            facts.append(fact)
        }
        borrowSameDeadlines(&facts, at: sameDeadline, candidates: asserted)
        applyDeadlineNouns(&facts, deadlineNouns: deadlineNouns, candidates: candidates)
        return FactExtraction(facts: facts, rejected: rejected(candidates))
    }

    // MARK: - Choosing the status

    /// How much a mention weighs: where it stands, and whether it is a clause or a loose noun.
    static func weight(_ candidate: Candidate) -> Int {
        var weight = 0
        switch candidate.place {
        case .body: break
        case .headline, .furniture: weight -= 2
        case .background: weight -= 4
        }
        if candidate.looseNoun { weight -= 1 }
        if candidate.viaAnaphor { weight -= 1 }
        return weight
    }

    /// The mention whose status the claim takes: the heaviest, then the furthest along the life cycle, then the one
    /// with a deadline, then the first.
    ///
    /// A closure reported as done gives way to an order of the same weight that is due after the story ("Norway
    /// shuts Peru's consulate ... ordered Peru to close it by June 12"): the closure is the order, told loosely.
    func strongest(_ items: [Candidate]) -> Candidate? {
        let heaviest = items.map(Self.weight).max()
        let pendingOrder = items.contains {
            Self.weight($0) == heaviest && $0.status == .orderedClosed && isDueLater($0)
        }
        func rank(_ item: Candidate) -> Int {
            if pendingOrder, Candidate.deadlineFamily(of: item.status) == "close", item.status != .orderedClosed,
                !isDueLater(item)
            {
                return StatusPrecedence.rank(.orderedClosed) - 1
            }
            return StatusPrecedence.rank(item.status)
        }
        var best: Candidate?
        for item in items {
            guard let current = best else {
                best = item
                continue
            }
            let lhs = (Self.weight(item), rank(item), item.expression != nil ? 1 : 0)
            let rhs = (Self.weight(current), rank(current), current.expression != nil ? 1 : 0)
            if lhs > rhs { best = item }
        }
        return best
    }

    /// The mention's own deadline falls after the reference date.
    private func isDueLater(_ item: Candidate) -> Bool {
        guard let reference, let due = item.deadline?.value?.date else { return false }
        return due > reference
    }

    private func confidence(of best: Candidate, among items: [Candidate]) -> Double {
        let strongest = items.filter { Self.weight($0) == Self.weight(best) }.map(\.confidence).max()
        var confidence = strongest ?? best.confidence
        if best.place == .background { confidence -= 0.2 }
        return min(0.99, max(0.3, confidence))
    }

    // MARK: - Choosing the deadline

    /// The deadline of the winning status's own mentions, else of the same event's (not background ones), the most
    /// specific first: a current explicit one (not "initially"), a clock time over the same date without one, then
    /// anything resolved, then an unresolved phrase.
    private func chooseDeadline(for best: Candidate, among items: [Candidate]) -> (deadline: Deadline, sentence: Int)? {
        let own = items.filter { $0.status == best.status && $0.place != .background }
        if let found = mostSpecificDeadline(own.isEmpty ? [best] : own) { return found }
        let family = Candidate.deadlineFamily(of: best.status)
        let related = items.filter {
            $0.status != best.status && Candidate.deadlineFamily(of: $0.status) == family && $0.place != .background
        }
        return mostSpecificDeadline(related)
    }

    private func mostSpecificDeadline(_ items: [Candidate]) -> (deadline: Deadline, sentence: Int)? {
        let explicit = items.filter { $0.expression != nil && !($0.expression!.isAnaphoric) }
        let current = explicit.filter { !$0.superseded }
        let pool = current.isEmpty ? explicit : current
        var chosen: (deadline: Deadline, sentence: Int)?
        for item in pool {
            let deadline = item.deadline ?? resolve(item.expression!)
            guard let existing = chosen?.deadline else {
                chosen = (deadline, item.sentence)
                continue
            }
            if existing.value == nil && deadline.value != nil {
                chosen = (deadline, item.sentence)
            } else if let old = existing.value, let new = deadline.value, old.date == new.date, old.minuteOfDay == nil,
                new.minuteOfDay != nil
            {
                chosen = (deadline, item.sentence)
            }
        }
        return chosen
    }

    /// "by the same deadline": the deadline of the facts of the same status and owner.
    private func borrowSameDeadlines(_ facts: inout [Fact], at indices: [Int], candidates: [Candidate]) {
        for index in indices {
            let fact = facts[index]
            let donors = facts.enumerated().filter {
                $0.offset != index && $0.element.status == fact.status && $0.element.deadline?.value != nil
            }
            let sameOwner = donors.filter { $0.element.facility.operatorCountry == fact.facility.operatorCountry }
            let pool = sameOwner.isEmpty ? donors : sameOwner
            guard
                let donor = pool.max(by: {
                    Self.specificity($0.element.deadline!) < Self.specificity($1.element.deadline!)
                })
            else { continue }
            var deadline = donor.element.deadline!
            let key = Candidate.mergeKey(fact.facility, fact.status)
            if let phrase = candidates.first(where: { $0.mergeKey == key && $0.expression?.value == .sameDeadline })?
                .expression?.phrase
            {
                deadline.phrase = phrase
            }
            facts[index].deadline = deadline
        }
    }

    /// "closed ... hours before the 5 p.m. deadline on Feb. 7": the order's deadline.
    private func applyDeadlineNouns(
        _ facts: inout [Fact],
        deadlineNouns: [(sentence: Int, expression: TemporalExpression)],
        candidates: [Candidate]
    ) {
        for (sentence, expression) in deadlineNouns {
            let deadline = resolve(expression)
            guard deadline.value != nil else { continue }
            let named = Set(candidates.filter { $0.sentence == sentence }.map(\.facilityKey))
            for index in facts.indices
            where facts[index].status == .orderedClosed && facts[index].deadline == nil
                && named.contains(FacilityKeyText.make(facts[index].facility))
            {
                facts[index].deadline = deadline
                if facts[index].evidence != evidence(of: sentence) {
                    facts[index].deadlineEvidence = evidence(of: sentence)
                }
            }
        }
    }

    private static func specificity(_ deadline: Deadline) -> Int {
        deadline.value?.minuteOfDay != nil ? 2 : 1
    }

    // MARK: - Evidence

    /// A sentence as evidence: its text and its span in the article text.
    private func evidence(of sentence: Int) -> Evidence {
        let range = article.sentences[sentence]
        let start = article.tokens[range.lowerBound].start
        let end = article.tokens[range.upperBound - 1].end
        return Evidence(sentence: article.text(range), span: TextSpan(start: start, end: end))
    }

    /// One entry per sentence and status, in text order.
    private func support(_ items: [Candidate]) -> [Support] {
        var seen = Set<String>()
        var result: [Support] = []
        for item in items where seen.insert("\(item.sentence):\(item.status.rawValue)").inserted {
            let evidence = evidence(of: item.sentence)
            result.append(
                Support(status: item.status, place: item.place, sentence: evidence.sentence, span: evidence.span)
            )
        }
        return result
    }

    private func rejected(_ candidates: [Candidate]) -> [Fact] {
        var seen = Set<String>()
        var result: [Fact] = []
        for candidate in candidates where candidate.modality != .asserted {
            let key = "\(candidate.mergeKey):\(candidate.modality.rawValue)"
            guard seen.insert(key).inserted else { continue }
            result.append(
                Fact(
                    facility: candidate.facility,
                    status: candidate.status,
                    deadline: candidate.expression.flatMap { $0.isAnaphoric ? nil : resolve($0) },
                    staff: candidate.staff,
                    staffLimit: candidate.staffLimit,
                    relocatedTo: candidate.relocatedTo,
                    modality: candidate.modality,
                    confidence: candidate.confidence,
                    evidence: evidence(of: candidate.sentence)
                )
            )
        }
        return result
    }
}
