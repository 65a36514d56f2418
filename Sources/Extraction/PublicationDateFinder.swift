internal import Core

/// The publication date and time as the publisher states it, from the most explicit source to the least.
///
/// Order (after htmldate and Readability): publication `<meta>` tags, JSON-LD `datePublished`, elements marked as
/// the publication time, a date in the URL path, the first `<time>`, elements whose class names a date, a dateline
/// at the start of the text, and only then a modification date. The first readable date wins, because an explicit "published" field beats any guess.
struct PublicationDateFinder {
    let model: PageModel
    let metadata: PageMetadata
    let url: String

    /// `<meta>` keys that hold the original publication time, most specific first.
    static let publishedKeys = [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time",
        "published_time", "datepublished", "article.published", "publishdate", "publish-date", "publish_date",
        "pubdate", "pub_date", "publication_date", "publication-date", "date_published", "article_date_original",
        "originalpublicationdate", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
        "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
        "citation_publication_date", "citation_date", "date", "og:pubdate", "displaydate", "dateline",
        "article:post_date", "bt:pubdate", "ptime", "created", "createdate", "creation_date", "release_date",
        "datecreated",
    ]

    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified",
        "dc.date.modified", "modified", "lastmod",
    ]

    /// Words in a class or id that mark an element holding the date line.
    static let dateClassWords = ["date", "time", "publish", "posted", "pubdate", "dateline", "byline", "meta"]

    /// - Parameter paragraphs: The article's main text, searched last for a dateline ("Unica.md, 20 septembrie
    ///   2020 16:20", "January 18, 2020") in its first short lines.
    func published(paragraphs: [String] = []) -> LocalDateTime? {
        let monthFirst = isMonthFirstLocale
        for value in metadata.metaValues(Self.publishedKeys) {
            if let date = DateTextParser.metadataDate(value, monthFirst: monthFirst) { return date }
        }
        for key in ["datePublished", "dateCreated", "uploadDate"] {
            if let value = metadata.jsonLD.string(key), let date = DateTextParser.metadataDate(value) { return date }
        }
        let marked = fromMarkedElements(monthFirst: monthFirst)
        if let date = marked.published { return date }
        if let date = fromURL() { return date }
        if let date = marked.firstTime { return date }
        if let date = fromDateClasses(monthFirst: monthFirst) { return date }
        if let date = fromLeadingLines(paragraphs, monthFirst: monthFirst) { return date }
        for value in metadata.metaValues(Self.modifiedKeys)
            + [metadata.jsonLD.string("dateModified")].compactMap({ $0 })
        {
            if let date = DateTextParser.metadataDate(value, monthFirst: monthFirst) { return date }
        }
        return nil
    }

    /// When the page says it was last modified (`article:modified_time`, JSON-LD `dateModified`, …), if it does.
    func modified() -> LocalDateTime? {
        let monthFirst = isMonthFirstLocale
        for value in metadata.metaValues(Self.modifiedKeys)
            + [metadata.jsonLD.string("dateModified")].compactMap({ $0 })
        {
            if let date = DateTextParser.metadataDate(value, monthFirst: monthFirst) { return date }
        }
        return nil
    }

    /// US English pages write 11/05/2019 month first.
    private var isMonthFirstLocale: Bool {
        guard let language = metadata.language?.lowercased() else { return false }
        return language == "en-us" || language == "en_us"
    }

    /// The first element marked as the publication time (`itemprop=datePublished`, `pubdate`, a `<time>` with a
    /// "published" class), and separately the first `<time>` of any kind, which may as well date a related story.
    private func fromMarkedElements(monthFirst: Bool) -> (published: LocalDateTime?, firstTime: LocalDateTime?) {
        var firstTime: LocalDateTime?
        let tree = model.tree
        for index in tree.nodes.indices where !tree.nodes[index].isText {
            let isTime = tree.tag(index) == .time
            guard isTime || tree.hasAttributes(index) else { continue }
            let itemprop = tree.attribute(.itemprop, index)?.lowercased()
            let isPublished =
                itemprop == "datepublished" || tree.hasAttribute(.pubdate, index)
                || (isTime && Self.namesPublication(tree.attribute(.className, index)))
            guard isPublished || (isTime && firstTime == nil) else { continue }
            let value =
                tree.attribute(.datetime, index) ?? tree.attribute(.content, index)
                ?? model.text(of: index, maximumLetters: 200) ?? ""
            guard let date = DateTextParser.metadataDate(value, monthFirst: monthFirst) else { continue }
            if isPublished { return (date, firstTime) }
            firstTime = date
        }
        return (nil, firstTime)
    }

    private static func namesPublication(_ className: String?) -> Bool {
        guard let className = className?.lowercased() else { return false }
        return className.includes("publish") || className.includes("posted") || className.includes("pubdate")
            || className.includes("entry-date")
    }

    /// A full date in the URL path: "/2019/11/19/", "/2019-11-19/", "/20191119/".
    private func fromURL() -> LocalDateTime? {
        for address in [url, metadata.canonicalURL].compactMap({ $0 }) {
            let path = String(URLText.path(address))
            if let date = DateTextParser.firstDate(in: path) { return LocalDateTime(date: date.date) }
            for segment in path.split(whereSeparator: { !$0.isNumber }) where segment.count == 8 {
                if let date = DateTextParser.metadataDate(String(segment)) { return date }
            }
        }
        return nil
    }

    /// A date in one of the first short lines of the text, or at the very start of the first paragraph.
    private func fromLeadingLines(_ paragraphs: [String], monthFirst: Bool) -> LocalDateTime? {
        for (position, paragraph) in paragraphs.prefix(6).enumerated() {
            let line = paragraph.utf8.count <= 200 ? paragraph : (position == 0 ? String(paragraph.prefix(80)) : nil)
            if let line, let date = DateTextParser.firstDate(in: line, monthFirst: monthFirst) { return date }
        }
        return nil
    }

    /// The first readable date in a short element whose class or id says it holds a date.
    private func fromDateClasses(monthFirst: Bool) -> LocalDateTime? {
        let tree = model.tree
        for index in tree.nodes.indices where tree.hasAttributes(index) {
            let names = ((tree.attribute(.className, index) ?? "") + " " + (tree.attribute(.id, index) ?? ""))
                .lowercased()
            guard Self.dateClassWords.contains(where: { names.includes($0) }) else { continue }
            guard let text = model.text(of: index, maximumLetters: 200) else { continue }
            if let date = DateTextParser.firstDate(in: text, monthFirst: monthFirst) { return date }
        }
        return nil
    }
}
