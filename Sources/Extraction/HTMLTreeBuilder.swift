/// Appends nodes to an ``HTMLTree`` in document order, keeping parent, sibling and subtree-end links right.
///
/// Kept apart from ``HTMLDocument`` so the tree's invariants live in one small place, whatever walks the source
/// markup.
struct HTMLTreeBuilder {
    private var tree = HTMLTree()
    /// Indices of the elements that are open, innermost last; the document node is always at the bottom.
    private var open: [Int] = [0]
    /// For each open element, the index of its last child so far (-1 when none).
    private var lastChild: [Int] = [-1]

    init() {}

    /// Starts an element; every later node goes inside it until ``closeElement()``.
    mutating func openElement(_ name: String, attributes: [HTMLAttribute]) {
        let index = append(
            HTMLTree.Node(
                name: name,
                text: "",
                attributes: attributes,
                parent: open[open.count - 1],
                end: 0,
                firstChild: -1,
                nextSibling: -1
            )
        )
        open.append(index)
        lastChild.append(-1)
    }

    /// Adds a text node to the innermost open element; adjacent text is merged into one node.
    mutating func addText(_ text: String) {
        guard !text.isEmpty else { return }
        let previous = lastChild[lastChild.count - 1]
        if previous >= 0, tree.nodes[previous].isText {
            tree.nodes[previous].text += text
            return
        }
        let index = append(
            HTMLTree.Node(
                name: "",
                text: text,
                attributes: [],
                parent: open[open.count - 1],
                end: 0,
                firstChild: -1,
                nextSibling: -1
            )
        )
        tree.nodes[index].end = index + 1
    }

    mutating func closeElement() {
        guard open.count > 1 else { return }
        let index = open.removeLast()
        lastChild.removeLast()
        tree.nodes[index].end = tree.nodes.count
    }

    /// Closes whatever is still open and returns the tree.
    mutating func finish() -> HTMLTree {
        while open.count > 1 { closeElement() }
        tree.nodes[0].end = tree.nodes.count
        return tree
    }

    private mutating func append(_ node: HTMLTree.Node) -> Int {
        let index = tree.nodes.count
        tree.nodes.append(node)
        let previous = lastChild[lastChild.count - 1]
        if previous >= 0 {
            tree.nodes[previous].nextSibling = index
        } else {
            tree.nodes[open[open.count - 1]].firstChild = index
        }
        lastChild[lastChild.count - 1] = index
        return index
    }
}
