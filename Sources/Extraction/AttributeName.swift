/// The attributes the extraction rules read; the parser keeps only these.
///
/// A news page carries thousands of attributes the rules never look at (`src`, `srcset`, `data-*`, SVG paths,
/// inline event handlers); skipping them at parse time saves copying and validating most of a page's markup bytes.
enum AttributeName: UInt8, CaseIterable, Sendable {
    case className
    case id
    case role
    case style
    case hidden
    case ariaHidden
    case itemprop
    case content
    case value
    case property
    case name
    case httpEquiv
    case type
    case lang
    case xmlLang
    case rel
    case href
    case datetime
    case pubdate
    case charset
    /// Unix timestamps that scripts render in the reader's zone (Twitter's `data-time`, Facebook's `data-utime`).
    case dataTime
    case dataUtime

    /// The name as HTML writes it.
    var text: String {
        switch self {
        case .className: return "class"
        case .ariaHidden: return "aria-hidden"
        case .httpEquiv: return "http-equiv"
        case .dataTime: return "data-time"
        case .dataUtime: return "data-utime"
        case .xmlLang: return "xml:lang"
        default: return String(describing: self)
        }
    }

    /// The attribute a lower-case name stands for, if the rules read it.
    init?(_ name: String) {
        guard let found = Self.allCases.first(where: { $0.text == name }) else { return nil }
        self = found
    }

    /// The attribute a lower-case ASCII name stands for, if the rules read it.
    static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> AttributeName? {
        if name.count <= 8 {
            return table.find(PackedNameTable.pack(name)).flatMap { AttributeName(rawValue: UInt8($0)) }
        }
        if name.elementsEqual("aria-hidden".utf8) { return .ariaHidden }
        if name.elementsEqual("http-equiv".utf8) { return .httpEquiv }
        if name.elementsEqual("data-time".utf8) { return .dataTime }
        if name.elementsEqual("data-utime".utf8) { return .dataUtime }
        return nil
    }

    private static let table: PackedNameTable = {
        var table = PackedNameTable()
        for name in allCases where name.text.utf8.count <= 8 {
            table.insert(PackedNameTable.pack(name.text.utf8), value: UInt16(name.rawValue))
        }
        return table
    }()
}
