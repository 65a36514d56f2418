internal import Core

/// The publication date and time as the publisher states it, from the most explicit source to the least.
///
/// Order (after htmldate and Readability): the revision line when the URL shows one revision of a wiki page,
/// publication `<meta>` tags, JSON-LD `datePublished`, elements marked as the publication time, a date in the URL
/// path, the first `<time>`, elements whose class names a date, a dateline at the start of the text, and only then a
/// modification date. The first readable date wins, because an explicit "published" field beats any guess. A date
/// written in UTC is then read as the publisher's local day by ``LocalDayResolver``.
struct PublicationDateFinder {
    let model: PageModel
    let metadata: PageMetadata
    let url: String
    /// The page's date-bearing elements, read once and only when the metadata does not answer.
    private let lazyElements: LazyElements

    init(model: PageModel, metadata: PageMetadata, url: String) {
        self.model = model
        self.metadata = metadata
        self.url = url
        lazyElements = LazyElements(model: model, monthFirst: Self.isMonthFirst(metadata.language))
    }

    private var elements: DateElements { lazyElements.value }

    /// Reads UTC stamps as local; shared by ``published(paragraphs:)`` and ``modified()``.
    private var lazyResolver = LazyResolver()

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

    /// - Parameter paragraphs: The article's main text, searched last for a dateline ("Unica.md, 20 septembrie
    ///   2020 16:20", "January 18, 2020") in its first short lines.
    func published(paragraphs: [String] = []) -> LocalDateTime? {
        guard let stamp = publishedStamp(paragraphs: paragraphs) else { return nil }
        return resolver(paragraphs: paragraphs).localTime(of: stamp)
    }

    /// When the page says it was last modified (`article:modified_time`, JSON-LD `dateModified`, …), if it does.
    func modified() -> LocalDateTime? {
        guard let stamp = modifiedStamps().first else { return nil }
        return resolver(paragraphs: lazyResolver.paragraphs).localTime(of: stamp)
    }

    // MARK: - Sources

    private func publishedStamp(paragraphs: [String]) -> DateStamp? {
        // A wiki revision is dated by its revision line; the page's metadata dates the article's creation.
        if URLText.isRevisionView(url),
            let stamp = DateElements.revision(in: model, monthFirst: Self.isMonthFirst(metadata.language))
        {
            return stamp
        }
        if let stamp = metaStamps(Self.publishedKeys).first { return stamp }
        for key in ["datePublished", "dateCreated", "uploadDate"] {
            if let value = metadata.jsonLD.string(key), let stamp = DateTextParser.metadataStamp(value) {
                return stamp
            }
        }
        if let stamp = elements.published.first { return stamp }
        if let stamp = fromURL() { return stamp }
        if let stamp = elements.firstTime { return stamp }
        if let stamp = elements.dateLines.first { return stamp }
        if let stamp = fromLeadingLines(paragraphs) { return stamp }
        return modifiedStamps().first
    }

    private func modifiedStamps() -> [DateStamp] {
        metaStamps(Self.modifiedKeys)
            + [metadata.jsonLD.string("dateModified")].compactMap { $0.flatMap { DateTextParser.metadataStamp($0) } }
    }

    private func metaStamps(_ keys: [String]) -> [DateStamp] {
        let monthFirst = Self.isMonthFirst(metadata.language)
        return metadata.metaValues(keys).compactMap { DateTextParser.metadataStamp($0, monthFirst: monthFirst) }
    }

    /// A full date in the URL path: "/2019/11/19/", "/2019-11-19/", "/20191119/".
    private func fromURL() -> DateStamp? {
        for address in [url, metadata.canonicalURL].compactMap({ $0 }) {
            let path = String(URLText.path(address))
            if let date = DateTextParser.firstDate(in: path) { return DateStamp(local: LocalDateTime(date: date.date)) }
            for segment in path.split(whereSeparator: { !$0.isNumber }) where segment.count == 8 {
                if let stamp = DateTextParser.metadataStamp(String(segment)) { return stamp }
            }
        }
        return nil
    }

    /// A date in one of the first short lines of the text, or at the very start of the first paragraph.
    private func fromLeadingLines(_ paragraphs: [String]) -> DateStamp? {
        let monthFirst = Self.isMonthFirst(metadata.language)
        for (position, paragraph) in paragraphs.prefix(6).enumerated() {
            let line = paragraph.utf8.count <= 200 ? paragraph : (position == 0 ? String(paragraph.prefix(80)) : nil)
            if let line, let stamp = DateTextParser.firstStamp(in: line, monthFirst: monthFirst) { return stamp }
        }
        return nil
    }

    // MARK: - Reading UTC as local

    private func resolver(paragraphs: [String]) -> LocalDayResolver {
        lazyResolver.paragraphs = paragraphs
        if let resolver = lazyResolver.value { return resolver }
        // The resolver's closures read the page through a copy of this finder with a cache of its own: capturing
        // `self` would make the cache hold the resolver that holds the cache, and keep every page's tree alive.
        var page = self
        page.lazyResolver = LazyResolver()
        let metadata = self.metadata
        let url = self.url
        let resolver = LocalDayResolver(
            declared: { page.metaStamps(Self.publishedKeys + Self.modifiedKeys) + page.jsonLDStamps() },
            elements: { page.elements.attributes },
            local: [
                { [page.fromURL()].compactMap { $0 } }, { page.elements.visible }, { page.elements.dateLines },
                { [page.fromLeadingLines(paragraphs)].compactMap { $0 } },
            ],
            zone: {
                PublisherZone.guess(
                    host: URLText.host(metadata.canonicalURL ?? url) ?? URLText.host(url),
                    locales: [
                        metadata.meta(["og:locale"]), metadata.language, metadata.meta(["dc.language", "language"]),
                        metadata.meta(["content-language"]), metadata.jsonLD.string("inLanguage"),
                    ].compactMap { $0 }
                )
            }
        )
        lazyResolver.value = resolver
        return resolver
    }

    /// The dates of the JSON-LD, scanned from the script text: only their zones matter here, not which object
    /// they belong to, so the scripts need not be parsed.
    private func jsonLDStamps() -> [DateStamp] {
        metadata.jsonLDScripts.flatMap { script in
            ["datePublished", "dateCreated", "dateModified"].flatMap { key in
                JSONLDReader.scanAll(script, key: key, limit: 4).compactMap { DateTextParser.metadataStamp($0) }
            }
        }
    }

    /// US English pages write 11/05/2019 month first.
    static func isMonthFirst(_ language: String?) -> Bool {
        guard let language = language?.lowercased() else { return false }
        return language == "en-us" || language == "en_us"
    }
}

/// Reads a page's ``DateElements`` the first time they are asked for.
private final class LazyElements {
    private let model: PageModel
    private let monthFirst: Bool
    lazy var value = DateElements(model: model, monthFirst: monthFirst)

    init(model: PageModel, monthFirst: Bool) {
        self.model = model
        self.monthFirst = monthFirst
    }
}

/// The resolver of a page, made on first need.
private final class LazyResolver {
    var value: LocalDayResolver?
    var paragraphs: [String] = []
}
