/// Finds the element the page itself marks as the article: `itemprop=articleBody`, an "article-body" class, the
/// `<article>` element, then broader "content" and `<main>` wrappers.
///
/// Most publishing systems label their article container, and that label is a stronger signal than any text
/// statistic (trafilatura's container XPaths carry most of its score). Levels are tried from the most specific;
/// within a level the container with the most non-link text wins, and at the first level several containers
/// with the same class are read together (bodies split around ads or paywall markers).
struct ContainerFinder {
    let model: PageModel
    /// The page measured with only hidden and never-text nodes removed.
    let page: ContentScope

    /// Below this much non-link text a matching element is a teaser or a label, not the article.
    static let minimumLetters: Int32 = 150

    /// The chosen containers in document order, or an empty array when the page labels none.
    func find() -> [Int] {
        var levels = [[Int]](repeating: [], count: 5)
        for index in 0..<model.kinds.count where model.kinds[index] != .text {
            if page.isExcluded(index) { continue }
            if let level = level(of: index) { levels[level - 1].append(index) }
        }
        for (offset, candidates) in levels.enumerated() {
            let viable = candidates.filter { page.totals($0).plainLetters >= Self.minimumLetters }
            guard let best = viable.max(by: { page.totals($0).plainLetters < page.totals($1).plainLetters }) else {
                continue
            }
            let tight = tightest(best, among: viable)
            guard offset == 0 else { return [tight] }
            return siblingsLike(tight, among: viable)
        }
        return []
    }

    /// A nested container of the same level that holds at least 70% of `best`'s text: then the outer one is a
    /// wrapper whose extra text is furniture (a page-wide "body-content" around the "article-inner-content").
    private func tightest(_ best: Int, among candidates: [Int]) -> Int {
        var current = best
        while let inner = candidates.filter({ $0 > current && $0 < model.end(current) }).max(by: {
            page.totals($0).plainLetters < page.totals($1).plainLetters
        }), Double(page.totals(inner).plainLetters) >= 0.7 * Double(page.totals(current).plainLetters) {
            current = inner
        }
        return current
    }

    /// `best` plus the other containers with the same tag and class that are not nested in each other.
    private func siblingsLike(_ best: Int, among candidates: [Int]) -> [Int] {
        let signature = model.attribute(.className, best)
        var chosen: [Int] = []
        for candidate in candidates.sorted() {
            guard
                candidate == best
                    || (model.tag(candidate) == model.tag(best) && model.attribute(.className, candidate) == signature)
            else { continue }
            if let last = chosen.last, candidate < model.end(last) { continue }
            chosen.append(candidate)
        }
        return chosen.contains(best) ? chosen : [best]
    }

    /// 1 (most specific) to 5, or `nil` when the element is not a container candidate.
    func level(of index: Int) -> Int? {
        let tag = model.tag(index)
        // Body classes describe the page type ("single-post"), not a container within it.
        if tag == .body || tag == .html { return nil }
        let tree = model.tree
        if !tree.hasAttributes(index) {
            if tag == .article { return 2 }
            if tag == .main { return 5 }
            return nil
        }
        let signals = model.signals[index]
        if signals.isBoilerplate, !signals.isPositive { return nil }
        if let itemprop = tree.attribute(.itemprop, index), itemprop.lowercased().includes("articlebody") { return 1 }
        if signals.containerLevel == 1 { return 1 }
        if tag == .article { return 2 }
        if signals.containerLevel == 3 || signals.containerLevel == 4 { return Int(signals.containerLevel) }
        if tag == .main { return 5 }
        if signals.containerLevel == 5 { return 5 }
        return nil
    }
}
