import Core

/// Lists of facilities governed by one cue: "The following posts will be closed ...:" over one post per line, or
/// "The closures are: U.S. embassies in Amman, Jordan; Cairo, Egypt; ...".
///
/// Official notices and the stories that quote them list the facilities after a colon, each item a bare name
/// ("U.S. Embassy Amman, Jordan") with no verb of its own: the cue before the colon is the status of each.
extension ArticleReader {
    /// The facilities listed after a colon that follows the cue: in the rest of its sentence, or, when the colon
    /// ends the sentence, in the short paragraphs that follow, one facility each, up to the first that is not one.
    func listTargets(after cueStart: Int, sentence: Int) -> [Target] {
        let range = article.sentences[sentence]
        // "Among the missions to reopen on Sunday were the embassy in Abu Dhabi and the consulate in Dubai".
        if tokens[range.lowerBound].key == "among",
            let copula = (cueStart..<range.upperBound).first(where: { article.isWord($0, in: .listCopulas) })
        {
            return mentions.indices.filter {
                mentions[$0].sentence == sentence && !mentions[$0].absorbed && !mentions[$0].isGeneric
                    && mentions[$0].range.lowerBound > copula
            }.map { targetFor($0) }
        }
        guard let colon = (cueStart..<range.upperBound).first(where: { tokens[$0].key == ":" }) else { return [] }
        var targets: [Target] = []
        for (index, mention) in mentions.enumerated()
        where mention.sentence == sentence && !mention.absorbed && mention.range.lowerBound > colon
            && !mention.isGeneric
        {
            targets.append(targetFor(index))
        }
        guard colon == range.upperBound - 1 else { return targets }
        var next = sentence + 1
        while next < article.sentences.count, let item = listItem(next) {
            targets.append(targetFor(item))
            next += 1
        }
        return targets
    }

    /// The facility a list item names: a paragraph of its own that is one facility phrase and little else
    /// ("U.S. Embassy Antananarivo, Madagascar").
    private func listItem(_ sentence: Int) -> Int? {
        let range = article.sentences[sentence]
        guard tokens[range.lowerBound].paragraphStart else { return nil }
        let found = mentions.indices.first {
            mentions[$0].sentence == sentence && !mentions[$0].absorbed && !mentions[$0].isGeneric
        }
        guard let found else { return nil }
        let mention = mentions[found]
        guard mention.range.lowerBound <= range.lowerBound + 1, !mention.cities.isEmpty else { return nil }
        // A place tail (", Madagascar") and closing punctuation may follow; a verb may not.
        let rest = (mention.range.upperBound..<range.upperBound).filter { tokens[$0].isWord }
        guard rest.count <= 3, rest.allSatisfy({ article.entity[$0] != nil || tokens[$0].capitalized }) else {
            return nil
        }
        return found
    }
}
