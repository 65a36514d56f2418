public import Core

/// A problem in a lexicon that parses but would not work as its author meant: a misspelt status, a phrase claimed by
/// two kinds, a cue that can never fire.
public struct LexiconIssue: Hashable, Sendable, CustomStringConvertible {
    /// The dotted key path, e.g. `cues.close.done`.
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { "\(key): \(message)" }
}

extension Lexicon {
    /// The ten statuses factwatch's change rules know.
    public static let standardStatuses: [Status] = [
        .orderedClosed, .closed, .suspended, .evacuated, .relocated, .reopened, .opened, .seized, .staffCut,
        .restored,
    ]

    /// Checks what parsing cannot: statuses that look like misspellings of a standard one, phrases that name two
    /// kinds, cues without a verb or noun, prerequisites no cue produces. An empty result means the lexicon is
    /// usable as written; `check-config` reports each issue with its line.
    public func validate() -> [LexiconIssue] {
        var issues: [LexiconIssue] = []
        let produced = Set(cues.flatMap { [$0.done, $0.ordered] + [$0.temporary, $0.byHost].compactMap { $0 } })
        func checkStatus(_ status: Status, _ key: String) {
            guard !Self.standardStatuses.contains(status) else { return }
            if let near = Self.standardStatuses.first(where: { Self.distance($0.rawValue, status.rawValue) <= 2 }) {
                issues.append(
                    LexiconIssue(key: key, message: "unknown status \"\(status)\"; did you mean \"\(near)\"?")
                )
            }
        }
        for cue in cues {
            let path = "cues.\(cue.name)"
            if cue.verbs.isEmpty && cue.nouns.isEmpty {
                issues.append(LexiconIssue(key: path, message: "no verbs and no nouns: the cue can never fire"))
            }
            checkStatus(cue.done, "\(path).done")
            if cue.ordered != cue.done { checkStatus(cue.ordered, "\(path).ordered") }
            if let temporary = cue.temporary { checkStatus(temporary, "\(path).temporary") }
            if let byHost = cue.byHost { checkStatus(byHost, "\(path).by_host") }
            for status in cue.requiresPrior where !produced.contains(status) {
                issues.append(
                    LexiconIssue(
                        key: "\(path).requires_prior",
                        message: "no cue produces \"\(status)\", so this cue would always be dropped"
                    )
                )
            }
        }
        for (index, group) in nonFacts.enumerated() {
            for status in group.blocks { checkStatus(status, "non_facts[\(index)].blocks") }
        }
        // A phrase that names two kinds: blame the kind that did not have it in the built-in lexicon.
        var claims: [String: [(kind: String, phrase: String)]] = [:]
        var order: [String] = []
        for kind in kinds {
            for phrase in kind.triggers + kind.plurals {
                let key = Gazetteer.key(phrase)
                if claims[key] == nil { order.append(key) }
                if !(claims[key] ?? []).contains(where: { $0.kind == kind.name.rawValue }) {
                    claims[key, default: []].append((kind.name.rawValue, phrase))
                }
            }
        }
        let builtinClaims = Set(
            Self.builtin.kinds.flatMap { kind in
                (kind.triggers + kind.plurals).map { "\(kind.name):\(Gazetteer.key($0))" }
            }
        )
        for key in order {
            guard let owners = claims[key], owners.count > 1 else { continue }
            var blamed = owners.filter { !builtinClaims.contains("\($0.kind):\(key)") }
            if blamed.isEmpty { blamed = Array(owners.dropFirst()) }
            for claim in blamed {
                let others = owners.filter { $0.kind != claim.kind }.map { "kinds.\($0.kind)" }.joined(separator: ", ")
                issues.append(
                    LexiconIssue(
                        key: "kinds.\(claim.kind).triggers",
                        message: "\"\(claim.phrase)\" also names \(others); a phrase may name one kind only"
                    )
                )
            }
        }
        return issues
    }

    /// Levenshtein distance, for "did you mean".
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
