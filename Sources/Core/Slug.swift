import Foundation

/// Lower-case ASCII slugs for facility keys: "São Paulo" → "sao-paulo", "Washington, D.C." → "washington-d-c".
public enum Slug {
    /// Folds accents to their base letters, lower-cases, and joins the remaining letter and digit runs with "-".
    public static func make(_ text: String) -> String {
        var output = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if let special = special[scalar] {
                appendRun(special, to: &output, pendingDash: &pendingDash)
                continue
            }
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A:
                appendRun(String(Character(scalar)), to: &output, pendingDash: &pendingDash)
            case 0x41...0x5A:
                appendRun(String(Character(scalar)).lowercased(), to: &output, pendingDash: &pendingDash)
            case 0x27, 0x2019:
                continue  // apostrophes vanish: "Côte d'Ivoire" → "cote-divoire"
            default:
                // Combining marks left by the decomposition vanish; anything else separates words.
                if !scalar.properties.isDiacritic && scalar.properties.generalCategory != .nonspacingMark {
                    pendingDash = !output.isEmpty
                }
            }
        }
        return output
    }

    private static func appendRun(_ text: String, to output: inout String, pendingDash: inout Bool) {
        if pendingDash {
            output.append("-")
            pendingDash = false
        }
        output.append(text)
    }

    /// Letters that do not decompose into an ASCII base letter plus marks.
    private static let special: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]
}
