public import Core

/// Extracts facility facts from an article: which facility (kind, owner, host, city), which status, by when, and
/// the sentence that says so.
///
/// Rules and data, no I/O: the lexicon and gazetteer are compiled into tries once, in `init`, and every call reads
/// one article. The value is `Sendable`, so one extractor serves every task of a pass.
public struct FactExtractor: Sendable {
    public let lexicon: Lexicon
    public let gazetteer: Gazetteer
    private let compiled: CompiledLexicon

    public init(lexicon: Lexicon = .builtin, gazetteer: Gazetteer = .builtin) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        compiled = CompiledLexicon(lexicon: lexicon, gazetteer: gazetteer)
    }

    /// Parses the built-in lexicon and gazetteer now rather than on first use: a command can do it while it reads
    /// its configuration and opens its store, since they take tens of milliseconds to build.
    public static func prepareBuiltins() {
        _ = Lexicon.builtin
        _ = Gazetteer.builtin
    }

    /// Reads `article.text` (headline, blank line, paragraphs).
    ///
    /// - Parameter fetchedAt: when the page was fetched; the reference date for relative deadlines when the page has
    ///   no publication date and its text no full date.
    public func extract(from article: Article, fetchedAt: LocalDateTime? = nil) -> FactExtraction {
        extract(
            text: article.text,
            published: article.published,
            hasHeadline: !(article.title ?? "").isEmpty,
            fetchedAt: fetchedAt
        )
    }

    /// Reads plain text whose evidence spans must index that very text (an evaluation case, a pasted story).
    ///
    /// - Parameters:
    ///   - hasHeadline: the first paragraph is a headline (its facts are less confident than the body's).
    ///   - tagsTimex: also return every time expression as a TIMEX3 tag (``FactExtraction/timex``), the tags the
    ///     deadlines were read from; evaluation asks for them, the daemon reads only facts.
    public func extract(
        text: String,
        published: LocalDateTime?,
        hasHeadline: Bool = true,
        fetchedAt: LocalDateTime? = nil,
        tagsTimex: Bool = false
    ) -> FactExtraction {
        let annotated = AnnotatedArticle(text: text, hasHeadline: hasHeadline, compiled: compiled)
        let reference = ReferenceDate.choose(published: published, article: annotated, fetchedAt: fetchedAt)
        var reader = ArticleReader(compiled: compiled, article: annotated, reference: reference)
        var candidates = reader.read()
        for (index, expression) in reader.pendingStaffDeadlines where candidates[index].expression == nil {
            candidates[index].expression = expression
        }
        let resolver = ClaimResolver(article: annotated, lexicon: lexicon, reference: reference.date) { expression in
            expression.deadline(reference: reference.date, anchor: reference.anchor)
        }
        var extraction = resolver.resolve(candidates, deadlineNouns: reader.deadlineNouns)
        extraction.reference = reference.date
        guard tagsTimex else { return extraction }
        extraction.timex = TimexTagger.resolve(
            annotated.timex.flatMap { $0 },
            tokens: annotated.tokens,
            scalars: annotated.scalars,
            reference: reference.date
        )
        return extraction
    }
}
