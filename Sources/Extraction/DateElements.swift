internal import Core

/// The dates a page's elements carry, read in one pass: elements marked as the publication time, `<time>`
/// elements and elements with a Unix timestamp for a script to render (`data-time`), and short elements whose
/// class or id says they hold a date line.
///
/// Machine-readable values (`datetime`, `content`) and the visible text are kept apart: when a machine value is in
/// UTC, the visible text is often the publisher's local reading of the same moment.
struct DateElements {
    /// Elements marked as the publication time (`itemprop=datePublished`, `pubdate`, a `<time>` with a "published"
    /// class), in page order, from their machine value or else their text.
    private(set) var published: [DateStamp] = []
    /// The first `<time>` of any kind, which may as well date a related story.
    private(set) var firstTime: DateStamp?
    /// The machine values of marked and `<time>` elements.
    private(set) var attributes: [DateStamp] = []
    /// The visible text of marked and `<time>` elements.
    private(set) var visible: [DateStamp] = []
    /// Dates in short elements whose class or id names a date ("post-date", "byline", "entry-meta").
    private(set) var dateLines: [DateStamp] = []

    /// Beyond this many date lines the rest of the page is related stories.
    private static let dateLineLimit = 8

    /// A date line is a short element; a larger one is a wrapper whose text need not be read (which also keeps a
    /// page of thousands of nested "date" elements linear).
    private static let maximumNodes = 64

    init(model: PageModel, monthFirst: Bool) {
        let tree = model.tree
        for index in tree.nodes.indices where !tree.nodes[index].isText {
            let isTimeTag = tree.tag(index) == .time
            guard isTimeTag || tree.hasAttributes(index) else { continue }
            let rendered = (tree.attribute(.dataTime, index) ?? tree.attribute(.dataUtime, index))
                .flatMap(DateTextParser.renderedStamp)
            let isTime = isTimeTag || rendered != nil
            let isPublished =
                tree.attribute(.itemprop, index)?.lowercased() == "datepublished" || tree.hasAttribute(.pubdate, index)
                || (isTime && Self.namesPublication(tree.attribute(.className, index)))
            if isPublished || isTime {
                let machine =
                    (tree.attribute(.datetime, index) ?? tree.attribute(.content, index))
                    .flatMap { DateTextParser.metadataStamp($0, monthFirst: monthFirst) } ?? rendered
                let text =
                    model.end(index) - index > Self.maximumNodes
                    ? nil
                    : model.text(of: index, maximumLetters: 200)
                        .flatMap { DateTextParser.metadataStamp($0, monthFirst: monthFirst) }
                if let machine { attributes.append(machine) }
                if let text { visible.append(text) }
                if let stamp = machine ?? text {
                    if isPublished { published.append(stamp) }
                    if isTime, firstTime == nil { firstTime = stamp }
                }
            }
            if dateLines.count < Self.dateLineLimit, model.end(index) - index <= Self.maximumNodes,
                model.signals[index].namesDate,
                let text = model.text(of: index, maximumLetters: 200),
                let stamp = DateTextParser.firstStamp(in: text, monthFirst: monthFirst)
            {
                dateLines.append(stamp)
            }
        }
    }

    /// The date of the revision a wiki shows: the newer side of a diff (`mw-diff-ntitle1`, "Latest revision as of
    /// 05:33, 7 April 2020") or the banner of an old revision (`mw-revision-info`). A scan of its own, made only
    /// for a revision URL, so that other pages pay nothing for it.
    static func revision(in model: PageModel, monthFirst: Bool) -> DateStamp? {
        let tree = model.tree
        for index in tree.nodes.indices where tree.hasAttributes(index) {
            guard let id = tree.attribute(.id, index), revisionIDs.contains(id),
                let text = model.text(of: index, maximumLetters: 200),
                let stamp = DateTextParser.firstStamp(in: text, monthFirst: monthFirst)
            else { continue }
            return stamp
        }
        return nil
    }

    /// MediaWiki's ids for the revision being shown.
    private static let revisionIDs: Set<String> = ["mw-diff-ntitle1", "mw-revision-info"]

    private static func namesPublication(_ className: String?) -> Bool {
        guard let className = className?.lowercased() else { return false }
        return className.includes("publish") || className.includes("posted") || className.includes("pubdate")
            || className.includes("entry-date")
    }
}
