public import Core

/// Turns a fetched page into an ``Article``: headline, main text as paragraphs, publication date, canonical URL
/// and language.
///
/// A pure function of its input (no I/O, no clock, no shared state), so it is `Sendable` and can run on any
/// thread of a task group. HTML goes through libxml2 and the main-text rules; plain text passes through with its
/// blank-line paragraphs.
public struct ArticleExtractor: Sendable {
    public init() {}

    /// Extracts the article from bytes of either format, deciding HTML or plain text from `contentType`, the URL's
    /// extension (.html, .htm, .txt) or the leading bytes.
    ///
    /// - Parameters:
    ///   - bytes: The body as fetched or read.
    ///   - url: The page or file URL (used for the format decision, the date-in-path rule and error messages).
    ///   - contentType: The HTTP `Content-Type`, if any.
    ///   - charset: The charset the server declared, if any; it wins over the page's own declaration.
    /// - Throws: ``ExtractionError`` when the page is empty, binary, too large or has no readable text.
    public func extract(
        bytes: [UInt8],
        url: String,
        contentType: String? = nil,
        charset: String? = nil
    ) throws(ExtractionError)
        -> Article
    {
        guard !ContentSniffer.isBinary(bytes, charset: charset) else {
            throw ExtractionError(
                code: .binary,
                url: url,
                detail: "the bytes are not text (control bytes or a PDF signature): check what the URL serves"
            )
        }
        switch ContentSniffer.format(of: bytes, url: url, contentType: contentType) {
        case .html:
            return try extract(html: bytes, url: url, charset: charset)
        case .plainText:
            let article = PlainTextReader.article(text: TextDecoding.decode(bytes, charset: charset), url: url)
            guard !article.paragraphs.isEmpty || article.title != nil else {
                throw ExtractionError(code: .empty, url: url, detail: "the text file has no non-blank line")
            }
            return article
        }
    }

    /// Extracts the article from an HTML page.
    ///
    /// - Throws: ``ExtractionError`` `.empty` when no main text is found (an empty page, a script-only shell,
    ///   a page of links), `.tooLarge` from ``HTMLParser``.
    public func extract(html: [UInt8], url: String, charset: String? = nil) throws(ExtractionError) -> Article {
        guard !ContentSniffer.isBinary(html, charset: charset) else {
            throw ExtractionError(
                code: .binary,
                url: url,
                detail: "the bytes are not text (control bytes or a PDF signature): check what the URL serves"
            )
        }
        let tree = try HTMLParser.parse(html: html, url: url, charset: charset)
        return try extract(tree: tree, url: url)
    }

    /// Extracts the article from an already parsed page.
    public func extract(tree: HTMLTree, url: String) throws(ExtractionError) -> Article {
        let model = PageModel(tree: tree)
        let metadata = PageMetadata(model: model, url: url)
        let title = TitleFinder(model: model, metadata: metadata, url: url).title()
        let paragraphs = MainTextExtractor(model: model, metadata: metadata).blocks(title: title).map(\.text)
        guard !paragraphs.isEmpty else {
            throw ExtractionError(
                code: .empty,
                url: url,
                detail: "no article text found (empty page, script-only page, or only navigation and links)"
            )
        }
        let dates = PublicationDateFinder(model: model, metadata: metadata, url: url)
        let published = dates.published(paragraphs: paragraphs)
        let modified = dates.modified()
        return Article(
            url: url,
            title: title,
            paragraphs: paragraphs,
            published: published,
            modified: modified.flatMap { modified in published.map { modified > $0 ? modified : nil } ?? modified },
            canonicalURL: metadata.canonicalURL,
            language: metadata.language
        )
    }
}
