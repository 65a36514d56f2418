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
        /// Table structure, whose end tags search only up to the nearest `table`.
        static let tablePart = Traits(rawValue: 1 << 12)
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

    /// ``names`` as UTF-8, to match end tags against.
    static let nameBytes: [[UInt8]] = names.map { Array($0.utf8) }

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

    // Literal raw values (checked against ``names`` by the tests), so that using a constant costs no lazy
    // initialisation check.

    static let a = HTMLTag(rawValue: 2)  // "a"
    static let body = HTMLTag(rawValue: 18)  // "body"
    static let br = HTMLTag(rawValue: 19)  // "br"
    static let button = HTMLTag(rawValue: 20)  // "button"
    static let dd = HTMLTag(rawValue: 30)  // "dd"
    static let dt = HTMLTag(rawValue: 39)  // "dt"
    static let div = HTMLTag(rawValue: 37)  // "div"
    static let address = HTMLTag(rawValue: 4)  // "address"
    static let form = HTMLTag(rawValue: 48)  // "form"
    static let h1 = HTMLTag(rawValue: 51)  // "h1"
    static let head = HTMLTag(rawValue: 57)  // "head"
    static let html = HTMLTag(rawValue: 61)  // "html"
    static let li = HTMLTag(rawValue: 72)  // "li"
    static let link = HTMLTag(rawValue: 73)  // "link"
    static let main = HTMLTag(rawValue: 75)  // "main"
    static let meta = HTMLTag(rawValue: 81)  // "meta"
    static let ol = HTMLTag(rawValue: 89)  // "ol"
    static let optgroup = HTMLTag(rawValue: 90)  // "optgroup"
    static let option = HTMLTag(rawValue: 91)  // "option"
    static let p = HTMLTag(rawValue: 93)  // "p"
    static let script = HTMLTag(rawValue: 107)  // "script"
    static let table = HTMLTag(rawValue: 122)  // "table"
    static let tbody = HTMLTag(rawValue: 123)  // "tbody"
    static let td = HTMLTag(rawValue: 124)  // "td"
    static let template = HTMLTag(rawValue: 125)  // "template"
    static let th = HTMLTag(rawValue: 128)  // "th"
    static let time = HTMLTag(rawValue: 130)  // "time"
    static let title = HTMLTag(rawValue: 131)  // "title"
    static let tr = HTMLTag(rawValue: 132)  // "tr"
    static let ul = HTMLTag(rawValue: 136)  // "ul"
    static let xmp = HTMLTag(rawValue: 140)  // "xmp"
    static let article = HTMLTag(rawValue: 7)  // "article"
    static let caption = HTMLTag(rawValue: 22)  // "caption"
    static let colgroup = HTMLTag(rawValue: 27)  // "colgroup"
    static let span = HTMLTag(rawValue: 114)  // "span"

    /// Every constant above, for the test that checks their numbers against ``names``.
    static let constants: [(HTMLTag, String)] = [
        (.a, "a"), (.body, "body"), (.br, "br"), (.button, "button"), (.dd, "dd"), (.dt, "dt"), (.div, "div"),
        (.address, "address"), (.form, "form"), (.h1, "h1"), (.head, "head"), (.html, "html"), (.li, "li"),
        (.link, "link"), (.main, "main"), (.meta, "meta"), (.ol, "ol"), (.optgroup, "optgroup"), (.option, "option"),
        (.p, "p"), (.script, "script"), (.table, "table"), (.tbody, "tbody"), (.td, "td"), (.template, "template"),
        (.th, "th"), (.time, "time"), (.title, "title"), (.tr, "tr"), (.ul, "ul"), (.xmp, "xmp"),
        (.article, "article"), (.caption, "caption"), (.colgroup, "colgroup"), (.span, "span"),
    ]

    // MARK: - Tables

    /// Traits by raw value; hot loops copy it once rather than go through the lazy global on every tag.
    static let traitTable: [Traits] = {
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
        mark(.tablePart, ["table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup"])
        return table
    }()

    static let kindTable: [PageModel.Kind] = names.enumerated().map { index, name in
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

    /// Lower-case names packed by ``PackedNameTable/pack(_:)``, for names of up to eight bytes.
    static let nameTable: PackedNameTable = {
        var table = PackedNameTable()
        for (index, name) in names.enumerated() where name.utf8.count <= 8 && !name.hasPrefix("#") {
            table.insert(PackedNameTable.pack(name.utf8), value: UInt16(index))
        }
        return table
    }()
}
