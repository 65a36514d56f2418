/// A parsed HTML page as plain Swift values: every element and text node of the document in one array, in
/// document order.
///
/// ``HTMLDocument`` builds it in a single pass over libxml2's tree, so that no libxml2 pointer outlives the parse
/// and the extraction rules run on `Sendable` values that tests can build without a parser. Storing nodes in
/// document (pre-)order makes every subtree a contiguous index range, which is what the rules need most: "all
/// text under this element" and "is this inside that" are array slices and integer comparisons, not pointer
/// chases.
public struct HTMLTree: Sendable {
    /// The position of a node in ``HTMLTree``; only meaningful for the tree that produced it.
    public struct NodeID: Hashable, Comparable, Sendable {
        public let index: Int

        public init(_ index: Int) { self.index = index }

        public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
    }

    /// One element or text node.
    struct Node: Sendable {
        /// Lower-case tag name for elements, empty for text nodes.
        var name: String
        /// The character data of a text node, as the page has it (entities decoded, whitespace kept).
        var text: String
        var attributes: [HTMLAttribute]
        var parent: Int
        /// One past the index of the node's last descendant: the subtree is `index..<end`.
        var end: Int
        var firstChild: Int
        var nextSibling: Int

        var isText: Bool { name.isEmpty }
    }

    var nodes: [Node]

    /// Creates a tree holding only the synthetic document node; ``HTMLTreeBuilder`` adds the rest.
    init() {
        nodes = [Node(name: "#document", text: "", attributes: [], parent: -1, end: 1, firstChild: -1, nextSibling: -1)]
    }

    /// The synthetic document node: the parent of `<html>` (and of anything the parser put beside it).
    public var root: NodeID { NodeID(0) }

    public var count: Int { nodes.count }

    /// The lower-case tag name of an element, `nil` for a text node.
    public func name(of node: NodeID) -> String? {
        let entry = nodes[node.index]
        return entry.isText ? nil : entry.name
    }

    public func isText(_ node: NodeID) -> Bool { nodes[node.index].isText }

    /// The value of attribute `name` (lower case), or `nil` when the element does not have it.
    public func attribute(_ name: String, of node: NodeID) -> String? {
        nodes[node.index].attribute(name)
    }

    public func attributes(of node: NodeID) -> [HTMLAttribute] { nodes[node.index].attributes }

    public func parent(of node: NodeID) -> NodeID? {
        let parent = nodes[node.index].parent
        return parent < 0 ? nil : NodeID(parent)
    }

    /// The direct children, elements and text nodes, in document order.
    public func children(of node: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var child = nodes[node.index].firstChild
        while child >= 0 {
            result.append(NodeID(child))
            child = nodes[child].nextSibling
        }
        return result
    }

    /// Every node below `node`, in document order.
    public func descendants(of node: NodeID) -> [NodeID] {
        (node.index + 1..<nodes[node.index].end).map(NodeID.init)
    }

    /// The raw text of a text node, or the concatenated raw text of every text node under an element.
    public func text(of node: NodeID) -> String {
        let entry = nodes[node.index]
        if entry.isText { return entry.text }
        var result = ""
        for index in node.index + 1..<entry.end where nodes[index].isText {
            result += nodes[index].text
        }
        return result
    }

    /// The first element named `name` in document order, if any.
    public func firstElement(named name: String) -> NodeID? {
        nodes.firstIndex { $0.name == name }.map(NodeID.init)
    }

    /// Whether `node` is `ancestor` or lies inside it.
    public func isInside(_ node: NodeID, _ ancestor: NodeID) -> Bool {
        node.index >= ancestor.index && node.index < nodes[ancestor.index].end
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

extension HTMLTree.Node {
    func attribute(_ name: String) -> String? {
        for attribute in attributes where attribute.name == name {
            return attribute.value
        }
        return nil
    }
}
