/// One paragraph-sized piece of text read from a page, with what the filters need to judge it.
struct TextBlock: Sendable, Equatable {
    /// Whitespace-collapsed text.
    var text: String
    /// The kind of the innermost block element holding the text (paragraph, heading, list item...).
    var kind: PageModel.Kind
    /// The index of that element in the tree.
    var element: Int
    var letters: Int
    var linkLetters: Int
    /// 1 to 6 for a heading, 0 otherwise.
    var headingLevel = 0

    var linkDensity: Double { letters > 0 ? Double(linkLetters) / Double(letters) : 0 }
}
