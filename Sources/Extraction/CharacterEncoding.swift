/// The encoding of a page's bytes, from a charset label as servers and pages write it.
///
/// Labels are mapped the way browsers map them (the WHATWG Encoding standard): "iso-8859-1" and "ascii" mean
/// windows-1252, "gb2312" means GB18030, "euc-kr" means windows-949, "shift_jis" means windows-31J. Other labels go
/// to iconv by name; a label iconv does not know is ignored, so the next source of truth (a byte-order mark, the
/// page's `<meta>`) decides.
enum CharacterEncoding: Hashable, Sendable {
    case utf8
    case windows1252
    case utf16LittleEndian
    case utf16BigEndian
    /// Any other encoding, by its iconv name.
    case iconv(String)

    /// The encoding a label names, or `nil` for a blank or unknown label.
    init?(label: String) {
        var name = label.trimmingASCIIWhitespace().lowercased()
        if name.count >= 2, let first = name.first, first == "\"" || first == "'", name.last == first {
            name = String(name.dropFirst().dropLast()).trimmingASCIIWhitespace()
        }
        guard !name.isEmpty else { return nil }
        if let known = Self.aliases[name] {
            self = known
            return
        }
        let iconvName = name.uppercased()
        guard Transcoder.canDecode(iconvName) else { return nil }
        self = .iconv(iconvName)
    }

    /// Whether ASCII bytes mean ASCII characters, so that markup can be read before the page is decoded.
    var isASCIICompatible: Bool {
        switch self {
        case .utf16LittleEndian, .utf16BigEndian: return false
        case .iconv(let name): return !name.hasPrefix("UTF-16") && !name.hasPrefix("UTF-32") && !name.hasPrefix("UCS")
        default: return true
        }
    }

    /// The encoding a byte-order mark at the start of `bytes` announces, and the mark's length.
    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> (encoding: CharacterEncoding, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BigEndian, 2) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LittleEndian, 2) }
        return nil
    }

    private static let aliases: [String: CharacterEncoding] = {
        var table: [String: CharacterEncoding] = [:]
        func add(_ encoding: CharacterEncoding, _ labels: [String]) {
            for label in labels { table[label] = encoding }
        }
        add(.utf8, ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"])
        add(
            .windows1252,
            [
                "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
                "iso_8859-1:1987", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819",
                "iso-ir-100", "csisolatin1",
            ]
        )
        add(.utf16LittleEndian, ["utf-16", "utf-16le", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2"])
        add(.utf16BigEndian, ["utf-16be", "unicodefffe"])
        add(.iconv("GB18030"), ["gb18030", "gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "iso-ir-58", "cp936"])
        add(.iconv("BIG5-HKSCS"), ["big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"])
        add(.iconv("CP949"), ["euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "windows-949", "korean", "cseuckr"])
        add(
            .iconv("CP932"),
            ["shift_jis", "shift-jis", "sjis", "ms_kanji", "ms932", "windows-31j", "x-sjis", "csshiftjis"]
        )
        add(.iconv("CP874"), ["tis-620", "iso-8859-11", "windows-874", "dos-874"])
        add(.iconv("CP1254"), ["iso-8859-9", "latin5", "l5", "windows-1254", "cp1254"])
        add(.iconv("KOI8-U"), ["koi8-u", "koi8-ru"])
        return table
    }()
}
