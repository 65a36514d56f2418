/// Month names and abbreviations in the languages whose news pages most often spell dates out.
///
/// Names are written as the languages spell them (genitive where dates use it: "20 января", "18 września") and
/// folded the same way ``DateToken`` folds page text, so "févr.", "Févr" and "fevr" all match.
enum MonthNames {
    /// Each row lists January to December.
    private static let languages: [[String]] = [
        // English
        [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ],
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        // German
        [
            "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
            "dezember",
        ],
        ["jän", "feb", "mrz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"],
        // French
        [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
            "décembre",
        ],
        ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"],
        // Spanish and Catalan
        [
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre",
        ],
        ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "setiembre", "oct", "nov", "dic"],
        [
            "gener", "febrer", "març", "abril", "maig", "juny", "juliol", "agost", "setembre", "octubre", "novembre",
            "desembre",
        ],
        // Portuguese
        [
            "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
            "novembro", "dezembro",
        ],
        ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
        // Italian
        [
            "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
            "novembre", "dicembre",
        ],
        ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
        // Dutch
        [
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december",
        ],
        ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        // Romanian
        [
            "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie",
            "noiembrie", "decembrie",
        ],
        // Indonesian and Malay
        [
            "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
            "november", "desember",
        ],
        // Swedish, Danish, Norwegian
        [
            "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
            "november", "december",
        ],
        [
            "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november",
            "december",
        ],
        // Hungarian
        [
            "január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember",
            "október", "november", "december",
        ],
        // Polish (genitive)
        [
            "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
            "października", "listopada", "grudnia",
        ],
        // Czech (genitive)
        [
            "ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu",
            "prosince",
        ],
        // Turkish
        [
            "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım",
            "aralık",
        ],
        // Russian (genitive and nominative)
        [
            "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
            "декабря",
        ],
        [
            "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
            "декабрь",
        ],
        // Ukrainian (genitive)
        [
            "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
            "листопада", "грудня",
        ],
        // Greek (genitive)
        [
            "ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου",
            "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου",
        ],
    ]

    static let numbers: [String: Int] = {
        var table: [String: Int] = [:]
        for list in languages {
            for (offset, name) in list.enumerated() {
                let key = DateToken.fold(name)
                if table[key] == nil { table[key] = offset + 1 }
            }
        }
        return table
    }()

    /// The month number of a folded word, if it names a month.
    static func number(_ word: String) -> Int? { numbers[word] }
}
