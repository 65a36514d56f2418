extension TimexWords {
    /// ``starters``, ``anchors``, ``deadlineWords`` and the tense words of ``ClauseTense`` by vocabulary id.
    struct Table: Sendable {
        /// What a word is to the time grammar; a word can be several.
        struct Role: OptionSet, Sendable {
            let rawValue: UInt16
            static let starter = Role(rawValue: 1)
            static let anchor = Role(rawValue: 2)
            static let deadline = Role(rawValue: 4)
            static let future = Role(rawValue: 8)
            static let past = Role(rawValue: 16)
            static let notPast = Role(rawValue: 32)
            static let link = Role(rawValue: 64)
            /// The last word of a deadline signal ("by", "of" in "as of", "than" in "no later than").
            static let signalEnd = Role(rawValue: 128)
            /// The first word of a modified date, a period, a recurrence or a reference to the present: the grammar
            /// tries those rules only where one can start.
            static let modifierStart = Role(rawValue: 256)
            static let periodStart = Role(rawValue: 512)
            static let recurrenceStart = Role(rawValue: 1024)
            static let referenceStart = Role(rawValue: 2048)
            static let dateStart = Role(rawValue: 4096)
        }

        private var roles: [Role] = []

        static let lists: [(Set<String>, Role)] = [
            (TimexWords.starters, .starter), (TimexWords.anchors, .anchor), (TimexWords.links, .link),
            (TimexWords.deadlineWords, .deadline),
            (ClauseTense.future, .future), (ClauseTense.past, .past), (ClauseTense.notPast, .notPast),
            (DeadlineSignals.Signals.builtin.lastWords, .signalEnd),
            (Set(TimexGrammar.modifiers.map { $0[0] }), .modifierStart), (TimexWords.periodStarts, .periodStart),
            (TimexWords.recurrenceStarts, .recurrenceStart),
            (Set(TimexGrammar.references.keys.map { $0[0] }), .referenceStart), (TimexWords.dateStarts, .dateStart),
        ]

        /// The last words of the lexicon's deadline signals, which replace the built-in ones of ``lists``.
        private let signalEnds: Set<String>

        /// Adds the words to the vocabulary being built.
        init(vocabulary: inout Vocabulary, signalEnds: Set<String>) {
            self.signalEnds = signalEnds
            for (words, _) in ownLists {
                for word in words { _ = vocabulary.add(word) }
            }
        }

        mutating func seal(_ vocabulary: Vocabulary) {
            roles = Array(repeating: [], count: vocabulary.count)
            for (words, role) in ownLists {
                for word in words { roles[Int(vocabulary.id(of: word))].insert(role) }
            }
        }

        private var ownLists: [(Set<String>, Role)] {
            Self.lists.filter { $0.1 != .signalEnd } + [(signalEnds, .signalEnd)]
        }

        func has(_ token: Token, _ role: Role) -> Bool { roles(ofWord: token.word).contains(role) }

        func roles(ofWord word: Int32) -> Role { word >= 0 ? roles[Int(word)] : [] }
    }
}
