import Core

/// `Facility.key.rawValue` without Foundation's Unicode decomposition for the ASCII names that nearly every key has:
/// the same slug rules as `Slug.make` (letters and digits kept and lower-cased, apostrophes dropped, anything else
/// one dash between runs), falling back to `Facility.key` for any other name.
enum FacilityKeyText {
    /// `facility.key.rawValue`. A kind name of lower-case words joined by single underscores (what the lexicon
    /// allows) is its own key part.
    static func make(_ facility: Facility) -> String {
        let kind = facility.kind.rawValue
        let bytes = kind.utf8
        // One pass over the bytes (String.contains would run a substring search on every candidate).
        var previous: UInt8 = 0
        var simple = !bytes.isEmpty && bytes.first != 0x5F && bytes.last != 0x5F
        for byte in bytes where simple {
            simple =
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F && previous != 0x5F
            previous = byte
        }
        guard simple else { return facility.key.rawValue }
        return make(facility, kindPart: kind)
    }

    /// - Parameter kindPart: the kind's part of a key.
    static func make(_ facility: Facility, kindPart: String) -> String {
        var city = "-"
        if let name = facility.city, !name.isEmpty {
            guard let slug = asciiSlug(name) else { return facility.key.rawValue }
            if !slug.isEmpty { city = slug }
        }
        let owner = facility.operatorCountry?.rawValue.lowercased() ?? "xx"
        let host = facility.hostCountry?.rawValue.lowercased() ?? "xx"
        return "\(owner):\(kindPart):\(host):\(city)"
    }

    /// `Slug.make(name)`, without Foundation when the name is ASCII.
    static func slug(_ name: String) -> String {
        asciiSlug(name) ?? Slug.make(name)
    }

    /// The slug of an ASCII name, or nil when the name is not ASCII.
    static func asciiSlug(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingDash = false
        for byte in name.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A:
                if pendingDash {
                    bytes.append(0x2D)
                    pendingDash = false
                }
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            case 0x27, 0x5E, 0x60:
                continue  // apostrophes vanish; "^" and "`" are diacritics, which vanish too
            case 0x80...0xFF:
                return nil
            default:
                pendingDash = !bytes.isEmpty
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
