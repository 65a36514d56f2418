/// An ``HTMLTree`` with the per-node facts every extraction rule asks about, computed once per page.
///
/// Letters (non-space characters) rather than bytes measure text, so that link density and length thresholds mean
/// the same for English, Russian and Japanese pages.
struct PageModel: Sendable {
    /// How the extractor treats an element, from its tag name alone.
    enum Kind: UInt8, Sendable {
        case text
        case neverText
        case furniture
        case heading
        case paragraph
        case listItem
        case list
        case quote
        case preformatted
        case table
        case tableRow
        case tableCell
        case block
        case lineBreak
        case link
        case inline
    }

    let tree: HTMLTree
    /// Per node: its kind.
    let kinds: [Kind]
    /// Per text node: the number of non-whitespace characters; 0 for elements.
    let letters: [Int32]
    /// Per text node: commas (Latin and CJK), Readability's measure of prose.
    let commas: [Int32]
    /// Per element: what its class, id and role say.
    let signals: [ClassSignals]

    init(tree: HTMLTree) {
        self.tree = tree
        let count = tree.nodes.count
        var kinds = [Kind](repeating: .inline, count: count)
        var letters = [Int32](repeating: 0, count: count)
        var commas = [Int32](repeating: 0, count: count)
        var signals = [ClassSignals](repeating: ClassSignals(), count: count)
        var cache = NameSignalsCache()
        let kindTable = HTMLTag.kindTable
        tree.text.withUnsafeBufferPointer { text in
            tree.attributeText.withUnsafeBufferPointer { values in
                for index in 0..<count {
                    let node = tree.nodes[index]
                    if node.isText {
                        kinds[index] = .text
                        let measure = TextMeasure.measure(UnsafeBufferPointer(rebasing: text[tree.textRange(index)]))
                        letters[index] = measure.letters
                        commas[index] = measure.commas
                        continue
                    }
                    let raw = Int(node.tag.rawValue)
                    kinds[index] = raw < kindTable.count ? kindTable[raw] : .inline
                }
                // Only elements that hold text need their names read: an empty icon or ad slot changes nothing.
                var holdsText = [Bool](repeating: false, count: count)
                for index in stride(from: count - 1, to: 0, by: -1) {
                    if letters[index] > 0 { holdsText[index] = true }
                    if holdsText[index] { holdsText[tree.parent(index)] = true }
                }
                for index in 0..<count where holdsText[index] && tree.hasAttributes(index) {
                    signals[index] = Self.signals(of: index, in: tree, values: values, cache: &cache)
                }
            }
        }
        self.kinds = kinds
        self.letters = letters
        self.commas = commas
        self.signals = signals
    }

    /// What the attributes of element `index` say, with class and id values read through `cache`.
    private static func signals(
        of index: Int,
        in tree: HTMLTree,
        values: UnsafeBufferPointer<UInt8>,
        cache: inout NameSignalsCache
    ) -> ClassSignals {
        var className: NameSignals?
        var id: NameSignals?
        var idNamesArticle = false
        var role: String?
        var hides = false
        for position in tree.attributeRange(index) {
            let attribute = tree.attributes[position]
            let range = Int(attribute.start)..<Int(attribute.start + attribute.length)
            let value = UnsafeBufferPointer(rebasing: values[range])
            switch attribute.name {
            case .className:
                className = cache.signals(values, range)
            case .id:
                id = cache.signals(values, range)
                idNamesArticle = value.equalsIgnoringASCIICase("story") || value.equalsIgnoringASCIICase("article")
            case .role:
                role = tree.value(of: attribute)
            case .style:
                if ClassSignals.styleHides(value) { hides = true }
            case .hidden:
                hides = true
            case .ariaHidden:
                if value.equalsIgnoringASCIICase("true") { hides = true }
            default:
                break
            }
        }
        return ClassSignals(className: className, id: id, idNamesArticle: idNamesArticle, role: role, hides: hides)
    }

    static func kind(of name: String) -> Kind {
        switch name {
        case "p": return .paragraph
        case "li", "dd", "dt": return .listItem
        case "ul", "ol", "dl": return .list
        case "blockquote": return .quote
        case "pre": return .preformatted
        case "table": return .table
        case "tr": return .tableRow
        case "td", "th": return .tableCell
        case "br", "hr": return .lineBreak
        case "a": return .link
        case "h1", "h2", "h3", "h4", "h5", "h6": return .heading
        default:
            if TagCatalog.neverText.contains(name) { return .neverText }
            if TagCatalog.furniture.contains(name) { return .furniture }
            if TagCatalog.blocks.contains(name) { return .block }
            return .inline
        }
    }

    func tag(_ index: Int) -> HTMLTag { tree.nodes[index].tag }

    func name(_ index: Int) -> String { tree.name(of: tree.nodes[index].tag) }

    func end(_ index: Int) -> Int { tree.end(index) }

    func parent(_ index: Int) -> Int { tree.parent(index) }

    func attribute(_ name: AttributeName, _ index: Int) -> String? { tree.attribute(name, index) }

    /// The text under an element, or `nil` when it holds more than `maximumLetters` letters (checked
    /// before any string is built, so probing large wrappers stays cheap).
    func text(of index: Int, maximumLetters: Int32) -> String? {
        var total: Int32 = 0
        for inner in index..<end(index) where kinds[inner] == .text {
            total += letters[inner]
            if total > maximumLetters { return nil }
        }
        return tree.text(under: index)
    }

    /// Whether the node's text starts a new paragraph.
    func isBlock(_ index: Int) -> Bool {
        switch kinds[index] {
        case .text, .link, .inline, .neverText: return false
        default: return true
        }
    }
}
