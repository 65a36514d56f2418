/// Which rules remove parts of a subtree before its text is read.
///
/// Inside a container the page marks as the article, furniture goes without appeal (trafilatura's approach).
/// When the whole page is searched, an element whose name also says "article" or "content" survives (Readability's
/// "maybe it's a candidate"), because a page-wide wrapper named "content-with-sidebar" holds the article too.
struct PrunePolicy: Sendable {
    /// Drop `nav`, `footer`, `aside`, `header`, `form`, `figure`, `figcaption`...
    var dropsFurnitureTags = true
    /// Drop elements whose class, id or role names furniture.
    var dropsFurnitureClasses = true
    /// Keep a furniture-named element when its class or id also has an article-ish word.
    var positiveNamesVeto = false
    /// Drop blocks made mostly of links.
    var dropsLinkDenseBlocks = true

    /// Only what is never text or is hidden: the view used to measure a whole page.
    static let minimal = PrunePolicy(
        dropsFurnitureTags: false,
        dropsFurnitureClasses: false,
        positiveNamesVeto: false,
        dropsLinkDenseBlocks: false
    )
    /// Inside a container the page itself marks as the article.
    static let container = PrunePolicy()
    /// Searching the whole page.
    static let wholePage = PrunePolicy(positiveNamesVeto: true)
}
