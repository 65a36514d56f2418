import Extraction
import Testing

@Suite struct HTMLParserTests {
    @Test func treeHoldsElementsAttributesAndDecodedText() throws {
        let html = "<html lang=en><body><p class=\"lead big\" id=first>Hello <b>world</b> &amp; more</p></body></html>"
        let tree = try HTMLParser.parse(html: html.bytes, url: "https://example.com/")
        let paragraph = try #require(tree.firstElement(named: "p"))
        #expect(tree.name(of: paragraph) == "p")
        #expect(tree.attribute("class", of: paragraph) == "lead big")
        #expect(tree.attribute("id", of: paragraph) == "first")
        #expect(tree.attribute("style", of: paragraph) == nil)
        #expect(tree.text(of: paragraph) == "Hello world & more")
        let children = tree.children(of: paragraph)
        #expect(children.count == 3)
        #expect(children.map { tree.name(of: $0) } == [nil, "b", nil])
        #expect(tree.text(of: children[0]) == "Hello ")
        let body = try #require(tree.parent(of: paragraph))
        #expect(tree.name(of: body) == "body")
        let html_ = try #require(tree.parent(of: body))
        #expect(tree.attribute("lang", of: html_) == "en")
        #expect(tree.descendants(of: paragraph).count == 4)
        #expect(tree.descendants(of: paragraph).allSatisfy { tree.isInside($0, paragraph) })
        #expect(!tree.isInside(body, paragraph))
    }

    @Test func brokenMarkupIsRecoveredLikeABrowser() throws {
        let tree = try HTMLParser.parse(html: "<p>unclosed <b>bold<a href=/x>link".bytes, url: "https://example.com/")
        let link = try #require(tree.firstElement(named: "a"))
        #expect(tree.attribute("href", of: link) == nil, "link addresses are not kept")
        #expect(tree.text(of: link) == "link")
        let paragraph = try #require(tree.firstElement(named: "p"))
        #expect(tree.text(of: paragraph) == "unclosed boldlink")
    }

    @Test func commentsAreLeftOutOfTheTree() throws {
        let tree = try HTMLParser.parse(html: "<div>a<!-- hidden note -->b</div>".bytes, url: "u")
        let div = try #require(tree.firstElement(named: "div"))
        #expect(tree.text(of: div) == "ab")
    }

    @Test func emptyInputIsAnEmptyError() throws {
        let error = try #require(throws: ExtractionError.self) {
            try HTMLParser.parse(html: [], url: "https://example.com/empty")
        }
        #expect(error.code == .empty)
        #expect(error.description.contains("https://example.com/empty"))
    }

    @Test func metaCharsetDecodesALegacyEncoding() throws {
        let tree = try HTMLParser.parse(html: Fixture.bytes("windows-1251-meta.html"), url: "file:///p.html")
        #expect(tree.text(of: tree.root).contains("Посольство в столице закрыто"))
    }

    @Test func charsetArgumentDecodesAPageWithoutDeclaration() throws {
        let bytes = try Fixture.bytes("windows-1251-no-meta.html")
        let guessed = try HTMLParser.parse(html: bytes, url: "file:///p.html")
        #expect(!guessed.text(of: guessed.root).contains("Посольство"))
        let declared = try HTMLParser.parse(html: bytes, url: "file:///p.html", charset: "windows-1251")
        #expect(declared.text(of: declared.root).contains("Посольство в столице закрыто"))
    }

    @Test func charsetArgumentWinsOverTheMetaDeclaration() throws {
        let bytes = try Fixture.bytes("utf8-wrong-meta.html")
        let trusting = try HTMLParser.parse(html: bytes, url: "file:///p.html")
        #expect(!trusting.text(of: trusting.root).contains("Консульство"))
        let declared = try HTMLParser.parse(html: bytes, url: "file:///p.html", charset: " UTF-8 ")
        #expect(declared.text(of: declared.root).contains("Консульство в портовом городе"))
    }

    @Test func quotedCharsetLabelsAreAccepted() throws {
        let bytes = try Fixture.bytes("windows-1251-no-meta.html")
        let tree = try HTMLParser.parse(html: bytes, url: "file:///p.html", charset: "\"windows-1251\"")
        #expect(tree.text(of: tree.root).contains("Посольство"))
    }

    @Test func unknownCharsetNamesAreIgnored() throws {
        let tree = try HTMLParser.parse(html: "<p>caf\u{e9}</p>".bytes, url: "u", charset: "no-such-charset")
        #expect(tree.text(of: tree.root) == "caf\u{e9}")
    }
}

/// The parser against libxml2's on the fixture pages: both must find the same words a reader sees.
@Suite struct ParserAgreementTests {
    @Test(arguments: ["article-with-furniture.html", "broken-markup.html", "unlabelled-layout.html"])
    func sameVisibleWordsAsLibXML2(fixture: String) throws {
        let bytes = try Fixture.bytes(fixture)
        let tree = try HTMLParser.parse(html: bytes, url: "file:///\(fixture)")
        let ours = Self.visibleWords(tree)
        let theirs = LibXML2Reference.bodyText(bytes).split(separator: " ").map(String.init)
        #expect(ours.count > 50)
        #expect(ours == theirs)
    }

    /// The words of the text nodes under `<body>` that are not inside a script, style or other unseen element.
    static func visibleWords(_ tree: HTMLTree) -> [String] {
        guard let body = tree.firstElement(named: "body") else { return [] }
        let unseen: Set<String> = ["script", "style", "noscript", "template", "iframe", "title"]
        var words: [String] = []
        for node in tree.descendants(of: body) where tree.isText(node) {
            var ancestor = tree.parent(of: node)
            var hidden = false
            while let element = ancestor, element != body {
                if let name = tree.name(of: element), unseen.contains(name) { hidden = true }
                ancestor = tree.parent(of: element)
            }
            if !hidden { words += tree.text(of: node).split(whereSeparator: { $0.isWhitespace }).map(String.init) }
        }
        return words
    }
}
