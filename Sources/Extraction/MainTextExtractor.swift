/// Chooses the article's paragraphs: the page's labelled container first, Readability scoring when there is none
/// or when it clearly finds more prose, and a fallback chain when both come up short.
///
/// Container-first and scoring fail on different pages, so both can run; the scored result replaces the container's
/// only when the container yields almost nothing (under 250 letters) or the scored text is more than twice as long
/// (a container that holds only the lead or one section). A container with 1,000 letters or more is trusted
/// without scoring, which keeps the common case fast. Under 250 letters, the page may keep its text where neither
/// looks (a script-rendered page, a paywall teaser): the JSON-LD `articleBody`, then every prose paragraph of the
/// page, then its description, each taken only when it holds more text.
struct MainTextExtractor {
    let model: PageModel
    let metadata: PageMetadata

    /// Below this many letters a result is a teaser, and the other method gets a chance.
    static let shortResult = 250

    func blocks(title: String?) -> [TextBlock] {
        let filter = BlockFilter(title: title)
        let page = ContentScope(model: model, root: 0, policy: .minimal)
        var result = markedOrScored(page: page, filter: filter)
        var letters = result.reduce(0) { $0 + $1.letters }
        guard letters < Self.shortResult else { return result }
        for fallback in [structuredBody, looseParagraphs, description] {
            let candidate = fallback(filter)
            let candidateLetters = candidate.reduce(0) { $0 + $1.letters }
            if candidateLetters > letters {
                result = candidate
                letters = candidateLetters
            }
            if letters >= Self.shortResult { break }
        }
        return result
    }

    private func markedOrScored(page: ContentScope, filter: BlockFilter) -> [TextBlock] {
        let containers = ContainerFinder(model: model, page: page).find()
        var fromContainer: [TextBlock] = []
        for container in containers {
            let scope = ContentScope(model: model, root: container, policy: .container, measure: page)
            fromContainer += BlockCollector.blocks(in: scope)
        }
        fromContainer = filter.apply(fromContainer)
        let containerLetters = fromContainer.reduce(0) { $0 + $1.letters }
        if containerLetters >= Self.shortResult * 4 { return fromContainer }

        let body = model.tree.firstIndex(of: .body) ?? 0
        let scope = ContentScope(model: model, root: body, policy: .wholePage, measure: page)
        var fromScoring: [TextBlock] = []
        for candidate in ReadabilityScorer(scope: scope).candidates() {
            fromScoring += BlockCollector.blocks(in: scope, from: candidate, to: model.end(candidate))
        }
        fromScoring = filter.apply(fromScoring)
        let scoringLetters = fromScoring.reduce(0) { $0 + $1.letters }
        if containerLetters < Self.shortResult, scoringLetters > containerLetters { return fromScoring }
        if scoringLetters > containerLetters * 2 { return fromScoring }
        return fromContainer
    }

    // MARK: - Fallbacks

    /// The JSON-LD `articleBody`, one paragraph per line, unless it is markup.
    private func structuredBody(_ filter: BlockFilter) -> [TextBlock] {
        guard let body = metadata.jsonLD.rawString("articleBody"), !body.includes("</") else { return [] }
        let lines = body.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        return filter.apply(lines.compactMap { Self.block(String($0)) })
    }

    /// Every prose paragraph of the page outside furniture, wherever it sits.
    private func looseParagraphs(_ filter: BlockFilter) -> [TextBlock] {
        let body = model.tree.firstIndex(of: .body) ?? 0
        let scope = ContentScope(model: model, root: body, policy: .wholePage)
        let prose = BlockCollector.blocks(in: scope).filter { block in
            (block.kind == .paragraph || block.kind == .quote || block.kind == .preformatted)
                && block.linkDensity < 0.5
        }
        return filter.apply(prose)
    }

    /// The page's own summary, as a single paragraph.
    private func description(_ filter: BlockFilter) -> [TextBlock] {
        let text =
            metadata.meta(["og:description", "description", "twitter:description", "dc.description"])
            ?? metadata.jsonLD.string("description")
        return filter.apply(text.flatMap(Self.block).map { [$0] } ?? [])
    }

    private static func block(_ text: String) -> TextBlock? {
        guard let text = text.nonBlankCollapsed else { return nil }
        let letters = text.unicodeScalars.reduce(0) { $0 + ($1.isExtractionWhitespace ? 0 : 1) }
        return TextBlock(text: text, kind: .paragraph, element: 0, letters: letters, linkLetters: 0)
    }
}
