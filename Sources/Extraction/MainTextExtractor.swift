/// Chooses the article's paragraphs: the page's labelled container first, Readability scoring when there is none
/// or when it clearly finds more prose.
///
/// Container-first and scoring fail on different pages, so both can run; the scored result replaces the container's
/// only when the container yields almost nothing (under 250 letters) or the scored text is more than twice as long
/// (a container that holds only the lead or one section). A container with 1,000 letters or more is trusted
/// without scoring, which keeps the common case fast.
struct MainTextExtractor {
    let model: PageModel

    /// Below this many letters a result is a teaser, and the other method gets a chance.
    static let shortResult = 250

    func blocks(title: String?) -> [TextBlock] {
        let page = ContentScope(model: model, root: 0, policy: .minimal)
        let filter = BlockFilter(title: title)
        let containers = ContainerFinder(model: model, page: page).find()
        var fromContainer: [TextBlock] = []
        for container in containers {
            let scope = ContentScope(model: model, root: container, policy: .container, measure: page)
            fromContainer += BlockCollector.blocks(in: scope)
        }
        fromContainer = filter.apply(fromContainer)
        let containerLetters = fromContainer.reduce(0) { $0 + $1.letters }
        if containerLetters >= Self.shortResult * 4 { return fromContainer }

        let body = model.tree.firstElement(named: "body")?.index ?? 0
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
}
