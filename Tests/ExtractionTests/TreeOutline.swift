import Extraction

/// Writes a parsed tree back as compact markup, so a test can state the whole shape it expects in one line:
/// `<body><p>one</p><p>two</p></body>`. Attributes are left out; the document node and `<html>` are skipped.
enum TreeOutline {
    static func markup(_ tree: HTMLTree, from start: HTMLTree.NodeID? = nil) -> String {
        let top = start ?? tree.firstElement(named: "body") ?? tree.root
        var result = ""
        // An explicit stack of (node, closing tag pending): the trees under test are deliberately deep.
        var stack: [(HTMLTree.NodeID, Bool)] = [(top, false)]
        while let (node, closing) = stack.popLast() {
            guard let name = tree.name(of: node) else {
                result += tree.text(of: node)
                continue
            }
            if closing {
                result += "</\(name)>"
                continue
            }
            result += "<\(name)>"
            stack.append((node, true))
            for child in tree.children(of: node).reversed() { stack.append((child, false)) }
        }
        return result
    }
}
