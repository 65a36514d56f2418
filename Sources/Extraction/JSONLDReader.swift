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
        scanAll(text, key: key, limit: 1).first
    }

    /// Every `"key": "value"` string in `text`, read as ``scan(_:key:)`` reads one; at most `limit`. Runs over
    /// the UTF-8 bytes, since JSON-LD blocks can be tens of kilobytes.
    static func scanAll(_ text: String, key: String, limit: Int = .max) -> [String] {
        var values: [String] = []
        var source = text
        let quotedKey = Array("\"\(key)\"".utf8)
        source.withUTF8 { bytes in
            let end = bytes.count
            var position = 0
            while values.count < limit {
                let quote = ByteSearch.first(quotedKey[0], in: bytes, from: position, to: end)
                guard quote + quotedKey.count <= end else { break }
                position = quote + 1
                guard bytes[quote..<quote + quotedKey.count].elementsEqual(quotedKey) else { continue }
                var cursor = quote + quotedKey.count
                while cursor < end, bytes[cursor].isASCIIWhitespace { cursor += 1 }
                guard cursor < end, bytes[cursor] == UInt8(ascii: ":") else { continue }
                cursor += 1
                while cursor < end, bytes[cursor].isASCIIWhitespace { cursor += 1 }
                guard cursor < end, bytes[cursor] == UInt8(ascii: "\"") else { continue }
                let start = cursor + 1
                let close = ByteSearch.first(UInt8(ascii: "\""), in: bytes, from: start, to: end)
                guard close < end else { break }
                position = close + 1
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<close]), as: UTF8.self)
                if let collapsed = value.replacing("\\/", with: "/").nonBlankCollapsed { values.append(collapsed) }
            }
        }
        return values
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
