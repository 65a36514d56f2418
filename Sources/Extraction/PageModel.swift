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
        for index in 0..<count {
            let node = tree.nodes[index]
            if node.isText {
                kinds[index] = .text
                var letterCount: Int32 = 0
                var commaCount: Int32 = 0
                for scalar in node.text.unicodeScalars where !scalar.isExtractionWhitespace {
                    letterCount += 1
                    if scalar == "," || scalar == "\u{FF0C}" || scalar == "\u{3001}" || scalar == "\u{060C}" {
                        commaCount += 1
                    }
                }
                letters[index] = letterCount
                commas[index] = commaCount
                continue
            }
            kinds[index] = PageModel.kind(of: node.name)
            if !node.attributes.isEmpty {
                signals[index] = ClassSignals(
                    className: node.attribute("class"),
                    id: node.attribute("id"),
                    role: node.attribute("role"),
                    style: node.attribute("style"),
                    hidden: node.attribute("hidden") != nil,
                    ariaHidden: node.attribute("aria-hidden")
                )
            }
        }
        self.kinds = kinds
        self.letters = letters
        self.commas = commas
        self.signals = signals
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

    func name(_ index: Int) -> String { tree.nodes[index].name }

    func end(_ index: Int) -> Int { tree.nodes[index].end }

    func parent(_ index: Int) -> Int { tree.nodes[index].parent }

    func attribute(_ name: String, _ index: Int) -> String? { tree.nodes[index].attribute(name) }

    /// The raw text under an element, or `nil` when it holds more than `maximumLetters` letters (checked
    /// before any string is built, so probing large wrappers stays cheap).
    func text(of index: Int, maximumLetters: Int32) -> String? {
        var total: Int32 = 0
        for inner in index..<end(index) where kinds[inner] == .text {
            total += letters[inner]
            if total > maximumLetters { return nil }
        }
        return tree.text(of: HTMLTree.NodeID(index))
    }

    /// Whether the node's text starts a new paragraph.
    func isBlock(_ index: Int) -> Bool {
        switch kinds[index] {
        case .text, .link, .inline, .neverText: return false
        default: return true
        }
    }
}
