import Testing

@testable import Extraction

@Suite struct InternalsTests {
    @Test func treeBuilderKeepsSubtreeRangesAndSiblingLinks() {
        var builder = TreeBuilder()
        let markup = Array("one two three".utf8)
        markup.withUnsafeBufferPointer { input in
            builder.attribute(.className, value: input, 0..<3)
            builder.startTag(.div, selfClosing: false)
            builder.text(input, 0..<4, decode: true)
            builder.text(input, 4..<7, decode: true)
            builder.startTag(HTMLTag(known: "span"), selfClosing: false)
            builder.text(input, 8..<13, decode: true)
            builder.endTag(HTMLTag(known: "span"))
            builder.endTag(.div)
            builder.startTag(.p, selfClosing: false)
        }
        let tree = builder.finish()
        let body = HTMLTree.NodeID(1)
        #expect(tree.name(of: body) == "body")
        let div = HTMLTree.NodeID(2)
        #expect(tree.name(of: div) == "div")
        #expect(tree.attribute("class", of: div) == "one")
        #expect(tree.children(of: div).count == 2)
        #expect(tree.text(of: div) == "one twothree")
        #expect(tree.descendants(of: div).count == 3)
        #expect(tree.children(of: body).map { tree.name(of: $0) } == ["div", "p"])
        #expect(tree.count == 7)
    }

    @Test(arguments: [
        ("share-bar", true), ("socialShareTools", true), ("ad-slot", true), ("related_articles", true),
        ("c-article-body", false), ("header-ad", true), ("download-link", false), ("shadow", false),
        ("elementor-widget-container", false), ("widget_rss", true), ("commentary-body", false),
        ("article-comments", true), ("pg-rail-tall", true), ("entry-content", false),
    ])
    func classNamesOfFurniture(className: String, isFurniture: Bool) {
        let signals = ClassSignals(
            className: className,
            id: nil,
            role: nil,
            style: nil,
            hidden: false,
            ariaHidden: nil
        )
        #expect(signals.isBoilerplate == isFurniture)
    }

    @Test func hiddenByClassAttributeAriaOrStyle() {
        let cases: [(ClassSignals, Bool)] = [
            (ClassSignals(className: "sr-only", id: nil, role: nil, style: nil, hidden: false, ariaHidden: nil), true),
            (
                ClassSignals(className: "hidden-xs", id: nil, role: nil, style: nil, hidden: false, ariaHidden: nil),
                false
            ),
            (ClassSignals(className: nil, id: nil, role: nil, style: nil, hidden: true, ariaHidden: nil), true),
            (ClassSignals(className: nil, id: nil, role: nil, style: nil, hidden: false, ariaHidden: "TRUE"), true),
            (
                ClassSignals(
                    className: nil,
                    id: nil,
                    role: nil,
                    style: "color: red; display : none",
                    hidden: false,
                    ariaHidden: nil
                ), true
            ),
            (
                ClassSignals(
                    className: nil,
                    id: nil,
                    role: nil,
                    style: "display:block",
                    hidden: false,
                    ariaHidden: nil
                ),
                false
            ),
        ]
        for (signals, hidden) in cases { #expect(signals.isHidden == hidden) }
    }

    @Test func navigationRolesAreFurniture() {
        let signals = ClassSignals(
            className: nil,
            id: nil,
            role: "Navigation",
            style: nil,
            hidden: false,
            ariaHidden: nil
        )
        #expect(signals.isBoilerplate)
    }

    @Test func repeatedBlocksCollapseAndTrailersGo() {
        func block(_ text: String, _ kind: PageModel.Kind = .paragraph, links: Int = 0) -> TextBlock {
            let letters = text.unicodeScalars.filter { !$0.isExtractionWhitespace }.count
            return TextBlock(text: text, kind: kind, element: 0, letters: letters, linkLetters: links)
        }
        let filter = BlockFilter(title: "Mission closes")
        let kept = filter.apply([
            block("Mission closes!"),
            block("The mission closed on Friday after forty years in the city."),
            block("A caption printed twice under the photo of the building."),
            block("A caption printed twice under the photo of the building."),
            block("Staff will move to the embassy in the capital, officials said."),
            block("Follow us on social media"),
            block("Read more at the Example Wire"),
        ]).map(\.text)
        #expect(
            kept == [
                "The mission closed on Friday after forty years in the city.",
                "A caption printed twice under the photo of the building.",
                "Staff will move to the embassy in the capital, officials said.",
            ]
        )
    }

    @Test func substringSearchOnBytes() {
        #expect("article__body-text".includes("body"))
        #expect(!"articl".includes("article"))
        #expect("Посольство".includes("сольс"))
        #expect("abc".includes(""))
    }
}
