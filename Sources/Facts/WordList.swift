/// The single-word lists of the lexicon that the extraction rules read: closed-class words of `[grammar]`, the
/// verbs of the staff frame in `[words]`, and the words around deadlines in `[deadlines]`.
///
/// They are data so that a user lexicon can add a word ("drawdown" to the staff verbs, "hamlet" to the place
/// nouns) without recompiling; the rules only ask whether a token is in a list. Every list is parsed, merged and
/// validated alike; its TOML key is its name in snake case (`speechVerbs` is `speech_verbs`), and
/// `Resources/lexicon.toml` documents each one. The raw value numbers the list's bit in ``WordListTable``.
public enum WordList: Int, CaseIterable, Hashable, Sendable {
    // [grammar]: determiners and openers of noun phrases.
    case determiners
    case definiteDeterminers
    case referenceOpeners
    case nounDeterminers
    case objectOpeners
    case nonObjectWords
    case partitives
    case pluralReferenceOpeners
    case cueModifiers
    // [grammar]: prepositions by role.
    case locativePrepositions
    case placePrepositions
    case obliquePrepositions
    case timePrepositions
    case nonSubjectPrepositions
    case appositivePrepositions
    case viaLinks
    // [grammar]: verbs of grammar.
    case verbAdverbs
    case auxiliaries
    case beForms
    case copulas
    case listCopulas
    case consequenceModals
    case hedgingModals
    case progressiveAdverbs
    case passiveAdverbs
    case ownershipVerbs
    // [grammar]: where clauses and lists break or join.
    case clauseBreaks
    case subjectBreaks
    case datingBreaks
    case cueConnectors
    case targetConnectors
    case countryConnectors
    case modifierStops
    // [grammar]: words of reporting.
    case speechVerbs
    case speakerVerbs
    case announcingVerbs
    case hearsayNouns
    case actorNouns
    // [grammar]: places.
    case placeNouns
    case settlementNouns
    case nameParticles
    // [words]: the staff frame's verbs.
    case withdrawalVerbs
    case leaveVerbs
    // [words]: people.
    case titleWords
    // [deadlines]
    case bareDayBlockers
    case reportedEvents
    case deadlineNouns

    /// The lexicon table the list is written in.
    public var table: String {
        switch self {
        case .withdrawalVerbs, .leaveVerbs, .titleWords: "words"
        case .bareDayBlockers, .reportedEvents, .deadlineNouns: "deadlines"
        default: "grammar"
        }
    }

    /// The lists of one table, in declaration order.
    static func lists(in table: String) -> [WordList] {
        allCases.filter { $0.table == table }
    }

    /// The TOML key: the case name in snake case.
    public var key: String {
        var key = ""
        for character in String(describing: self) {
            if character.isUppercase { key += "_" }
            key += character.lowercased()
        }
        return key
    }

    /// One bit per list, for ``WordListTable``.
    var bit: UInt64 { 1 << UInt64(rawValue) }
}
