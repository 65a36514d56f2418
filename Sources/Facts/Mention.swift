import Core

/// A city as a mention names it: canonical when the gazetteer knows it, else as written.
struct CityRef: Hashable, Sendable {
    var name: String
    var country: CountryCode?
    /// Listed in the gazetteer (an unknown capitalised name after "consulate in" is kept, less confidently).
    var known: Bool
}

/// One noun phrase that names a facility ("Bolivia's consulate general in Antofagasta"), or refers back to one
/// ("the mission", "these closures"), with what the phrase itself says about it.
struct Mention: Sendable {
    enum Pronoun: Sendable {
        case its
        case their
    }

    var id: Int
    var sentence: Int
    /// Tokens of the whole phrase, modifiers included.
    var range: Range<Int>
    var head: Range<Int>
    /// Index into the lexicon's kinds; `nil` for a generic noun ("the mission").
    var kindIndex: Int?
    /// A short noun that names a kind only as a reference ("the centre").
    var isShort = false
    var isGeneric = false
    var plural = false
    var count: Int?
    var definite = false
    /// Countries named in the phrase as owner ("Bolivia's", "Russian", "of Japan").
    var operators: [CountryCode] = []
    var pronoun: Pronoun?
    var cities: [CityRef] = []
    var host: CountryCode?
    /// "in the capital": the host's capital, once the host is known.
    var inCapital = false
    /// "in each other's capitals".
    var eachOtherCapitals = false
    /// "the compound of the Ethiopian embassy", "the U.S. Embassy's summer house": the facility it belongs to.
    var possessor: Int?
    /// Part of another mention (the possessor inside "the compound of the embassy").
    var absorbed = false
    var relocationFrom: CityRef?
    var relocationTo: CityRef?
    /// The trigger as written, for readable names ("consulate general").
    var trigger: String
    /// "embassy staff": the kind word modifies a staff noun.
    var staffCompound = false

    /// A plural reference with no place of its own ("these closures", "the three buildings", "both sites").
    var isAnaphor: Bool {
        plural && cities.isEmpty && !eachOtherCapitals && (definite || count != nil) && host == nil
    }
}
