import Core

/// Merges an article's candidates into one fact per (facility, status): the strongest evidence, the most specific
/// deadline, "the same deadline" borrowed from the facts it refers to, and restorations kept only after a reported
/// suspension.
struct FactMerger {
    let article: AnnotatedArticle
    let lexicon: Lexicon
    let resolve: (TemporalExpression) -> Deadline

    func merge(
        _ candidates: [Candidate],
        deadlineNouns: [(sentence: Int, expression: TemporalExpression)]
    ) -> FactExtraction {
        // "Germany shuts Russian consulates" over a body that says they must close by year-end: the body's status.
        let bodyFamilies = Set(
            candidates.filter { $0.modality == .asserted && !$0.headlinePresent }.map {
                "\($0.facilityKey)|\($0.family)"
            }
        )
        let bodyStatuses = Set(
            candidates.filter { $0.modality == .asserted && !$0.headlinePresent }.map(\.mergeKey)
        )
        let asserted = candidates.filter { candidate in
            guard candidate.modality == .asserted else { return false }
            guard candidate.headlinePresent else { return true }
            return !bodyFamilies.contains("\(candidate.facilityKey)|\(candidate.family)")
                || bodyStatuses.contains(candidate.mergeKey)
        }
        var order: [String] = []
        var groups: [String: [Candidate]] = [:]
        for candidate in asserted {
            var key = candidate.mergeKey
            if candidate.facility.operatorCountry == nil {
                // An owner-less reading joins the one owned reading of the same kind, city and status.
                let suffix = key.drop { $0 != ":" }
                let owned = order.filter { $0.hasSuffix(suffix) && !$0.hasPrefix("xx:") }
                if owned.count == 1 { key = owned[0] }
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(candidate)
        }
        // Owned readings found later absorb earlier owner-less ones.
        for key in order where key.hasPrefix("xx:") {
            let suffix = key.drop { $0 != ":" }
            let owned = order.filter { $0.hasSuffix(suffix) && !$0.hasPrefix("xx:") }
            if owned.count == 1, let items = groups[key] {
                groups[owned[0], default: []].append(contentsOf: items)
                groups[key] = nil
            }
        }
        order = order.filter { groups[$0] != nil }
        var facts: [Fact] = []
        var sameDeadline: [Int] = []
        for key in order {
            let items = groups[key]!
            var best = items[0]
            for item in items.dropFirst() where item.confidence > best.confidence + 0.001 {
                best = item
            }
            // The most specific name ("Consulate General of Russia in ...") among the readings.
            let longestName = items.map(\.facility.name).max { $0.count < $1.count } ?? best.facility.name
            let chosen = chooseDeadline(items)
            let deadline = chosen?.deadline
            let range = article.sentences[best.sentence]
            let start = article.tokens[range.lowerBound].start
            let end = article.tokens[range.upperBound - 1].end
            var fact = Fact(
                facility: best.facility,
                status: best.status,
                deadline: deadline,
                staff: items.lazy.compactMap(\.staff).first,
                staffLimit: items.lazy.compactMap(\.staffLimit).first,
                relocatedTo: items.lazy.compactMap(\.relocatedTo).first,
                modality: .asserted,
                confidence: items.map(\.confidence).max() ?? best.confidence,
                evidence: Evidence(sentence: article.text(range), span: TextSpan(start: start, end: end))
            )
            if let sentence = chosen?.sentence, sentence != best.sentence {
                fact.deadlineEvidence = evidence(of: sentence)
            }
            if fact.staff != nil { fact.staffLimit = nil }
            fact.facility.name = longestName
            if deadline == nil,
                items.contains(where: {
                    if case .sameDeadline = $0.expression?.value { return true } else { return false }
                })
            {
                sameDeadline.append(facts.count)
            }
            fact.facility.hostCountry = items.lazy.compactMap(\.facility.hostCountry).first
            facts.append(fact)
        }
        // "by the same deadline": the deadline of the facts of the same status and owner.
        for index in sameDeadline {
            let fact = facts[index]
            let donors = facts.enumerated().filter {
                $0.offset != index && $0.element.status == fact.status && $0.element.deadline?.value != nil
            }
            let sameOwner = donors.filter { $0.element.facility.operatorCountry == fact.facility.operatorCountry }
            let pool = sameOwner.isEmpty ? donors : sameOwner
            if let donor = pool.max(by: {
                Self.specificity($0.element.deadline!) < Self.specificity($1.element.deadline!)
            }) {
                var deadline = donor.element.deadline!
                if let phrase = groups.values.flatMap({ $0 }).first(where: {
                    $0.mergeKey == Candidate.mergeKey(fact.facility, fact.status)
                        && $0.expression?.value == .sameDeadline
                })?.expression?.phrase {
                    deadline.phrase = phrase
                }
                facts[index].deadline = deadline
            }
        }
        // "closed ... hours before the 5 p.m. deadline on Feb. 7": the order's deadline.
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
        // A restoration needs the suspension it ends.
        let factKeys = facts.map { FacilityKeyText.make($0.facility) }
        facts = zip(facts, factKeys).filter { fact, key in
            let requirements = candidates.filter { $0.status == fact.status && $0.facilityKey == key }
                .flatMap { lexicon.cues[$0.cue].requiresPrior }
            guard !requirements.isEmpty else { return true }
            return zip(facts, factKeys).contains { $0.1 == key && requirements.contains($0.0.status) }
        }.map(\.0)
        return FactExtraction(facts: facts, rejected: rejected(candidates, facts: facts))
    }

    /// The most specific deadline: a current explicit one (not "initially"), a clock time over the same date
    /// without one, then anything resolved, then an unresolved phrase.
    private func chooseDeadline(_ items: [Candidate]) -> (deadline: Deadline, sentence: Int)? {
        let explicit = items.filter { $0.expression != nil && !($0.expression!.isAnaphoric) }
        let current = explicit.filter { !$0.superseded }
        let pool = current.isEmpty ? explicit : current
        var chosen: (deadline: Deadline, sentence: Int)?
        for item in pool {
            let deadline = resolve(item.expression!)
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

    /// A sentence as evidence: its text and its span in the article text.
    private func evidence(of sentence: Int) -> Evidence {
        let range = article.sentences[sentence]
        let start = article.tokens[range.lowerBound].start
        let end = article.tokens[range.upperBound - 1].end
        return Evidence(sentence: article.text(range), span: TextSpan(start: start, end: end))
    }

    private static func specificity(_ deadline: Deadline) -> Int {
        deadline.value?.minuteOfDay != nil ? 2 : 1
    }

    private func rejected(_ candidates: [Candidate], facts: [Fact]) -> [Fact] {
        var seen = Set<String>()
        var result: [Fact] = []
        for candidate in candidates where candidate.modality != .asserted {
            let key = "\(candidate.mergeKey):\(candidate.modality.rawValue)"
            guard seen.insert(key).inserted else { continue }
            let range = article.sentences[candidate.sentence]
            let start = article.tokens[range.lowerBound].start
            let end = article.tokens[range.upperBound - 1].end
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
                    evidence: Evidence(sentence: article.text(range), span: TextSpan(start: start, end: end))
                )
            )
        }
        return result
    }
}
