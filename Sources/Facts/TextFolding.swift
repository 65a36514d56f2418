import Foundation

/// The comparison form of words: lower case, accents removed, curly apostrophes straightened.
///
/// Names reach us as "Bogotá" or "Bogota", "Côte d’Ivoire" or "Cote d'Ivoire"; matching on the folded form makes
/// the gazetteer and lexicon indifferent to that. ASCII text (nearly all of it) takes a fast path.
enum TextFolding {
    static func fold(_ text: some StringProtocol) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return text.lowercased() }
        // Straightened scalar by scalar: Foundation's replacingOccurrences costs more than the folding itself, and
        // the built-in gazetteer folds hundreds of accented names at start-up.
        var straightened = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            straightened.append(scalar == "\u{2019}" || scalar == "\u{2018}" ? "'" : scalar)
        }
        return String(straightened).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
    }
}
