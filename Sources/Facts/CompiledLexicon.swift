import Core

/// The lexicon and gazetteer turned into tries, built once per ``FactExtractor`` so that extraction never compiles a
/// matcher per article or sentence.
struct CompiledLexicon: Sendable {
    enum EntityPayload: Hashable, Sendable {
        case country(Int)
        case demonym(Int)
        case city(Int)
        case region(Int)
    }

    enum KindPayload: Hashable, Sendable {
        case kind(Int, plural: Bool)
        case short(Int)
        case generic(plural: Bool)
        case exclude
    }

    enum VerbForm: Hashable, Sendable {
        case base
        case third
        case past
        case gerund
        case noun
    }

    struct CuePayload: Hashable, Sendable {
        var cue: Int
        var form: VerbForm
        /// The text is also the participle ("closed"), or only the simple past.
        var isParticiple: Bool
    }

    /// A gazetteer alias written all in capitals ("US") only matches capitals.
    struct EntityEntry: Hashable, Sendable {
        var payload: EntityPayload
        var capitalsOnly: Bool
    }

    let lexicon: Lexicon
    let gazetteer: Gazetteer
    /// Every word of every phrase below; tokens carry their id in it (``Token/word``).
    private(set) var vocabulary = Vocabulary()
    private(set) var entities = PhraseTrie<EntityEntry>()
    private(set) var kinds = PhraseTrie<KindPayload>()
    private(set) var cues = PhraseTrie<CuePayload>()
    private(set) var classes = PhraseTrie<WordClass>()
    /// Per non-fact group: its phrases.
    private(set) var nonFacts = PhraseTrie<Int>()
    /// Caption credits (`true`) and link openers (`false`), from the lexicon's `[furniture]`.
    private(set) var furniture = PhraseTrie<Bool>()
    private(set) var dummyObjects: [Int: PhraseTrie<Bool>] = [:]
    /// Per cue, the nouns it acts on a facility through ("the licence of"), from the lexicon's `via`.
    private(set) var viaNouns: [Int: PhraseTrie<Bool>] = [:]
    /// Per kind: the folded plural and short nouns, to name a facility by its kind's label.
    private(set) var pluralKeys: [Set<String>] = []
    /// The time grammar's start, anchor and deadline words by vocabulary id.
    private(set) var timexWords: TimexWords.Table
    private(set) var shortKeys: [Set<String>] = []
    /// Per kind, the keys of the generic nouns that name it in a capital ("diplomatic mission" → embassy).
    private(set) var missionKeys: [Set<String>] = []
    /// The lexicon's single-word lists (`[grammar]`, `[deadlines]`, the staff verbs) by vocabulary id.
    private(set) var wordLists: WordListTable
    /// The lexicon's deadline signal phrases, longest first.
    let deadlineSignals: DeadlineSignals.Signals

    init(lexicon: Lexicon, gazetteer: Gazetteer) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        var initial = Vocabulary()
        deadlineSignals = DeadlineSignals.Signals(lexicon.deadlines)
        timexWords = TimexWords.Table(vocabulary: &initial, signalEnds: deadlineSignals.lastWords)
        wordLists = WordListTable(lexicon: lexicon, vocabulary: &initial)
        vocabulary = initial
        for (index, country) in gazetteer.countries.enumerated() {
            for name in [country.name] + country.aliases {
                entities.insert(
                    name,
                    EntityEntry(payload: .country(index), capitalsOnly: Self.isCapitals(name)),
                    vocabulary: &vocabulary
                )
            }
            for demonym in country.demonyms {
                entities.insert(
                    demonym,
                    EntityEntry(payload: .demonym(index), capitalsOnly: Self.isCapitals(demonym)),
                    vocabulary: &vocabulary
                )
            }
        }
        for (index, city) in gazetteer.cities.enumerated() {
            for name in [city.name] + city.aliases {
                entities.insert(
                    name,
                    EntityEntry(payload: .city(index), capitalsOnly: Self.isCapitals(name)),
                    vocabulary: &vocabulary
                )
            }
        }
        for (index, region) in gazetteer.regions.enumerated() {
            for name in [region.name] + region.aliases {
                entities.insert(
                    name,
                    EntityEntry(payload: .region(index), capitalsOnly: Self.isCapitals(name)),
                    vocabulary: &vocabulary
                )
            }
        }
        pluralKeys = lexicon.kinds.map { Set($0.plurals.map(Gazetteer.key)) }
        shortKeys = lexicon.kinds.map { Set($0.short.map(Gazetteer.key)) }
        missionKeys = lexicon.kinds.map { Set($0.missions.map(Gazetteer.key)) }
        for (index, kind) in lexicon.kinds.enumerated() {
            for phrase in kind.triggers { kinds.insert(phrase, .kind(index, plural: false), vocabulary: &vocabulary) }
            for phrase in kind.plurals { kinds.insert(phrase, .kind(index, plural: true), vocabulary: &vocabulary) }
            for phrase in kind.short { kinds.insert(phrase, .short(index), vocabulary: &vocabulary) }
            for phrase in kind.exclude { kinds.insert(phrase, .exclude, vocabulary: &vocabulary) }
        }
        for phrase in lexicon.genericSingular { kinds.insert(phrase, .generic(plural: false), vocabulary: &vocabulary) }
        for phrase in lexicon.genericPlural { kinds.insert(phrase, .generic(plural: true), vocabulary: &vocabulary) }
        for (index, cue) in lexicon.cues.enumerated() {
            for verb in cue.verbs {
                cues.insert(
                    verb.base,
                    CuePayload(cue: index, form: .base, isParticiple: false),
                    vocabulary: &vocabulary
                )
                cues.insert(
                    verb.third,
                    CuePayload(cue: index, form: .third, isParticiple: false),
                    vocabulary: &vocabulary
                )
                cues.insert(
                    verb.past,
                    CuePayload(cue: index, form: .past, isParticiple: verb.past == verb.participle),
                    vocabulary: &vocabulary
                )
                if verb.participle != verb.past {
                    cues.insert(
                        verb.participle,
                        CuePayload(cue: index, form: .past, isParticiple: true),
                        vocabulary: &vocabulary
                    )
                }
                cues.insert(
                    verb.gerund,
                    CuePayload(cue: index, form: .gerund, isParticiple: false),
                    vocabulary: &vocabulary
                )
            }
            for noun in cue.nouns {
                cues.insert(noun, CuePayload(cue: index, form: .noun, isParticiple: false), vocabulary: &vocabulary)
            }
            if !cue.objects.isEmpty {
                var trie = PhraseTrie<Bool>()
                for object in cue.objects { trie.insert(object, true, vocabulary: &vocabulary) }
                dummyObjects[index] = trie
            }
            if !cue.via.isEmpty {
                var trie = PhraseTrie<Bool>()
                for noun in cue.via { trie.insert(noun, true, vocabulary: &vocabulary) }
                viaNouns[index] = trie
            }
        }
        let mood = lexicon.mood
        let words = lexicon.words
        let lists: [([String], WordClass)] = [
            (mood.directive, .directive), (mood.obligation, .obligation), (mood.future, .future),
            (mood.hedge, .hedge), (mood.conditional, .conditional), (mood.negation, .negation),
            (mood.sentenceHedge, .sentenceHedge), (mood.superseded, .superseded), (words.services, .services),
            (words.staff, .staff), (words.safety, .safety), (words.temporary, .temporary), (words.person, .person),
            (mood.intent, .intent),
        ]
        for (phrases, wordClass) in lists {
            for phrase in phrases { classes.insert(phrase, wordClass, vocabulary: &vocabulary) }
        }
        for (index, group) in lexicon.nonFacts.enumerated() {
            for phrase in group.phrases { nonFacts.insert(phrase, index, vocabulary: &vocabulary) }
        }
        for phrase in lexicon.furniture.captions { furniture.insert(phrase, true, vocabulary: &vocabulary) }
        for phrase in lexicon.furniture.links { furniture.insert(phrase, false, vocabulary: &vocabulary) }
        vocabulary.seal()
        let size = vocabulary.count
        timexWords.seal(vocabulary)
        wordLists.seal(vocabulary)
        entities.seal(vocabularySize: size)
        kinds.seal(vocabularySize: size)
        cues.seal(vocabularySize: size)
        classes.seal(vocabularySize: size)
        nonFacts.seal(vocabularySize: size)
        furniture.seal(vocabularySize: size)
        for key in Array(dummyObjects.keys) { dummyObjects[key]!.seal(vocabularySize: size) }
        for key in Array(viaNouns.keys) { viaNouns[key]!.seal(vocabularySize: size) }
    }

    /// At least two letters, every one a capital, and no dot ("US" but not "U.S." or "Us"). ASCII letters are
    /// told apart without Unicode property lookups, which cost most of the start-up over thousands of names.
    static func isCapitals(_ name: String) -> Bool {
        var letters = 0
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x2E: return false
            case 0x41...0x5A: letters += 1
            case 0x61...0x7A: return false
            case 0..<0x80: continue
            default:
                guard scalar.properties.isAlphabetic else { continue }
                guard scalar.properties.isUppercase else { return false }
                letters += 1
            }
        }
        return letters >= 2
    }
}
