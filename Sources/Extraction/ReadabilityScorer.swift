/// Finds the article by text statistics when the page labels no container: Readability's paragraph scoring.
///
/// Each paragraph with at least 25 letters scores 1 + its commas + a point per 100 letters (at most 3); the score
/// flows to its parent in full, to the grandparent by half and further up by 1/(3·level). An ancestor starts from a
/// prior for its tag and class, and its total shrinks by its link density. The best ancestor, widened to siblings
/// that score well or read like prose, is the article.
struct ReadabilityScorer {
    let scope: ContentScope

    private var model: PageModel { scope.model }

    /// The best candidate and the siblings merged with it, in document order; empty when nothing scored.
    func candidates() -> [Int] {
        let root = scope.root
        let count = scope.end - root
        var scores = [Double](repeating: .nan, count: count)
        for paragraph in paragraphs() {
            guard paragraph.letters >= 25 else { continue }
            let points = 1 + Double(paragraph.commas) + min(Double(paragraph.letters / 100), 3)
            var ancestor = paragraph.firstAncestor
            var level = 0
            while ancestor >= root, level < 5 {
                let local = ancestor - root
                if scores[local].isNaN { scores[local] = prior(ancestor) }
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level * 3))
                scores[local] += points / divider
                if ancestor == root { break }
                ancestor = model.parent(ancestor)
                level += 1
            }
        }
        var best = -1
        var bestScore = -Double.infinity
        for local in 0..<count where !scores[local].isNaN {
            let index = root + local
            scores[local] *= 1 - scope.totals(index).linkDensity
            if scores[local] > bestScore {
                bestScore = scores[local]
                best = index
            }
        }
        guard best >= 0 else { return [] }
        best = climb(from: best, scores: scores)
        return mergeSiblings(of: best, scores: scores)
    }

    /// A run of prose to score: a `p`, `pre` or table cell, a `div` holding only inline content, or the inline text
    /// written directly inside a block that also has block children (Readability wraps such runs in a `<p>`).
    private struct Paragraph {
        var letters: Int32
        var commas: Int32
        /// The first element that receives the paragraph's points in full.
        var firstAncestor: Int
    }

    private func paragraphs() -> [Paragraph] {
        let root = scope.root
        let count = scope.end - root
        var hasBlockChild = [Bool](repeating: false, count: count)
        var inlineLetters = [Int32](repeating: 0, count: count)
        var inlineCommas = [Int32](repeating: 0, count: count)
        var owner = [Int](repeating: root, count: count)
        for index in root..<scope.end where !scope.isExcluded(index) {
            let local = index - root
            let parent = model.parent(index)
            let parentOwner = index == root ? root : owner[parent - root]
            switch model.kinds[index] {
            case .text:
                inlineLetters[parentOwner - root] += model.letters[index]
                inlineCommas[parentOwner - root] += model.commas[index]
            case .lineBreak, .link, .inline:
                owner[local] = parentOwner
            default:
                owner[local] = index
                if index != root { hasBlockChild[parent - root] = true }
            }
        }
        var result: [Paragraph] = []
        for index in root + 1..<scope.end where !scope.isExcluded(index) {
            let local = index - root
            guard inlineLetters[local] > 0 else { continue }
            switch model.kinds[index] {
            case .paragraph, .preformatted, .tableCell:
                let totals = scope.totals(index)
                result.append(
                    Paragraph(letters: totals.letters, commas: totals.commas, firstAncestor: model.parent(index))
                )
            case .text, .lineBreak, .link, .inline:
                break
            default:
                let parent = hasBlockChild[local] ? index : model.parent(index)
                result.append(
                    Paragraph(letters: inlineLetters[local], commas: inlineCommas[local], firstAncestor: parent)
                )
            }
        }
        return result
    }

    /// The starting score of an ancestor: a tag prior plus the class weight.
    private func prior(_ index: Int) -> Double {
        let tagPrior: Double
        switch model.name(index) {
        case "div": tagPrior = 5
        case "pre", "td", "blockquote": tagPrior = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": tagPrior = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": tagPrior = -5
        default: tagPrior = 0
        }
        return tagPrior + Double(model.signals[index].weight)
    }

    private func score(_ index: Int, _ scores: [Double]) -> Double? {
        guard index >= scope.root, index < scope.end else { return nil }
        let value = scores[index - scope.root]
        return value.isNaN ? nil : value
    }

    /// Moves up while an ancestor scores higher, and through parents that only wrap the candidate.
    private func climb(from start: Int, scores: [Double]) -> Int {
        var best = start
        guard var lastScore = score(best, scores) else { return best }
        let threshold = lastScore / 3
        var parent = model.parent(best)
        while parent > scope.root, model.tag(parent) != .body {
            guard let parentScore = score(parent, scores) else {
                parent = model.parent(parent)
                continue
            }
            if parentScore < threshold { break }
            if parentScore > lastScore {
                best = parent
                break
            }
            lastScore = parentScore
            parent = model.parent(parent)
        }
        while true {
            let parent = model.parent(best)
            guard parent > scope.root, model.tag(parent) != .body, elementChildren(of: parent).count == 1 else {
                break
            }
            best = parent
        }
        return best
    }

    /// The candidate plus siblings that score at least a fifth of it, or that read as prose paragraphs.
    private func mergeSiblings(of best: Int, scores: [Double]) -> [Int] {
        let parent = model.parent(best)
        guard parent >= scope.root else { return [best] }
        let bestScore = score(best, scores) ?? 0
        let threshold = max(10, bestScore * 0.2)
        let bestClass = model.attribute(.className, best)
        var result: [Int] = []
        for sibling in elementChildren(of: parent) {
            if sibling == best {
                result.append(sibling)
                continue
            }
            let bonus =
                (bestClass != nil && !bestClass!.isEmpty && model.attribute(.className, sibling) == bestClass)
                ? bestScore * 0.2 : 0
            if let siblingScore = score(sibling, scores), siblingScore + bonus >= threshold {
                result.append(sibling)
                continue
            }
            guard model.kinds[sibling] == .paragraph else { continue }
            let totals = scope.totals(sibling)
            if totals.letters > 80, totals.linkDensity < 0.25 {
                result.append(sibling)
            } else if totals.letters > 0, totals.letters <= 80, totals.linkLetters == 0,
                model.tree.text(under: sibling).includes(". ")
            {
                result.append(sibling)
            }
        }
        return result
    }

    private func elementChildren(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = model.end(index)
        while child < end {
            if model.kinds[child] != .text, !scope.isExcluded(child) { result.append(child) }
            child = model.end(child)
        }
        return result
    }
}
