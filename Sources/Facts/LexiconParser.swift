import Core
import Foundation
import TOMLKit

extension Lexicon {
    /// Parses a lexicon file. Every table is optional, so a user file can hold only what it adds.
    ///
    /// - Parameter origin: where the text came from (a path), named in errors.
    public init(toml: String, origin: String) throws(LexiconError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw LexiconError(
                code: .syntax,
                origin: origin,
                key: "",
                line: error.source.begin.line,
                message: "invalid TOML: \(error.description)"
            )
        } catch {
            throw LexiconError(code: .syntax, origin: origin, key: "", message: "invalid TOML: \(error)")
        }
        self = try LexiconParser(origin: origin).parse(table)
    }
}

/// Walks a parsed TOML table into a ``Lexicon``, naming the key path of anything wrong.
struct LexiconParser {
    let origin: String

    private static let topLevelKeys: Set<String> = [
        "kinds", "generic", "cues", "words", "mood", "non_facts", "furniture", "grammar", "deadlines",
    ]

    func parse(_ root: TOMLTable) throws(LexiconError) -> Lexicon {
        for key in root.keys where !Self.topLevelKeys.contains(key) {
            throw error(
                .invalidValue,
                key,
                "unknown table; \(Self.suggestion(for: key, among: Self.topLevelKeys))allowed: "
                    + Self.topLevelKeys.sorted().joined(separator: ", ")
            )
        }
        var lexicon = Lexicon()
        if let kinds = try table(root, "kinds", path: "kinds") {
            for name in kinds.keys.sorted() {
                let path = "kinds.\(name)"
                guard let entry = try table(kinds, name, path: path) else { continue }
                try checkName(name, path: path)
                lexicon.kinds.append(try parseKind(name: name, entry, path: path))
            }
        }
        if let generic = try table(root, "generic", path: "generic") {
            lexicon.genericSingular = try phrases(generic, "singular", path: "generic") ?? []
            lexicon.genericPlural = try phrases(generic, "plural", path: "generic") ?? []
        }
        if let cues = try table(root, "cues", path: "cues") {
            for name in cues.keys.sorted() {
                let path = "cues.\(name)"
                guard let entry = try table(cues, name, path: path) else { continue }
                lexicon.cues.append(try parseCue(name: name, entry, path: path))
            }
        }
        if let words = try table(root, "words", path: "words") {
            try allowOnly(words, Self.wordsKeys, path: "words")
            lexicon.words.services = try phrases(words, "services", path: "words") ?? []
            lexicon.words.staff = try phrases(words, "staff", path: "words") ?? []
            lexicon.words.safety = try phrases(words, "safety", path: "words") ?? []
            lexicon.words.temporary = try phrases(words, "temporary", path: "words") ?? []
            lexicon.words.person = try phrases(words, "person", path: "words") ?? []
            try parseWordLists(words, table: "words", into: &lexicon)
        }
        if let mood = try table(root, "mood", path: "mood") {
            try allowOnly(mood, Self.moodKeys, path: "mood")
            lexicon.mood.directive = try phrases(mood, "directive", path: "mood") ?? []
            lexicon.mood.obligation = try phrases(mood, "obligation", path: "mood") ?? []
            lexicon.mood.future = try phrases(mood, "future", path: "mood") ?? []
            lexicon.mood.hedge = try phrases(mood, "hedge", path: "mood") ?? []
            lexicon.mood.conditional = try phrases(mood, "conditional", path: "mood") ?? []
            lexicon.mood.negation = try phrases(mood, "negation", path: "mood") ?? []
            lexicon.mood.sentenceHedge = try phrases(mood, "sentence_hedge", path: "mood") ?? []
            lexicon.mood.superseded = try phrases(mood, "superseded", path: "mood") ?? []
            lexicon.mood.intent = try phrases(mood, "intent", path: "mood") ?? []
        }
        if let furniture = try table(root, "furniture", path: "furniture") {
            try allowOnly(furniture, ["captions", "links"], path: "furniture")
            lexicon.furniture.captions = try phrases(furniture, "captions", path: "furniture") ?? []
            lexicon.furniture.links = try phrases(furniture, "links", path: "furniture") ?? []
        }
        if let grammar = try table(root, "grammar", path: "grammar") {
            try allowOnly(grammar, Set(WordList.lists(in: "grammar").map(\.key)), path: "grammar")
            try parseWordLists(grammar, table: "grammar", into: &lexicon)
        }
        if let deadlines = try table(root, "deadlines", path: "deadlines") {
            try parseDeadlines(deadlines, into: &lexicon)
        }
        if let value = root["non_facts"] {
            guard let array = value.array else {
                throw error(.wrongType, "non_facts", "expected an array of tables ([[non_facts]])")
            }
            for index in 0..<array.count {
                let path = "non_facts[\(index)]"
                guard let entry = array[index].table else {
                    throw error(.wrongType, path, "expected a table with `phrases` and `blocks`")
                }
                lexicon.nonFacts.append(try parseNonFact(entry, path: path))
            }
        }
        return lexicon
    }

    private func parseKind(name: String, _ entry: TOMLTable, path: String) throws(LexiconError) -> Lexicon.Kind {
        try allowOnly(
            entry,
            ["label", "triggers", "plurals", "short", "in_capital", "outside_capital", "exclude", "missions"],
            path: path
        )
        guard let triggers = try phrases(entry, "triggers", path: path), !triggers.isEmpty else {
            throw error(.missingKey, "\(path).triggers", "a kind needs at least one trigger phrase")
        }
        let label = try string(entry, "label", path: path) ?? name.replacingOccurrences(of: "_", with: " ")
        return Lexicon.Kind(
            name: FacilityKind(rawValue: name),
            label: label,
            triggers: triggers,
            plurals: try phrases(entry, "plurals", path: path) ?? triggers.map(Self.pluralize),
            short: try phrases(entry, "short", path: path) ?? [],
            inCapital: try bool(entry, "in_capital", path: path) ?? false,
            outsideCapital: try bool(entry, "outside_capital", path: path) ?? false,
            exclude: try phrases(entry, "exclude", path: path) ?? [],
            missions: try phrases(entry, "missions", path: path) ?? []
        )
    }

    private func parseCue(name: String, _ entry: TOMLTable, path: String) throws(LexiconError) -> Lexicon.Cue {
        try allowOnly(
            entry,
            [
                "frame", "verbs", "nouns", "done", "ordered", "temporary", "actor", "objects", "requires_prior",
                "by_host", "via", "intransitive",
            ],
            path: path
        )
        guard let frameText = try string(entry, "frame", path: path) else {
            throw error(.missingKey, "\(path).frame", "a cue needs a frame: \(Self.frames)")
        }
        guard let frame = Lexicon.Frame(rawValue: frameText) else {
            throw error(.invalidValue, "\(path).frame", "\"\(frameText)\" is not a frame; use \(Self.frames)")
        }
        guard let done = try status(entry, "done", path: path) else {
            throw error(.missingKey, "\(path).done", "a cue needs the status it asserts when done, e.g. \"closed\"")
        }
        var actor = Lexicon.Actor.operator
        if let actorText = try string(entry, "actor", path: path) {
            guard let parsed = Lexicon.Actor(rawValue: actorText) else {
                throw error(.invalidValue, "\(path).actor", "\"\(actorText)\" is not an actor; use operator or host")
            }
            actor = parsed
        }
        var verbs: [Lexicon.VerbForms] = []
        for (index, text) in (try phrases(entry, "verbs", path: path) ?? []).enumerated() {
            verbs.append(try verbForms(text, path: "\(path).verbs[\(index)]"))
        }
        let nouns = try phrases(entry, "nouns", path: path) ?? []
        if verbs.isEmpty && nouns.isEmpty {
            throw error(.missingKey, "\(path).verbs", "a cue needs at least one verb or noun")
        }
        var requiresPrior: [Status] = []
        for text in try phrases(entry, "requires_prior", path: path) ?? [] {
            requiresPrior.append(Status(rawValue: try statusName(text, path: "\(path).requires_prior")))
        }
        return Lexicon.Cue(
            name: name,
            frame: frame,
            verbs: verbs,
            nouns: nouns,
            done: done,
            ordered: try status(entry, "ordered", path: path),
            temporary: try status(entry, "temporary", path: path),
            actor: actor,
            objects: try phrases(entry, "objects", path: path) ?? [],
            requiresPrior: requiresPrior,
            byHost: try status(entry, "by_host", path: path),
            via: try phrases(entry, "via", path: path) ?? [],
            intransitive: try bool(entry, "intransitive", path: path) ?? false
        )
    }

    private func parseNonFact(_ entry: TOMLTable, path: String) throws(LexiconError) -> Lexicon.NonFact {
        try allowOnly(entry, ["phrases", "blocks"], path: path)
        guard let phrases = try phrases(entry, "phrases", path: path), !phrases.isEmpty else {
            throw error(.missingKey, "\(path).phrases", "a non_facts entry needs at least one phrase")
        }
        guard let blocks = try self.phrases(entry, "blocks", path: path), !blocks.isEmpty else {
            throw error(.missingKey, "\(path).blocks", "list the statuses it cancels, or [\"*\"] for all")
        }
        if blocks.contains("*") {
            return Lexicon.NonFact(phrases: phrases, blocks: [], blocksAll: true)
        }
        var statuses: [Status] = []
        for text in blocks {
            statuses.append(Status(rawValue: try statusName(text, path: "\(path).blocks")))
        }
        return Lexicon.NonFact(phrases: phrases, blocks: statuses)
    }

    // MARK: - Values

    private static let frames = Lexicon.Frame.allCases.map(\.rawValue).joined(separator: ", ")

    /// "close" → regular forms; "shut, shuts, shut, shutting" → explicit forms.
    private func verbForms(_ text: String, path: String) throws(LexiconError) -> Lexicon.VerbForms {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        switch parts.count {
        case 1:
            return Inflector.regular(parts[0])
        case 4, 5:
            guard parts.allSatisfy({ !$0.isEmpty }) else {
                throw error(.invalidValue, path, "empty verb form in \"\(text)\"")
            }
            return Lexicon.VerbForms(
                base: parts[0],
                third: parts[1],
                past: parts[2],
                gerund: parts[3],
                participle: parts.count == 5 ? parts[4] : nil
            )
        default:
            throw error(
                .invalidValue,
                path,
                "\"\(text)\": write a regular verb alone (\"close\") or all forms: \"base, third person, past, gerund[, participle]\""
            )
        }
    }

    private func status(_ entry: TOMLTable, _ key: String, path: String) throws(LexiconError) -> Status? {
        guard let text = try string(entry, key, path: path) else { return nil }
        return Status(rawValue: try statusName(text, path: "\(path).\(key)"))
    }

    private func statusName(_ text: String, path: String) throws(LexiconError) -> String {
        let valid = !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
        guard valid else {
            throw error(.invalidValue, path, "\"\(text)\" is not a status name (lower-case letters and _)")
        }
        return text
    }

    private func checkName(_ name: String, path: String) throws(LexiconError) {
        let valid = !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
        guard valid else {
            throw error(
                .invalidValue,
                path,
                "a kind name is lower-case letters and _ (it becomes part of facility keys)"
            )
        }
    }

    func allowOnly(_ entry: TOMLTable, _ allowed: Set<String>, path: String) throws(LexiconError) {
        for key in entry.keys where !allowed.contains(key) {
            throw error(
                .invalidValue,
                "\(path).\(key)",
                "unknown key; \(Self.suggestion(for: key, among: allowed))allowed: "
                    + allowed.sorted().joined(separator: ", ")
            )
        }
    }

    /// "did you mean \"speech_verbs\"? " for a key two edits or less from an allowed one, else "".
    static func suggestion(for key: String, among allowed: Set<String>) -> String {
        let near = allowed.sorted().min { Lexicon.distance(key, $0) < Lexicon.distance(key, $1) }
        guard let near, Lexicon.distance(key, near) <= 2 else { return "" }
        return "did you mean \"\(near)\"? "
    }

    func table(_ parent: TOMLTable, _ key: String, path: String) throws(LexiconError) -> TOMLTable? {
        guard let value = parent[key] else { return nil }
        guard let table = value.table else { throw error(.wrongType, path, "expected a table") }
        return table
    }

    private func string(_ parent: TOMLTable, _ key: String, path: String) throws(LexiconError) -> String? {
        guard let value = parent[key] else { return nil }
        guard let text = value.string else { throw error(.wrongType, "\(path).\(key)", "expected a string") }
        return text
    }

    private func bool(_ parent: TOMLTable, _ key: String, path: String) throws(LexiconError) -> Bool? {
        guard let value = parent[key] else { return nil }
        guard let flag = value.bool else { throw error(.wrongType, "\(path).\(key)", "expected true or false") }
        return flag
    }

    /// A list of non-empty strings.
    func phrases(_ parent: TOMLTable, _ key: String, path: String) throws(LexiconError) -> [String]? {
        guard let value = parent[key] else { return nil }
        guard let array = value.array else {
            throw error(
                .wrongType,
                "\(path).\(key)",
                "expected a list of strings, e.g. [\"consulate\", \"consulates\"]"
            )
        }
        var result: [String] = []
        for index in 0..<array.count {
            guard let text = array[index].string else {
                throw error(.wrongType, "\(path).\(key)[\(index)]", "expected a string")
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw error(.invalidValue, "\(path).\(key)[\(index)]", "empty phrase") }
            result.append(trimmed)
        }
        return result
    }

    func error(_ code: LexiconError.Code, _ key: String, _ message: String) -> LexiconError {
        LexiconError(code: code, origin: origin, key: key, message: message)
    }

    /// Default plural: "s" on the last word ("trade office" → "trade offices").
    static func pluralize(_ phrase: String) -> String {
        Inflector.plural(phrase)
    }
}
