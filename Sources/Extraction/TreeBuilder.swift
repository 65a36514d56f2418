/// Builds an ``HTMLTree`` from the tags and text ``HTMLParser`` reads, repairing markup the way browsers do.
///
/// It follows the HTML standard's tree-construction rules where they decide which element text lands in: a block
/// start tag ends an open `p`, `li` ends the previous `li`, table cells and rows end their predecessors, an end tag
/// closes the elements left open inside its element, an unmatched end tag of inline markup is ignored, and SVG or
/// MathML left open ends at the next HTML block. It leaves out what only matters for rendering (re-opening
/// formatting elements, moving text out of tables).
///
/// Nesting is capped at ``maximumDepth``: deeper start tags become empty leaves, so a page of 100,000 nested `div`s
/// parses in linear time, and no rule that walks the open elements can take long.
struct TreeBuilder {
    static let maximumDepth = 512

    private(set) var tree = HTMLTree()
    /// Node indices of the open elements, innermost last; the document node is always at the bottom.
    private var stack: [Int32] = [0]
    private var stackTags: [HTMLTag] = [.document]
    /// How many elements of each tag are open, to reject an end tag with nothing to close at once.
    private var openCounts = [Int32](repeating: 0, count: HTMLTag.knownCount)
    private var customTags: [String: UInt16] = [:]
    private var foreignDepth = 0
    private var seenHTML = false
    private var seenHead = false
    private var seenBody = false
    /// Where the attributes of the start tag being read begin.
    private var pendingAttributes = 0
    /// What the UTF-8 check found in the text kept so far.
    private(set) var tally = UTF8Repair.Tally()
    /// The first charset a `<meta>` in the head declares, as written.
    private(set) var declaredCharset: String?
    /// ``HTMLTag/traitTable``, read once.
    private let traitTable = HTMLTag.traitTable

    init(expectedBytes: Int = 0) {
        tree.nodes.reserveCapacity(max(64, expectedBytes / 64))
        tree.text.reserveCapacity(expectedBytes / 4)
        tree.attributes.reserveCapacity(max(64, expectedBytes / 256))
        tree.attributeText.reserveCapacity(expectedBytes / 16)
    }

    var currentTag: HTMLTag { stackTags[stackTags.count - 1] }

    /// A tag's traits; custom elements have none.
    @inline(__always)
    func traits(of tag: HTMLTag) -> HTMLTag.Traits {
        let index = Int(tag.rawValue)
        return index < traitTable.count ? traitTable[index] : []
    }

    /// Whether the current element is SVG or MathML content.
    var inForeignContent: Bool { foreignDepth > 0 }

    // MARK: - Input from the parser

    /// The tag for a lower-case name the catalog does not know, numbered for this page.
    mutating func customTag(_ name: UnsafeBufferPointer<UInt8>) -> HTMLTag {
        let text = String(decoding: name, as: UTF8.self)
        if let known = customTags[text] { return HTMLTag(rawValue: known) }
        let number = HTMLTag.knownCount + tree.customNames.count
        guard number < Int(UInt16.max) else { return .span }
        tree.customNames.append(text)
        customTags[text] = UInt16(number)
        openCounts.append(0)
        return HTMLTag(rawValue: UInt16(number))
    }

    /// Records an attribute of the start tag being read; the first of two with the same name wins.
    mutating func attribute(_ name: AttributeName, value input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        for index in pendingAttributes..<tree.attributes.count where tree.attributes[index].name == name { return }
        let start = tree.attributeText.count
        tally.add(CharacterReference.appendDecoded(input, range, to: &tree.attributeText, inAttribute: true))
        tree.attributes.append(
            HTMLTree.Attribute(name: name, start: Int32(start), length: Int32(tree.attributeText.count - start))
        )
    }

    /// Handles a start tag whose attributes were recorded; returns whether the new element is open, so that
    /// content read next goes inside it.
    @discardableResult
    mutating func startTag(_ tag: HTMLTag, selfClosing: Bool) -> Bool {
        let flags = traits(of: tag)
        if tag == .html || tag == .head || tag == .body {
            return startDocumentTag(tag)
        }
        if foreignDepth > 0 {
            if flags.contains(.leavesForeignContent) {
                while foreignDepth > 0 { pop() }
            } else {
                return insert(tag, push: !selfClosing && !flags.contains(.void))
            }
        }
        if !seenBody, !flags.contains(.headContent) { startBody() }
        closeImpliedElements(before: tag, flags: flags)
        let push = !flags.contains(.void) && !(selfClosing && flags.contains(.foreignRoot))
        let isOpen = insert(tag, push: push)
        // Like browsers, only a declaration before the body counts: a `<meta>` further down is usually part of an
        // embedded document.
        if tag == .meta, !seenBody, declaredCharset == nil { declaredCharset = charsetOfLastElement() }
        return isOpen
    }

    /// Handles an end tag.
    mutating func endTag(_ tag: HTMLTag) {
        if tag == .br {
            discardPendingAttributes()
            startTag(.br, selfClosing: false)
            return
        }
        if tag == .html || tag == .body { return }
        if foreignDepth > 0 {
            var position = stack.count - 1
            while position > 0 {
                if stackTags[position] == tag {
                    pop(through: position)
                    return
                }
                if traits(of: stackTags[position]).contains(.foreignRoot) { break }
                position -= 1
            }
        }
        let flags = traits(of: tag)
        if flags.contains(.heading) {
            if let position = find(in: .standard, where: { traits(of: $0).contains(.heading) }) {
                pop(through: position)
            }
            return
        }
        guard openCount(tag) > 0 else { return }
        if tag == .p {
            if let position = find(in: .button, where: { $0 == .p }) { pop(through: position) }
        } else if tag == .li {
            if let position = find(in: .listItem, where: { $0 == .li }) { pop(through: position) }
        } else if flags.contains(.scopedEnd) {
            let scope: Scope = flags.contains(.tablePart) ? .table : .standard
            if let position = find(in: scope, where: { $0 == tag }) { pop(through: position) }
        } else {
            var position = stack.count - 1
            while position > 0 {
                if stackTags[position] == tag {
                    pop(through: position)
                    return
                }
                if traits(of: stackTags[position]).contains(.special) { return }
                position -= 1
            }
        }
    }

    /// Adds text to the current element, decoding character references when `decode` is set; adjacent text is
    /// merged into one node.
    mutating func text(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, decode: Bool) {
        guard !range.isEmpty else { return }
        let before = tree.text.count
        if decode {
            tally.add(CharacterReference.appendDecoded(input, range, to: &tree.text, inAttribute: false))
        } else {
            tally.add(UTF8Repair.append(UnsafeBufferPointer(rebasing: input[range]), to: &tree.text))
        }
        guard tree.text.count > before else { return }
        if !seenBody, foreignDepth == 0 {
            let current = currentTag
            if current == .document || current == .html || current == .head {
                if tree.text[before...].allSatisfy(\.isASCIIWhitespace) {
                    tree.text.removeSubrange(before...)
                    return
                }
                startBody()
            }
        }
        let parent = stack[stack.count - 1]
        let last = tree.nodes.count - 1
        if tree.nodes[last].isText, tree.nodes[last].parent == parent,
            Int(tree.nodes[last].start + tree.nodes[last].length) == before
        {
            tree.nodes[last].length = Int32(tree.text.count) - tree.nodes[last].start
            return
        }
        let index = Int32(tree.nodes.count)
        tree.nodes.append(
            HTMLTree.Node(
                tag: .text,
                attributeCount: 0,
                parent: parent,
                end: index + 1,
                start: Int32(before),
                length: Int32(tree.text.count - before)
            )
        )
    }

    /// Closes everything still open and returns the tree.
    mutating func finish() -> HTMLTree {
        while stack.count > 1 { pop() }
        tree.nodes[0].end = Int32(tree.nodes.count)
        return tree
    }

    // MARK: - Start tags

    private mutating func startDocumentTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .html:
            guard !seenHTML, currentTag == .document else { return ignore() }
            seenHTML = true
        case .head:
            guard !seenHead, !seenBody, currentTag == .document || currentTag == .html else { return ignore() }
            seenHead = true
        default:
            guard !seenBody else { return ignore() }
            if foreignDepth > 0 { while foreignDepth > 0 { pop() } }
            closeHead()
            seenBody = true
        }
        return insert(tag, push: true)
    }

    private mutating func ignore() -> Bool {
        discardPendingAttributes()
        return false
    }

    /// The body starts at the first content that cannot be in `<head>`; a page without a `<body>` tag gets one, so
    /// the rules always find the content under `body`.
    private mutating func startBody() {
        seenBody = true
        closeHead()
        let current = currentTag
        guard current == .document || current == .html else { return }
        let saved = pendingAttributes
        pendingAttributes = tree.attributes.count
        _ = insert(.body, push: true)
        pendingAttributes = saved
    }

    private mutating func closeHead() {
        guard openCount(.head) > 0, let position = stackTags.lastIndex(of: .head) else { return }
        pop(through: position)
    }

    /// The end tags a start tag implies: an open `p` before a block, the previous `li`, cell or row, a heading
    /// inside a heading, a link inside a link.
    private mutating func closeImpliedElements(before tag: HTMLTag, flags: HTMLTag.Traits) {
        if tag == .li {
            closeListItem { $0 == .li }
        } else if tag == .dd || tag == .dt {
            closeListItem { $0 == .dd || $0 == .dt }
        }
        if flags.contains(.closesParagraph), openCount(.p) > 0,
            let position = find(in: .button, where: { $0 == .p })
        {
            pop(through: position)
        }
        if flags.contains(.heading), traits(of: currentTag).contains(.heading) {
            pop()
        } else if tag == .td || tag == .th {
            if let position = find(in: .table, where: { $0 == .td || $0 == .th }) { pop(through: position) }
        } else if tag == .tr {
            if let position = find(in: .table, where: { $0 == .tr }) { pop(through: position) }
        } else if flags.contains(.tableSection) {
            if let position = find(in: .table, where: { traits(of: $0).contains(.tableSection) || $0 == .tr }) {
                pop(through: position)
            }
        } else if tag == .option || tag == .optgroup {
            if currentTag == .option { pop() }
            if tag == .optgroup, currentTag == .optgroup { pop() }
        } else if tag == .a, openCount(.a) > 0 {
            var position = stack.count - 1
            while position > 0, !traits(of: stackTags[position]).contains(.special) {
                if stackTags[position] == .a {
                    pop(through: position)
                    break
                }
                position -= 1
            }
        } else if tag == .button, openCount(.button) > 0, let position = find(in: .standard, where: { $0 == .button }) {
            pop(through: position)
        }
    }

    /// Closes an open list item (or `dd`/`dt`) unless a block other than `address`, `div` or `p` lies between.
    private mutating func closeListItem(_ matches: (HTMLTag) -> Bool) {
        var position = stack.count - 1
        while position > 0 {
            let tag = stackTags[position]
            if matches(tag) {
                pop(through: position)
                return
            }
            if traits(of: tag).contains(.special), tag != .address, tag != .div, tag != .p { return }
            position -= 1
        }
    }

    // MARK: - The stack of open elements

    private enum Scope {
        case standard
        case button
        case listItem
        case table
    }

    /// The position in the stack of the innermost open element that `matches`, searching no further than the
    /// scope's boundary.
    private func find(in scope: Scope, where matches: (HTMLTag) -> Bool) -> Int? {
        var position = stack.count - 1
        while position > 0 {
            let tag = stackTags[position]
            if matches(tag) { return position }
            switch scope {
            case .standard:
                if traits(of: tag).contains(.scopeBoundary) { return nil }
            case .button:
                if traits(of: tag).contains(.scopeBoundary) || tag == .button { return nil }
            case .listItem:
                if traits(of: tag).contains(.scopeBoundary) || tag == .ol || tag == .ul { return nil }
            case .table:
                if tag == .html || tag == .table || tag == .template { return nil }
            }
            position -= 1
        }
        return nil
    }

    private func openCount(_ tag: HTMLTag) -> Int32 { openCounts[Int(tag.rawValue)] }

    /// Appends an element under the current one; returns whether it was pushed (opened).
    private mutating func insert(_ tag: HTMLTag, push: Bool) -> Bool {
        let index = Int32(tree.nodes.count)
        let attributeCount = min(tree.attributes.count - pendingAttributes, Int(UInt16.max))
        tree.nodes.append(
            HTMLTree.Node(
                tag: tag,
                attributeCount: UInt16(attributeCount),
                parent: stack[stack.count - 1],
                end: index + 1,
                start: Int32(pendingAttributes),
                length: 0
            )
        )
        pendingAttributes = tree.attributes.count
        guard push, stack.count < Self.maximumDepth else { return false }
        stack.append(index)
        stackTags.append(tag)
        openCounts[Int(tag.rawValue)] += 1
        if traits(of: tag).contains(.foreignRoot) { foreignDepth += 1 }
        return true
    }

    private mutating func pop() {
        let index = Int(stack.removeLast())
        let tag = stackTags.removeLast()
        tree.nodes[index].end = Int32(tree.nodes.count)
        openCounts[Int(tag.rawValue)] -= 1
        if traits(of: tag).contains(.foreignRoot) { foreignDepth -= 1 }
    }

    private mutating func pop(through position: Int) {
        while stack.count > position { pop() }
    }

    /// Forgets the attributes recorded for a start tag that will not be inserted.
    mutating func discardPendingAttributes() {
        guard tree.attributes.count > pendingAttributes else { return }
        let firstText = Int(tree.attributes[pendingAttributes].start)
        tree.attributes.removeSubrange(pendingAttributes...)
        tree.attributeText.removeSubrange(firstText...)
    }

    /// The charset the `<meta>` just inserted declares: `charset="…"`, or `http-equiv="content-type"` with
    /// `content="text/html; charset=…"`.
    private func charsetOfLastElement() -> String? {
        let index = tree.nodes.count - 1
        if let charset = tree.attribute(.charset, index) { return charset }
        guard tree.attribute(.httpEquiv, index)?.lowercased().trimmingASCIIWhitespace() == "content-type",
            let content = tree.attribute(.content, index)?.lowercased(),
            let found = content.firstRange(of: "charset")
        else { return nil }
        var rest = content[found.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }
        let label = rest.prefix { $0 != "\"" && $0 != "'" && $0 != ";" && $0 != " " && $0 != "\t" }
        return label.isEmpty ? nil : String(label)
    }
}
