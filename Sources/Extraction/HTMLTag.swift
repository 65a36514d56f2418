/// An element name as a small number, with what the parser's tree-building rules need to know about it.
///
/// The parser meets a few thousand tags per page; comparing numbers instead of strings, and reading a tag's traits
/// from one table, keeps that cheap. Names the catalog does not know (custom elements such as `amp-img`) get
/// numbers past ``knownCount``, interned per page by the parser; they have no traits and read as inline markup.
struct HTMLTag: Hashable, Sendable {
    let rawValue: UInt16

    init(rawValue: UInt16) { self.rawValue = rawValue }

    /// What the tree-building rules need to know about a tag (after the HTML standard's categories).
    struct Traits: OptionSet, Sendable {
        let rawValue: UInt32

        /// Never has content or an end tag: `br`, `img`, `meta`.
        static let void = Traits(rawValue: 1 << 0)
        /// Content is raw text up to the matching end tag: `script`, `style`, `noscript`.
        static let rawText = Traits(rawValue: 1 << 1)
        /// Like raw text, but character references are decoded: `title`, `textarea`.
        static let escapableRawText = Traits(rawValue: 1 << 2)
        /// Its start tag ends an open `p`: block-level elements.
        static let closesParagraph = Traits(rawValue: 1 << 3)
        /// The standard's "special" category: an unmatched end tag of an inline element never closes it.
        static let special = Traits(rawValue: 1 << 4)
        /// Where searches for an open element stop ("has an element in scope").
        static let scopeBoundary = Traits(rawValue: 1 << 5)
        /// May appear in `<head>`; anything else starts the body.
        static let headContent = Traits(rawValue: 1 << 6)
        static let heading = Traits(rawValue: 1 << 7)
        /// Its start tag ends SVG or MathML content left open.
        static let leavesForeignContent = Traits(rawValue: 1 << 8)
        /// Its end tag closes it only when it is in scope (block-level and table elements).
        static let scopedEnd = Traits(rawValue: 1 << 9)
        /// `tbody`, `thead`, `tfoot`.
        static let tableSection = Traits(rawValue: 1 << 10)
        /// `svg` and `math`, whose content follows XML rules (self-closing tags, no implied end tags).
        static let foreignRoot = Traits(rawValue: 1 << 11)
    }

    static let document = HTMLTag(rawValue: 0)
    static let text = HTMLTag(rawValue: 1)

    /// Element names the catalog knows, indexed by raw value; 0 and 1 are the document and text pseudo-tags.
    static let names: [String] = [
        "#document", "#text", "a", "abbr", "address", "applet", "area", "article", "aside", "audio", "b", "base",
        "basefont", "bdi", "bdo", "bgsound", "big", "blockquote", "body", "br", "button", "canvas", "caption",
        "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "desc", "details", "dfn",
        "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
        "foreignobject", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
        "hr", "html", "i", "iframe", "image", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "link",
        "listing", "main", "map", "mark", "marquee", "math", "menu", "meta", "meter", "nav", "nobr", "noembed",
        "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture",
        "plaintext", "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script", "search",
        "section", "select", "slot", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup",
        "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr",
        "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
    ]

    static var knownCount: Int { names.count }

    /// The catalog's tag for a lower-case name.
    init(known name: String) {
        guard let index = Self.names.firstIndex(of: name) else { preconditionFailure("\(name) is not in the catalog") }
        self.init(rawValue: UInt16(index))
    }

    var isKnown: Bool { Int(rawValue) < Self.knownCount }

    var traits: Traits { isKnown ? Self.traitTable[Int(rawValue)] : [] }

    /// How the extraction rules treat the element (custom elements are inline).
    var kind: PageModel.Kind { isKnown ? Self.kindTable[Int(rawValue)] : .inline }

    /// The level of `h1`…`h6`, else `nil`.
    var headingLevel: Int? {
        let offset = Int(rawValue) - Int(Self.h1.rawValue)
        return offset >= 0 && offset < 6 ? offset + 1 : nil
    }

    // MARK: - Tags the rules name

    static let a = HTMLTag(known: "a")
    static let body = HTMLTag(known: "body")
    static let br = HTMLTag(known: "br")
    static let button = HTMLTag(known: "button")
    static let dd = HTMLTag(known: "dd")
    static let dt = HTMLTag(known: "dt")
    static let div = HTMLTag(known: "div")
    static let address = HTMLTag(known: "address")
    static let form = HTMLTag(known: "form")
    static let h1 = HTMLTag(known: "h1")
    static let head = HTMLTag(known: "head")
    static let html = HTMLTag(known: "html")
    static let li = HTMLTag(known: "li")
    static let link = HTMLTag(known: "link")
    static let main = HTMLTag(known: "main")
    static let meta = HTMLTag(known: "meta")
    static let ol = HTMLTag(known: "ol")
    static let optgroup = HTMLTag(known: "optgroup")
    static let option = HTMLTag(known: "option")
    static let p = HTMLTag(known: "p")
    static let script = HTMLTag(known: "script")
    static let table = HTMLTag(known: "table")
    static let tbody = HTMLTag(known: "tbody")
    static let td = HTMLTag(known: "td")
    static let template = HTMLTag(known: "template")
    static let th = HTMLTag(known: "th")
    static let time = HTMLTag(known: "time")
    static let title = HTMLTag(known: "title")
    static let tr = HTMLTag(known: "tr")
    static let ul = HTMLTag(known: "ul")
    static let xmp = HTMLTag(known: "xmp")
    static let article = HTMLTag(known: "article")

    // MARK: - Tables

    private static let traitTable: [Traits] = {
        var table = [Traits](repeating: [], count: names.count)
        func mark(_ traits: Traits, _ list: [String]) {
            for name in list { table[Int(HTMLTag(known: name).rawValue)].insert(traits) }
        }
        let headings = ["h1", "h2", "h3", "h4", "h5", "h6"]
        mark(
            .void,
            [
                "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
                "keygen", "link", "meta", "param", "source", "track", "wbr",
            ]
        )
        mark(.rawText, ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"])
        mark(.escapableRawText, ["title", "textarea"])
        let blocks = [
            "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
            "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "search",
            "section", "summary", "ul", "listing", "pre",
        ]
        mark(.closesParagraph, blocks + headings + ["p", "form", "li", "dd", "dt", "plaintext", "table", "hr", "xmp"])
        mark(
            .special,
            blocks + headings + [
                "applet", "area", "base", "basefont", "bgsound", "body", "br", "button", "caption", "col", "colgroup",
                "dd", "dt", "embed", "form", "frame", "frameset", "head", "hr", "html", "iframe", "img", "input",
                "keygen", "li", "link", "marquee", "meta", "noembed", "noframes", "noscript", "object", "p", "param",
                "plaintext", "script", "select", "source", "style", "table", "tbody", "td", "template", "textarea",
                "tfoot", "th", "thead", "title", "tr", "track", "wbr", "xmp", "foreignobject", "desc",
            ]
        )
        mark(
            .scopeBoundary,
            [
                "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "foreignobject",
                "desc",
            ]
        )
        mark(
            .headContent,
            ["base", "basefont", "bgsound", "link", "meta", "title", "script", "style", "noscript", "template"]
        )
        mark(.heading, headings)
        mark(
            .leavesForeignContent,
            headings + [
                "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed",
                "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
                "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
            ]
        )
        mark(
            .scopedEnd,
            blocks + [
                "button", "form", "li", "dd", "dt", "applet", "marquee", "object", "table", "tbody", "thead", "tfoot",
                "tr", "td", "th", "caption", "colgroup", "template", "select",
            ]
        )
        mark(.tableSection, ["tbody", "thead", "tfoot"])
        mark(.foreignRoot, ["svg", "math"])
        return table
    }()

    private static let kindTable: [PageModel.Kind] = names.enumerated().map { index, name in
        index == Int(text.rawValue) ? .text : PageModel.kind(of: name)
    }

    // MARK: - Lookup

    /// The catalog's tag for a lower-case ASCII name, or `nil` for a name it does not know.
    static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> HTMLTag? {
        if name.count <= 8 {
            return nameTable.find(PackedNameTable.pack(name)).map(HTMLTag.init(rawValue:))
        }
        for (index, long) in longNames where long.count == name.count && long.elementsEqual(name) {
            return HTMLTag(rawValue: UInt16(index))
        }
        return nil
    }

    private static let longNames: [(Int, [UInt8])] = names.enumerated().compactMap { index, name in
        name.utf8.count > 8 ? (index, Array(name.utf8)) : nil
    }

    private static let nameTable: PackedNameTable = {
        var table = PackedNameTable()
        for (index, name) in names.enumerated() where name.utf8.count <= 8 && !name.hasPrefix("#") {
            table.insert(PackedNameTable.pack(name.utf8), value: UInt16(index))
        }
        return table
    }()
}
