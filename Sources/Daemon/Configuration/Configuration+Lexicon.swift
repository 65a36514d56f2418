public import Facts
import Foundation

extension Configuration {
    /// The fact extractor for this configuration's lexicon (its tries compiled once, here).
    ///
    /// - Throws: ``ConfigurationError`` from ``loadLexicon()``.
    public func makeFactExtractor() throws(ConfigurationError) -> FactExtractor {
        FactExtractor(lexicon: try loadLexicon())
    }

    /// The built-in lexicon, with the configured `lexicon` file merged in when there is one, checked.
    ///
    /// - Throws: ``ConfigurationError`` naming the lexicon file, the line of each problem and what to do: TOML or
    ///   format errors from parsing, then what ``Lexicon/validate()`` finds in the merged result (a misspelt status,
    ///   a phrase claimed by two kinds, a cue that can never fire).
    public func loadLexicon() throws(ConfigurationError) -> Lexicon {
        guard let lexicon else { return .builtin }
        let text: String
        do {
            text = try String(contentsOfFile: lexicon, encoding: .utf8)
        } catch {
            throw ConfigurationError(
                path: path ?? lexicon,
                issues: [
                    .init(line: nil, key: "lexicon", message: "cannot read \(lexicon): \(error.localizedDescription)")
                ]
            )
        }
        let locator = TOMLKeyLocator(text: text)
        let merged: Lexicon
        do {
            merged = Lexicon.builtin.merging(try Lexicon(toml: text, origin: lexicon))
        } catch {
            throw ConfigurationError(
                path: lexicon,
                issues: [
                    .init(
                        line: error.line ?? Self.line(of: error.key, locator),
                        key: error.key,
                        message: "\(error.message) [\(error.code)]"
                    )
                ]
            )
        }
        let issues = merged.validate()
        guard issues.isEmpty else {
            throw ConfigurationError(
                path: lexicon,
                issues: issues.map { .init(line: Self.line(of: $0.key, locator), key: $0.key, message: $0.message) }
            )
        }
        return merged
    }

    /// The line of a lexicon key path (`cues.close.done`, `kinds.annex.triggers[2]`, `non_facts[1].blocks`).
    private static func line(of path: String, _ locator: TOMLKeyLocator) -> Int? {
        var parts = path.split(separator: ".").map(String.init)
        guard !parts.isEmpty else { return nil }
        if let bracket = parts[parts.count - 1].firstIndex(of: "["), !path.hasPrefix("non_facts") {
            parts[parts.count - 1] = String(parts[parts.count - 1][..<bracket])
        }
        if parts[0].hasPrefix("non_facts["), let open = parts[0].firstIndex(of: "["),
            let index = Int(parts[0][parts[0].index(after: open)...].dropLast())
        {
            // Key paths count [[non_facts]] tables from 0; the locator counts them from 1.
            if parts.count > 1 { return locator.line(of: parts[1], in: "non_facts", index: index + 1) }
            return locator.header(of: "non_facts", index: index + 1)
        }
        let key = parts.removeLast()
        let table = parts.joined(separator: ".")
        return locator.line(of: key, in: table) ?? locator.header(of: table, index: 1)
    }
}
