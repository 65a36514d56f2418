/// Month names and abbreviations in the languages whose news pages most often spell dates out.
///
/// Keys are lower case without accents (see ``DateTextParser``), so "févr.", "Févr" and "fevr" all match.
enum MonthNames {
    static let numbers: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            // English
            [
                "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december",
            ],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            // German
            [
                "januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober",
                "november", "dezember",
            ],
            ["jan", "feb", "marz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"],
            // French
            [
                "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
                "novembre", "decembre",
            ],
            ["janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "dec"],
            // Spanish
            [
                "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                "noviembre", "diciembre",
            ],
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "setiembre", "oct", "nov", "dic"],
            // Portuguese
            [
                "janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                "novembro", "dezembro",
            ],
            ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
            // Italian
            [
                "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                "ottobre", "novembre", "dicembre",
            ],
            ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
            // Dutch
            [
                "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december",
            ],
            ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        ]
        for list in names {
            for (offset, name) in list.enumerated() where table[name] == nil {
                table[name] = offset + 1
            }
        }
        table["sept"] = 9
        table["maerz"] = 3
        return table
    }()

    /// The month number of a lower-case, accent-free word, if it names a month.
    static func number(_ word: String) -> Int? { numbers[word] }
}
