/// The article's headline: `og:title`, JSON-LD `headline`, the single `<h1>`, or `<title>` without the site name.
///
/// Social and structured-data titles are written for sharing and are usually the clean headline; `<title>` is the
/// last resort because it carries the site's name ("Headline | Example News").
struct TitleFinder {
    let model: PageModel
    let metadata: PageMetadata
    let url: String

    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", " ~ "]

    func title() -> String? {
        let siteName = metadata.meta(["og:site_name", "application-name"])
        let names = [siteName, URLText.host(url)].compactMap { $0.map(BlockFilter.comparable) }.filter { !$0.isEmpty }
        // A social title that is only the site's name ("Example News") says nothing about the story.
        let candidates = [
            { metadata.meta(["og:title", "twitter:title", "dc.title", "title", "headline"]) },
            { metadata.jsonLD.string("headline") },
        ]
        for source in candidates {
            guard let candidate = source() else { continue }
            let cleaned = removingSiteName(candidate, names: names, alwaysCut: false)
            if !Self.names(names, include: cleaned) { return cleaned }
        }
        let headings = model.tree.nodes.indices.filter { model.tree.nodes[$0].tag == .h1 }
        if headings.count == 1, let text = model.tree.text(under: headings[0]).nonBlankCollapsed {
            return text
        }
        guard let documentTitle = metadata.documentTitle else {
            return headings.lazy.compactMap { model.tree.text(under: $0).nonBlankCollapsed }.first
        }
        return removingSiteName(documentTitle, names: names, alwaysCut: true)
    }

    /// Cuts "Headline | Site" to "Headline". Social titles are only cut when a part names the site; `<title>`
    /// is cut at the first separator when its first part still reads like a headline.
    ///
    /// - Parameter names: The site's name and host, reduced by ``BlockFilter/comparable(_:)``.
    func removingSiteName(_ title: String, names: [String], alwaysCut: Bool) -> String {
        guard let separator = Self.separators.first(where: { title.includes($0) }) else { return title }
        let parts = title.split(separator: separator).map { String($0).collapsingWhitespace() }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return title }
        if Self.names(names, include: parts[parts.count - 1]) { return parts.dropLast().joined(separator: separator) }
        if Self.names(names, include: parts[0]) { return parts.dropFirst().joined(separator: separator) }
        guard alwaysCut else { return title }
        let first = parts[0]
        if first.split(separator: " ").count >= 3 { return first }
        return parts.max { $0.count < $1.count } ?? title
    }

    /// Whether `part` is the site's name: equal to it, or one a prefix of the other ("Example" and
    /// "example.com"), with at least four letters so that "A" or "The" never matches.
    static func names(_ names: [String], include part: String) -> Bool {
        let key = BlockFilter.comparable(part)
        guard !key.isEmpty else { return false }
        return names.contains { name in
            name == key || (key.count >= 4 && name.hasPrefix(key)) || (name.count >= 4 && key.hasPrefix(name))
        }
    }
}
