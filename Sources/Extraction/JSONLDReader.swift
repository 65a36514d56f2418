internal import Foundation

/// The schema.org objects of a page's `<script type="application/ld+json">` blocks, flattened.
///
/// Publishers put the headline and publication date there for search engines, often more reliably than in the
/// visible page. Blocks may hold one object, an array, or an `@graph`; all are flattened into one list, articles
/// first. Broken JSON (common: trailing commas, raw newlines in strings) is skipped, never fatal.
struct JSONLDReader {
    /// The schema.org types of news and blog articles.
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "liveblogposting",
        "scholarlyarticle", "techarticle", "report", "webpage", "creativework", "posting",
    ]

    /// The objects found, those of an article type first (in page order), then the rest.
    let objects: [[String: Any]]
    /// Blocks that are not valid JSON, kept for a lenient key scan.
    let brokenScripts: [String]

    init(scripts: [String]) {
        var articles: [[String: Any]] = []
        var others: [[String: Any]] = []
        var broken: [String] = []
        for script in scripts {
            let trimmed = script.trimmingASCIIWhitespace()
            guard !trimmed.isEmpty else { continue }
            guard let value = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [.fragmentsAllowed])
            else {
                broken.append(trimmed)
                continue
            }
            for object in Self.flatten(value) {
                if Self.types(of: object).contains(where: { Self.articleTypes.contains($0) && $0 != "webpage" }) {
                    articles.append(object)
                } else {
                    others.append(object)
                }
            }
        }
        objects = articles + others
        brokenScripts = broken
    }

    /// The first string value of `key` among the objects, articles first, then in the broken blocks.
    func string(_ key: String) -> String? {
        for object in objects {
            if let value = Self.stringValue(object[key]) { return value }
        }
        for script in brokenScripts {
            if let value = Self.scan(script, key: key) { return value }
        }
        return nil
    }

    /// The first string value of `key` among the valid objects, articles first, as written (line breaks kept).
    func rawString(_ key: String) -> String? {
        for object in objects {
            if let value = object[key] as? String, value.nonBlankCollapsed != nil { return value }
        }
        return nil
    }

    /// Finds `"key": "value"` in text that is not valid JSON (an extra brace, a trailing comma), without
    /// unescaping beyond `\/`: enough for dates and headlines.
    static func scan(_ text: String, key: String) -> String? {
        let quotedKey = "\"\(key)\""
        var rest = text[...]
        while let found = rest.firstRange(of: quotedKey) {
            var cursor = found.upperBound
            rest = text[cursor...]
            while cursor < text.endIndex, text[cursor].isWhitespace {
                cursor = text.index(after: cursor)
            }
            guard cursor < text.endIndex, text[cursor] == ":" else { continue }
            cursor = text.index(after: cursor)
            while cursor < text.endIndex, text[cursor].isWhitespace {
                cursor = text.index(after: cursor)
            }
            guard cursor < text.endIndex, text[cursor] == "\"" else { continue }
            let start = text.index(after: cursor)
            guard let end = text[start...].firstIndex(of: "\"") else { return nil }
            let value = String(text[start..<end]).replacing("\\/", with: "/")
            if let collapsed = value.nonBlankCollapsed { return collapsed }
        }
        return nil
    }

    private static func flatten(_ value: Any) -> [[String: Any]] {
        if let array = value as? [Any] { return array.flatMap(flatten) }
        guard let object = value as? [String: Any] else { return [] }
        var result = [object]
        if let graph = object["@graph"] { result += flatten(graph) }
        if let main = object["mainEntity"] as? [String: Any] { result += flatten(main) }
        return result
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let single = object["@type"] as? String { return [single.lowercased()] }
        if let many = object["@type"] as? [Any] { return many.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    private static func stringValue(_ value: Any?) -> String? {
        switch value {
        case let text as String:
            return text.nonBlankCollapsed
        case let array as [Any]:
            return array.lazy.compactMap { stringValue($0) }.first
        case let object as [String: Any]:
            return stringValue(object["@value"])
        default:
            return nil
        }
    }
}
