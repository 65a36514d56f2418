/// Reads the surviving text of a ``ContentScope`` as paragraphs.
///
/// Every block-level element (and every `<br>`) ends the paragraph being built; inline markup (links, emphasis,
/// spans) joins its text to the running paragraph, so "the <a>embassy</a> closed" stays one sentence.
enum BlockCollector {
    static func blocks(in scope: ContentScope, from start: Int? = nil, to stop: Int? = nil) -> [TextBlock] {
        let model = scope.model
        let first = start ?? scope.root
        let last = stop ?? scope.end
        var builder = Builder()
        /// Ends of the open elements, innermost last, with whether each is a block.
        var open: [(end: Int, element: Int, isBlock: Bool)] = []
        var owners: [Int] = [first]
        var index = first
        while index < last {
            while let top = open.last, top.end <= index {
                open.removeLast()
                if top.isBlock {
                    owners.removeLast()
                    builder.flush(into: model, owner: owners.last ?? first)
                }
            }
            if scope.isExcluded(index) {
                if model.isBlock(index) { builder.flush(into: model, owner: owners.last ?? first) }
                index = model.end(index)
                continue
            }
            let kind = model.kinds[index]
            if kind == .text {
                builder.append(
                    model.tree.textRange(index),
                    of: model.tree,
                    letters: Int(model.letters[index]),
                    inLink: scope.isInLink(index),
                    owner: owners.last ?? first
                )
                index += 1
                continue
            }
            let isBlock = model.isBlock(index) && index != first
            if isBlock {
                builder.flush(into: model, owner: owners.last ?? first)
                owners.append(index)
            }
            open.append((model.end(index), index, isBlock))
            index += 1
        }
        builder.flush(into: model, owner: owners.last ?? first)
        return builder.blocks
    }

    /// The paragraph being assembled.
    private struct Builder {
        var blocks: [TextBlock] = []
        var raw: [UInt8] = []
        var letters = 0
        var linkLetters = 0
        var owner: Int?

        mutating func append(
            _ range: Range<Int>,
            of tree: HTMLTree,
            letters count: Int,
            inLink: Bool,
            owner current: Int
        ) {
            if owner == nil, count > 0 { owner = current }
            raw.append(contentsOf: tree.text[range])
            letters += count
            if inLink { linkLetters += count }
        }

        mutating func flush(into model: PageModel, owner fallback: Int) {
            defer {
                raw.removeAll(keepingCapacity: true)
                letters = 0
                linkLetters = 0
                owner = nil
            }
            guard letters > 0 else { return }
            let text = raw.withUnsafeBufferPointer { String(collapsingWhitespaceIn: $0) }
            guard !text.isEmpty else { return }
            let element = owner ?? fallback
            blocks.append(
                TextBlock(
                    text: text,
                    kind: model.kinds[element],
                    element: element,
                    letters: letters,
                    linkLetters: linkLetters,
                    headingLevel: model.tag(element).headingLevel ?? 0
                )
            )
        }
    }
}
