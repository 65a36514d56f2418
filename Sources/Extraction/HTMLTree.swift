/// A parsed HTML page as plain values: every element and text node in one array, in document order, with all text
/// in one UTF-8 buffer.
///
/// ``HTMLParser`` builds it straight from the page's bytes, so the extraction rules run on `Sendable` values that
/// tests can build without a parser. Storing nodes in document (pre-)order makes every subtree a contiguous index
/// range, which is what the rules need most: "all text under this element" and "is this inside that" are array
/// slices and integer comparisons, not pointer chases. Nodes are 20-byte records and text lives in one buffer, so a
/// page costs a handful of allocations rather than one per node.
///
/// Only the attributes in ``AttributeName`` are kept.
public struct HTMLTree: Sendable {
    /// The position of a node in ``HTMLTree``; only meaningful for the tree that produced it.
    public struct NodeID: Hashable, Comparable, Sendable {
        public let index: Int

        public init(_ index: Int) { self.index = index }

        public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
    }

    /// One element or text node.
    struct Node: Sendable {
        var tag: HTMLTag
        /// Elements: how many attributes follow `start` in ``attributes``.
        var attributeCount: UInt16
        var parent: Int32
        /// One past the index of the node's last descendant: the subtree is `index..<end`.
        var end: Int32
        /// Text nodes: the offset of the text in ``text``; elements: the index of the first attribute.
        var start: Int32
        /// Text nodes: the text's length in bytes.
        var length: Int32

        var isText: Bool { tag == .text }
    }

    /// One kept attribute: its name and where its decoded value sits in ``attributeText``.
    struct Attribute: Sendable {
        var name: AttributeName
        var start: Int32
        var length: Int32
    }

    var nodes: [Node]
    /// The UTF-8 text of every text node, in document order.
    var text: [UInt8]
    var attributes: [Attribute]
    /// The UTF-8 values of every kept attribute.
    var attributeText: [UInt8]
    /// Names of the tags past ``HTMLTag/knownCount``, in order of their numbers.
    var customNames: [String]

    /// A tree holding only the synthetic document node.
    init() {
        nodes = [Node(tag: .document, attributeCount: 0, parent: -1, end: 1, start: 0, length: 0)]
        text = []
        attributes = []
        attributeText = []
        customNames = []
    }

    // MARK: - Public view

    /// The synthetic document node: the parent of `<html>` (and of anything the parser put beside it).
    public var root: NodeID { NodeID(0) }

    public var count: Int { nodes.count }

    /// The lower-case tag name of an element, `nil` for a text node.
    public func name(of node: NodeID) -> String? {
        let tag = nodes[node.index].tag
        return tag == .text ? nil : name(of: tag)
    }

    public func isText(_ node: NodeID) -> Bool { nodes[node.index].isText }

    /// The value of attribute `name` (lower case), or `nil` when the element does not have it or the tree does not
    /// keep it.
    public func attribute(_ name: String, of node: NodeID) -> String? {
        AttributeName(name).flatMap { attribute($0, node.index) }
    }

    /// The kept attributes of an element.
    public func attributes(of node: NodeID) -> [HTMLAttribute] {
        attributeRange(node.index).map { index in
            let attribute = attributes[index]
            return HTMLAttribute(name: attribute.name.text, value: value(of: attribute))
        }
    }

    public func parent(of node: NodeID) -> NodeID? {
        let parent = nodes[node.index].parent
        return parent < 0 ? nil : NodeID(Int(parent))
    }

    /// The direct children, elements and text nodes, in document order.
    public func children(of node: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var child = node.index + 1
        let end = self.end(node.index)
        while child < end {
            result.append(NodeID(child))
            child = self.end(child)
        }
        return result
    }

    /// Every node below `node`, in document order.
    public func descendants(of node: NodeID) -> [NodeID] {
        (node.index + 1..<end(node.index)).map(NodeID.init)
    }

    /// The text of a text node, or the concatenated text of every text node under an element.
    public func text(of node: NodeID) -> String { text(under: node.index) }

    /// The first element named `name` in document order, if any.
    public func firstElement(named name: String) -> NodeID? {
        nodes.indices.first { !nodes[$0].isText && self.name(of: nodes[$0].tag) == name }.map(NodeID.init)
    }

    /// Whether `node` is `ancestor` or lies inside it.
    public func isInside(_ node: NodeID, _ ancestor: NodeID) -> Bool {
        node.index >= ancestor.index && node.index < end(ancestor.index)
    }

    // MARK: - Fast access for the rules

    func tag(_ index: Int) -> HTMLTag { nodes[index].tag }

    /// The index of the first element with `tag`.
    func firstIndex(of tag: HTMLTag) -> Int? { nodes.firstIndex { $0.tag == tag } }

    func end(_ index: Int) -> Int { Int(nodes[index].end) }

    func parent(_ index: Int) -> Int { Int(nodes[index].parent) }

    func name(of tag: HTMLTag) -> String {
        tag.isKnown ? HTMLTag.names[Int(tag.rawValue)] : customNames[Int(tag.rawValue) - HTMLTag.knownCount]
    }

    /// The byte range of a text node's text in ``text``.
    func textRange(_ index: Int) -> Range<Int> {
        let node = nodes[index]
        return Int(node.start)..<Int(node.start + node.length)
    }

    /// A text node's text.
    func string(_ index: Int) -> String {
        text.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[textRange(index)]), as: UTF8.self)
        }
    }

    /// The text of every text node under `index` (or of the node itself), concatenated.
    func text(under index: Int) -> String {
        if nodes[index].isText { return string(index) }
        var bytes: [UInt8] = []
        for inner in index + 1..<end(index) where nodes[inner].isText {
            bytes.append(contentsOf: text[textRange(inner)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func attributeRange(_ index: Int) -> Range<Int> {
        let node = nodes[index]
        guard !node.isText else { return 0..<0 }
        return Int(node.start)..<Int(node.start) + Int(node.attributeCount)
    }

    func hasAttributes(_ index: Int) -> Bool { !nodes[index].isText && nodes[index].attributeCount > 0 }

    /// The index in ``attributes`` of attribute `name` of element `index`.
    func attributeIndex(_ name: AttributeName, _ index: Int) -> Int? {
        for position in attributeRange(index) where attributes[position].name == name { return position }
        return nil
    }

    func hasAttribute(_ name: AttributeName, _ index: Int) -> Bool { attributeIndex(name, index) != nil }

    /// The decoded value of attribute `name` of element `index`.
    func attribute(_ name: AttributeName, _ index: Int) -> String? {
        attributeIndex(name, index).map { value(of: attributes[$0]) }
    }

    func value(of attribute: Attribute) -> String {
        let range = Int(attribute.start)..<Int(attribute.start + attribute.length)
        return attributeText.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
        }
    }

    /// Runs `body` on the raw value of attribute `name`, without building a string.
    func withAttributeBytes<Result>(
        _ name: AttributeName,
        _ index: Int,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        guard let position = attributeIndex(name, index) else { return nil }
        let attribute = attributes[position]
        let range = Int(attribute.start)..<Int(attribute.start + attribute.length)
        return attributeText.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

/// One attribute of an element, with a lower-case name and its decoded value.
public struct HTMLAttribute: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
