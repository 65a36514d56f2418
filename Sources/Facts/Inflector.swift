/// Regular English verb inflection, so the lexicon can list "close" instead of "close, closes, closed, closing".
///
/// Only the first word of a phrasal verb is inflected ("close down" → "closed down"). Irregular verbs are written
/// out in the lexicon.
enum Inflector {
    static func regular(_ phrase: String) -> Lexicon.VerbForms {
        Lexicon.VerbForms(base: phrase, third: third(phrase), past: past(phrase), gerund: gerund(phrase))
    }

    static func third(_ phrase: String) -> String { mapFirst(phrase, thirdWord) }

    /// Noun plural: the last word takes the ending ("trade office" → "trade offices").
    static func plural(_ phrase: String) -> String { mapLast(phrase, thirdWord) }

    static func past(_ phrase: String) -> String { mapFirst(phrase, pastWord) }
    static func gerund(_ phrase: String) -> String { mapFirst(phrase, gerundWord) }

    private static func mapFirst(_ phrase: String, _ transform: (String) -> String) -> String {
        var words = phrase.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return phrase }
        words[0] = transform(words[0])
        return words.joined(separator: " ")
    }

    private static func mapLast(_ phrase: String, _ transform: (String) -> String) -> String {
        var words = phrase.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return phrase }
        words[words.count - 1] = transform(words[words.count - 1])
        return words.joined(separator: " ")
    }

    private static func thirdWord(_ word: String) -> String {
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch")
            || word.hasSuffix("sh")
        {
            return word + "es"
        }
        if endsInConsonantY(word) { return String(word.dropLast()) + "ies" }
        return word + "s"
    }

    private static func pastWord(_ word: String) -> String {
        if word.hasSuffix("e") { return word + "d" }
        if endsInConsonantY(word) { return String(word.dropLast()) + "ied" }
        if doublesFinalConsonant(word) { return word + String(word.last!) + "ed" }
        return word + "ed"
    }

    private static func gerundWord(_ word: String) -> String {
        if word.hasSuffix("ie") { return String(word.dropLast(2)) + "ying" }
        if word.hasSuffix("e") && !word.hasSuffix("ee") { return String(word.dropLast()) + "ing" }
        if doublesFinalConsonant(word) { return word + String(word.last!) + "ing" }
        return word + "ing"
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    private static func endsInConsonantY(_ word: String) -> Bool {
        let chars = Array(word)
        guard chars.count >= 2, chars[chars.count - 1] == "y" else { return false }
        return !vowels.contains(chars[chars.count - 2])
    }

    /// One-syllable consonant-vowel-consonant words double the consonant: "shut" → "shutting".
    private static func doublesFinalConsonant(_ word: String) -> Bool {
        let chars = Array(word)
        guard chars.count >= 3 else { return false }
        let last = chars[chars.count - 1]
        let middle = chars[chars.count - 2]
        let before = chars[chars.count - 3]
        guard !vowels.contains(last), !"wxy".contains(last), vowels.contains(middle), !vowels.contains(before) else {
            return false
        }
        var groups = 0
        var inVowel = false
        for char in chars {
            let isVowel = vowels.contains(char)
            if isVowel && !inVowel { groups += 1 }
            inVowel = isVowel
        }
        return groups == 1
    }
}
