/// What a page says about itself outside the article text: `<meta>` tags, JSON-LD, `<title>`, `<html lang>`,
/// the canonical link.
///
/// Gathered in one pass over the tree so the title and date rules can ask for "the first of these keys" cheaply.
struct PageMetadata {
    /// `<meta>` values by lower-cased `name`, `property`, `itemprop` or `http-equiv`, in page order.
    private(set) var metas: [String: [String]] = [:]
    /// The page's JSON-LD, parsed on first use: most pages answer from their `<meta>` tags first.
    var jsonLD: JSONLDReader { jsonLDBox.reader }
    /// The text of the page's JSON-LD scripts, for a quick scan that needs no parse.
    var jsonLDScripts: [String] { jsonLDBox.scripts }
    private let jsonLDBox: LazyJSONLD
    /// The text of `<title>`, collapsed.
    let documentTitle: String?
    /// The `lang` (or `xml:lang`) of `<html>`, else the Content-Language meta.
    let language: String?
    /// `<link rel=canonical>`, resolved against the page URL, else `og:url`.
    let canonicalURL: String?

    init(model: PageModel, url: String) {
        var metas: [String: [String]] = [:]
        var scripts: [String] = []
        var title: String?
        var language: String?
        var canonical: String?
        let tree = model.tree
        for index in 0..<tree.nodes.count {
            switch tree.tag(index) {
            case .meta:
                guard let content = tree.attribute(.content, index) ?? tree.attribute(.value, index) else { continue }
                for key in [AttributeName.property, .name, .itemprop, .httpEquiv] {
                    if let name = tree.attribute(key, index)?.lowercased().trimmingASCIIWhitespace(), !name.isEmpty {
                        metas[name, default: []].append(content)
                    }
                }
            case .script:
                if tree.attribute(.type, index)?.lowercased().includes("ld+json") == true {
                    scripts.append(tree.text(under: index))
                }
            case .title:
                if title == nil { title = tree.text(under: index).nonBlankCollapsed }
            case .html:
                if language == nil {
                    language = (tree.attribute(.lang, index) ?? tree.attribute(.xmlLang, index))?.nonBlankCollapsed
                }
            case .link:
                if canonical == nil, let rel = tree.attribute(.rel, index)?.lowercased(),
                    rel.split(separator: " ").contains("canonical"),
                    let href = tree.attribute(.href, index)?.trimmingASCIIWhitespace(), !href.isEmpty
                {
                    canonical = URLText.resolve(href, against: url)
                }
            default:
                break
            }
        }
        self.metas = metas
        self.jsonLDBox = LazyJSONLD(scripts: scripts)
        self.documentTitle = title
        self.language = language ?? metas["content-language"]?.first?.nonBlankCollapsed
        self.canonicalURL = canonical ?? metas["og:url"]?.first?.nonBlankCollapsed
    }

    /// The first non-blank value of the first key that has one.
    func meta(_ keys: [String]) -> String? {
        for key in keys {
            for value in metas[key] ?? [] {
                if let collapsed = value.nonBlankCollapsed { return collapsed }
            }
        }
        return nil
    }

    /// Every non-blank value of every key, in key order.
    func metaValues(_ keys: [String]) -> [String] {
        keys.flatMap { metas[$0] ?? [] }.compactMap(\.nonBlankCollapsed)
    }
}

/// Holds a page's JSON-LD scripts and parses them the first time they are asked for.
private final class LazyJSONLD {
    let scripts: [String]
    lazy var reader = JSONLDReader(scripts: scripts)

    init(scripts: [String]) { self.scripts = scripts }
}
