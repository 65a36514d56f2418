/// Durations as people write them in the configuration: `"90s"`, `"15m"`, `"2h"`, `"1d"`, `"1h30m"`.
public enum DurationText {
    /// Parses one or more `<whole number><unit>` parts with units `ms`, `s`, `m`, `h`, `d`; `nil` otherwise.
    public static func parse(_ text: String) -> Duration? {
        var total: Duration = .zero
        var digits = ""
        var unit = ""
        var parts = 0
        func flush() -> Bool {
            guard !digits.isEmpty, let value = Int64(digits) else { return false }
            let seconds: Duration
            switch unit {
            case "ms": seconds = .milliseconds(value)
            case "s": seconds = .seconds(value)
            case "m": seconds = .seconds(value * 60)
            case "h": seconds = .seconds(value * 3600)
            case "d": seconds = .seconds(value * 86_400)
            default: return false
            }
            total += seconds
            parts += 1
            digits = ""
            unit = ""
            return true
        }
        for character in text.trimmingCharacters(in: " ") {
            if character.isASCII, character.isNumber {
                if !unit.isEmpty, !flush() { return nil }
                digits.append(character)
            } else if character.isASCII, character.isLetter {
                guard !digits.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard flush(), parts > 0 else { return nil }
        return total
    }

    /// The shortest exact text for a duration: `15m`, `1h30m`, `45s`, `250ms`.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 != 0 { return "\(milliseconds)ms" }
        var remaining = milliseconds / 1000
        guard remaining > 0 else { return "0s" }
        var text = ""
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60), ("s", 1)] where remaining >= size {
            text += "\(remaining / size)\(unit)"
            remaining %= size
        }
        return text
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var slice = self[...]
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return slice
    }
}
