public import Core

/// The words fact extraction looks for: facility kinds, status cues, and the small word classes that decide whether
/// a cue is a fact.
///
/// It is data, not code, so that users can add a kind (a plant, a border crossing) or a phrase without recompiling:
/// the built-in lexicon is `Resources/lexicon.toml` (documented key by key there), and a user file is merged into
/// it with ``merging(_:)``.
public struct Lexicon: Hashable, Sendable {
    /// A facility kind and the phrases that name it.
    public struct Kind: Hashable, Sendable {
        public var name: FacilityKind
        /// Display word for readable names, e.g. "Embassy".
        public var label: String
        public var triggers: [String]
        public var plurals: [String]
        /// Nouns that name this kind only as a reference to one already named ("the centre").
        public var short: [String]
        /// A facility of this kind named with a host country but no city is in the capital.
        public var inCapital: Bool
        /// A state's mission outside the host's capital is of this kind when the text names no kind ("staff were
        /// evacuated from Benghazi": the consulate there).
        public var outsideCapital: Bool
        /// Phrases containing a trigger that are not facilities ("residence permit").
        public var exclude: [String]
        /// Generic nouns ([generic]) that name this kind when the phrase gives an owner and stands in a capital:
        /// "Bahrain's diplomatic mission in Doha" is its embassy.
        public var missions: [String]

        public init(
            name: FacilityKind,
            label: String,
            triggers: [String],
            plurals: [String] = [],
            short: [String] = [],
            inCapital: Bool = false,
            outsideCapital: Bool = false,
            exclude: [String] = [],
            missions: [String] = []
        ) {
            self.name = name
            self.label = label
            self.triggers = triggers
            self.plurals = plurals
            self.short = short
            self.inCapital = inCapital
            self.outsideCapital = outsideCapital
            self.exclude = exclude
            self.missions = missions
        }
    }

    /// How a cue finds its facility in the sentence.
    public enum Frame: String, Hashable, Sendable, CaseIterable {
        case facility
        case services
        case staff
        case relocation
    }

    /// Who performs a cue's event when no government orders it.
    public enum Actor: String, Hashable, Sendable, CaseIterable {
        case `operator`
        case host
    }

    /// The inflected forms of one verb phrase.
    public struct VerbForms: Hashable, Sendable {
        public var base: String
        public var third: String
        public var past: String
        public var gerund: String
        public var participle: String

        public init(base: String, third: String, past: String, gerund: String, participle: String? = nil) {
            self.base = base
            self.third = third
            self.past = past
            self.gerund = gerund
            self.participle = participle ?? past
        }
    }

    /// A status cue: verbs and nouns that assert a status.
    public struct Cue: Hashable, Sendable {
        public var name: String
        public var frame: Frame
        public var verbs: [VerbForms]
        public var nouns: [String]
        /// The status when the event is reported as done.
        public var done: Status
        /// The status when the event is ordered, obligatory or decided.
        public var ordered: Status
        /// The status when a temporary qualifier goes with the cue.
        public var temporary: Status?
        public var actor: Actor
        /// Words after the verb that still mean the facility itself ("its doors").
        public var objects: [String]
        /// Statuses one of which must be reported for the same facility in the article.
        public var requiresPrior: [Status]
        /// For staff cues: the status when another state orders a counted withdrawal.
        public var byHost: Status?
        /// The facility is always the verb's subject, never an object after it ("remained closed due to ...").
        public var intransitive: Bool
        /// Nouns between the verb and the facility that the cue acts on through them ("revoke the licence of the
        /// consulate", "withdrew consent to operate the consulate").
        public var via: [String]

        public init(
            name: String,
            frame: Frame,
            verbs: [VerbForms],
            nouns: [String] = [],
            done: Status,
            ordered: Status? = nil,
            temporary: Status? = nil,
            actor: Actor = .operator,
            objects: [String] = [],
            requiresPrior: [Status] = [],
            byHost: Status? = nil,
            via: [String] = [],
            intransitive: Bool = false
        ) {
            self.name = name
            self.frame = frame
            self.verbs = verbs
            self.nouns = nouns
            self.done = done
            self.ordered = ordered ?? done
            self.temporary = temporary
            self.actor = actor
            self.objects = objects
            self.requiresPrior = requiresPrior
            self.byHost = byHost
            self.via = via
            self.intransitive = intransitive
        }
    }

    /// Word classes the cue frames use.
    public struct Words: Hashable, Sendable {
        public var services: [String] = []
        public var staff: [String] = []
        public var safety: [String] = []
        public var temporary: [String] = []
        public var person: [String] = []

        public init() {}
    }

    /// Words that decide how a cue is meant (ordered, hedged, conditional, negated).
    public struct Mood: Hashable, Sendable {
        public var directive: [String] = []
        public var obligation: [String] = []
        public var future: [String] = []
        public var hedge: [String] = []
        public var conditional: [String] = []
        public var negation: [String] = []
        public var sentenceHedge: [String] = []
        public var superseded: [String] = []
        /// A stated intention ("plans to", "intends to"): a fact when announced or dated, a hedge otherwise.
        public var intent: [String] = []

        public init() {}
    }

    /// Page furniture: photo captions and links to other stories, which repeat or contradict the body.
    public struct Furniture: Hashable, Sendable {
        /// Photo credits and caption openers ("REUTERS /", "AP Photo", "Image credit"): their paragraph is a caption.
        public var captions: [String] = []
        /// Link openers ("Read also", "Related"): their paragraph, and the next when they stand alone, is another
        /// story's headline.
        public var links: [String] = []

        public init(captions: [String] = [], links: [String] = []) {
            self.captions = captions
            self.links = links
        }
    }

    /// Phrases that cancel cues of some statuses in their sentence.
    public struct NonFact: Hashable, Sendable {
        public var phrases: [String]
        /// Statuses cancelled; empty with `blocksAll` set cancels every status.
        public var blocks: [Status]
        public var blocksAll: Bool

        public init(phrases: [String], blocks: [Status], blocksAll: Bool = false) {
            self.phrases = phrases
            self.blocks = blocks
            self.blocksAll = blocksAll
        }
    }

    public var kinds: [Kind]
    /// Nouns that refer back to any facility already named ("the mission").
    public var genericSingular: [String]
    public var genericPlural: [String]
    public var cues: [Cue]
    public var words: Words
    public var mood: Mood
    public var nonFacts: [NonFact]
    /// Phrases that mark page furniture rather than reporting.
    public var furniture = Furniture()
    /// The single-word lists the rules read (`[grammar]`, the staff verbs of `[words]`, `[deadlines]`).
    public var wordLists: [WordList: [String]] = [:]
    /// The signal phrases that make a time expression a deadline.
    public var deadlines = Deadlines()

    public init(
        kinds: [Kind] = [],
        genericSingular: [String] = [],
        genericPlural: [String] = [],
        cues: [Cue] = [],
        words: Words = Words(),
        mood: Mood = Mood(),
        nonFacts: [NonFact] = []
    ) {
        self.kinds = kinds
        self.genericSingular = genericSingular
        self.genericPlural = genericPlural
        self.cues = cues
        self.words = words
        self.mood = mood
        self.nonFacts = nonFacts
    }

    /// The lexicon shipped with factwatch (`Resources/lexicon.toml`).
    public static let builtin: Lexicon = {
        let text = String(decoding: PackageResources.lexicon_toml, as: UTF8.self)
        do {
            return try Lexicon(toml: text, origin: "built-in lexicon.toml")
        } catch {
            fatalError("the built-in lexicon is invalid: \(error)")
        }
    }()

    /// This lexicon with `other`'s kinds, cues and words added: same-named kinds and cues get the other's phrases
    /// appended, new ones are added, word lists (`[words]`, `[mood]`, `[grammar]`, `[deadlines]`, ...) are united.
    public func merging(_ other: Lexicon) -> Lexicon {
        var result = self
        for kind in other.kinds {
            if let index = result.kinds.firstIndex(where: { $0.name == kind.name }) {
                var merged = result.kinds[index]
                merged.triggers = Self.union(merged.triggers, kind.triggers)
                merged.plurals = Self.union(merged.plurals, kind.plurals)
                merged.short = Self.union(merged.short, kind.short)
                merged.exclude = Self.union(merged.exclude, kind.exclude)
                merged.missions = Self.union(merged.missions, kind.missions)
                merged.inCapital = merged.inCapital || kind.inCapital
                merged.outsideCapital = merged.outsideCapital || kind.outsideCapital
                result.kinds[index] = merged
            } else {
                result.kinds.append(kind)
            }
        }
        result.genericSingular = Self.union(result.genericSingular, other.genericSingular)
        result.genericPlural = Self.union(result.genericPlural, other.genericPlural)
        for cue in other.cues {
            if let index = result.cues.firstIndex(where: { $0.name == cue.name }) {
                var merged = result.cues[index]
                merged.verbs = Self.union(merged.verbs, cue.verbs)
                merged.nouns = Self.union(merged.nouns, cue.nouns)
                merged.objects = Self.union(merged.objects, cue.objects)
                merged.via = Self.union(merged.via, cue.via)
                merged.intransitive = merged.intransitive || cue.intransitive
                result.cues[index] = merged
            } else {
                result.cues.append(cue)
            }
        }
        result.words.services = Self.union(result.words.services, other.words.services)
        result.words.staff = Self.union(result.words.staff, other.words.staff)
        result.words.safety = Self.union(result.words.safety, other.words.safety)
        result.words.temporary = Self.union(result.words.temporary, other.words.temporary)
        result.words.person = Self.union(result.words.person, other.words.person)
        result.mood.directive = Self.union(result.mood.directive, other.mood.directive)
        result.mood.obligation = Self.union(result.mood.obligation, other.mood.obligation)
        result.mood.future = Self.union(result.mood.future, other.mood.future)
        result.mood.hedge = Self.union(result.mood.hedge, other.mood.hedge)
        result.mood.conditional = Self.union(result.mood.conditional, other.mood.conditional)
        result.mood.negation = Self.union(result.mood.negation, other.mood.negation)
        result.mood.sentenceHedge = Self.union(result.mood.sentenceHedge, other.mood.sentenceHedge)
        result.mood.superseded = Self.union(result.mood.superseded, other.mood.superseded)
        result.mood.intent = Self.union(result.mood.intent, other.mood.intent)
        result.nonFacts.append(contentsOf: other.nonFacts)
        result.furniture.captions = Self.union(result.furniture.captions, other.furniture.captions)
        result.furniture.links = Self.union(result.furniture.links, other.furniture.links)
        for (list, words) in other.wordLists {
            result.wordLists[list] = Self.union(result.wordLists[list] ?? [], words)
        }
        result.deadlines.by = Self.union(result.deadlines.by, other.deadlines.by)
        result.deadlines.on = Self.union(result.deadlines.on, other.deadlines.on)
        result.deadlines.starting = Self.union(result.deadlines.starting, other.deadlines.starting)
        result.deadlines.within = Self.union(result.deadlines.within, other.deadlines.within)
        return result
    }

    static func union<T: Hashable>(_ first: [T], _ second: [T]) -> [T] {
        var seen = Set(first)
        var result = first
        for item in second where seen.insert(item).inserted {
            result.append(item)
        }
        return result
    }
}
