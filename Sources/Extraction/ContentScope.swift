/// One subtree of a page with a ``PrunePolicy`` applied: which nodes are dropped, and how much text and link text
/// each remaining element holds.
///
/// Computed in three linear passes over the subtree's index range: exclusions top-down (a child of a dropped node
/// is dropped), sums bottom-up (children have larger indices than their parents), then link-density exclusions
/// top-down using those sums.
struct ContentScope {
    /// Text measures of one element, summed over the nodes that survive pruning.
    struct Totals: Sendable {
        var letters: Int32 = 0
        var linkLetters: Int32 = 0
        var commas: Int32 = 0
        /// `<a>` elements holding text.
        var links: Int32 = 0
        /// Of those, links under 10 letters ("1", "next", "Share").
        var shortLinks: Int32 = 0
        /// Letters inside `<p>` elements.
        var paragraphLetters: Int32 = 0

        mutating func add(_ other: Totals) {
            letters += other.letters
            linkLetters += other.linkLetters
            commas += other.commas
            links += other.links
            shortLinks += other.shortLinks
            paragraphLetters += other.paragraphLetters
        }

        var linkDensity: Double { letters > 0 ? Double(linkLetters) / Double(letters) : 0 }
        var plainLetters: Int32 { letters - linkLetters }
    }

    let model: PageModel
    let root: Int
    let end: Int
    private(set) var excluded: [Bool]
    private(set) var totals: [Totals]
    private var inLink: [Bool]

    /// - Parameter measure: The whole page under ``PrunePolicy/minimal``, to tell a layout wrapper (which holds
    ///   most of the text) from the furniture its tag or class names suggest.
    init(model: PageModel, root: Int, policy: PrunePolicy, measure: ContentScope? = nil) {
        self.model = model
        self.root = root
        self.end = model.end(root)
        let count = end - root
        excluded = [Bool](repeating: false, count: count)
        totals = [Totals](repeating: Totals(), count: count)
        inLink = [Bool](repeating: false, count: count)
        markExclusions(policy: policy, measure: measure)
        sumTotals()
        if policy.dropsLinkDenseBlocks {
            markLinkDenseBlocks()
            totals = [Totals](repeating: Totals(), count: count)
            sumTotals()
        }
    }

    func isExcluded(_ index: Int) -> Bool { excluded[index - root] }

    func totals(_ index: Int) -> Totals { totals[index - root] }

    func isInLink(_ index: Int) -> Bool { inLink[index - root] }

    // MARK: - Passes

    private mutating func markExclusions(policy: PrunePolicy, measure: ContentScope?) {
        var inParagraph = [Bool](repeating: false, count: end - root)
        for index in root..<end {
            let local = index - root
            let parent = model.parent(index)
            let parentLocal = parent - root
            if index != root, parentLocal >= 0 {
                if excluded[parentLocal] {
                    excluded[local] = true
                    continue
                }
                inLink[local] = inLink[parentLocal]
                inParagraph[local] = inParagraph[parentLocal]
            }
            let kind = model.kinds[index]
            if kind == .text { continue }
            if kind == .link { inLink[local] = true }
            if index == root { continue }
            if kind == .neverText || model.signals[index].isHidden {
                excluded[local] = true
                continue
            }
            if policy.dropsFurnitureTags, kind == .furniture,
                !(model.tag(index) == .form && holdsMost(index, of: 0, measure: measure))
            {
                excluded[local] = true
                continue
            }
            // Inside a paragraph only hard rules apply: a "tag" or "author" link in a sentence is still the sentence.
            if policy.dropsFurnitureClasses, !inParagraph[local], kind != .block || !Self.isPageRoot(model.tag(index)) {
                let signals = model.signals[index]
                if signals.isBoilerplate,
                    !isWrapper(index, signals: signals, policy: policy, measure: measure)
                {
                    excluded[local] = true
                    continue
                }
            }
            if kind == .paragraph || kind == .heading { inParagraph[local] = true }
        }
    }

    /// `html` and `body` carry the CMS's class soup ("no-sidebar", "has-comments"): never judged by class.
    private static func isPageRoot(_ tag: HTMLTag) -> Bool { tag == .body || tag == .html }

    /// Whether a furniture-named element is really a wrapper of the article. Page-wide, an article-ish word
    /// ("content-with-sidebar") or holding most of the page's text (a layout "rail") is enough; inside a small
    /// container both are needed, since there a single leftover box easily holds half the text.
    private func isWrapper(_ index: Int, signals: ClassSignals, policy: PrunePolicy, measure: ContentScope?) -> Bool {
        let holds = holdsMost(index, of: root, measure: measure)
        if policy.positiveNamesVeto { return signals.isPositive || holds }
        return signals.isPositive && holds
    }

    /// Whether `index` holds more than half of the non-link text under `ancestor`: then it is a layout wrapper
    /// ("content-with-sidebar", an ASP.NET page-wide `form`), not the furniture its name suggests.
    private func holdsMost(_ index: Int, of ancestor: Int, measure: ContentScope?) -> Bool {
        guard let measure, measure.root <= ancestor, ancestor < measure.end else { return false }
        let whole = measure.totals(ancestor).plainLetters
        return whole > 0 && measure.totals(index).plainLetters * 2 > whole
    }

    private mutating func sumTotals() {
        var index = end - 1
        while index >= root {
            defer { index -= 1 }
            let local = index - root
            if excluded[local] { continue }
            let kind = model.kinds[index]
            if kind == .text {
                let letters = model.letters[index]
                totals[local].letters = letters
                totals[local].commas = model.commas[index]
                if inLink[local] { totals[local].linkLetters = letters }
            } else if kind == .link, totals[local].letters > 0 {
                totals[local].links += 1
                if totals[local].letters < 10 { totals[local].shortLinks += 1 }
            } else if kind == .paragraph {
                totals[local].paragraphLetters = totals[local].letters
            }
            if index != root {
                let parentLocal = model.parent(index) - root
                totals[parentLocal].add(totals[local])
            }
        }
    }

    private mutating func markLinkDenseBlocks() {
        for index in root + 1..<end {
            let local = index - root
            if excluded[model.parent(index) - root] {
                excluded[local] = true
                continue
            }
            if excluded[local] { continue }
            switch model.kinds[index] {
            case .block, .list, .listItem, .paragraph, .table, .quote, .furniture, .tableRow, .tableCell:
                if LinkDensityRule.isBoilerplate(totals[local], kind: model.kinds[index]) { excluded[local] = true }
            default:
                break
            }
        }
    }
}
