import Extraction
import Testing

/// The tree-building rules of ``HTMLParser``: where text lands when markup is broken the usual ways.
@Suite struct TreeConstructionTests {
    private func outline(_ html: String) throws -> String {
        try TreeOutline.markup(HTMLParser.parse(html: html.bytes, url: "https://example.com/"))
    }

    @Test(arguments: [
        // A block start tag ends an open paragraph, inline markup included.
        ("<p>one <b>bold<div>block</div>", "<body><p>one <b>bold</b></p><div>block</div></body>"),
        ("<p>one<p>two", "<body><p>one</p><p>two</p></body>"),
        // List items, definition terms and table cells end their predecessors.
        ("<ul><li>a<li>b</ul>", "<body><ul><li>a</li><li>b</li></ul></body>"),
        ("<dl><dt>t<dd>d<dt>u</dl>", "<body><dl><dt>t</dt><dd>d</dd><dt>u</dt></dl></body>"),
        (
            "<table><tr><td>a<td>b<tr><td>c</table>",
            "<body><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></body>"
        ),
        // A heading inside a heading, and a link inside a link, end the first one.
        ("<h2>one<h3>two</h3>", "<body><h2>one</h2><h3>two</h3></body>"),
        ("<a>one<a>two</a>", "<body><a>one</a><a>two</a></body>"),
        // An end tag closes what was left open inside its element; a stray inline end tag is ignored.
        ("<div><span>a<em>b</div>c", "<body><div><span>a<em>b</em></span></div>c</body>"),
        ("<div>a</span>b</div>", "<body><div>ab</div></body>"),
        // A block end tag does not reach out of a table cell.
        (
            "<div><table><tr><td>a</div>b</td></tr></table>",
            "<body><div><table><tr><td>ab</td></tr></table></div></body>"
        ),
        // SVG left open ends at the next HTML block; inside it, self-closing tags close.
        ("<svg><g><path/><g>x<p>after", "<body><svg><g><path></path><g>x</g></g></svg><p>after</p></body>"),
        // CDATA is a comment in HTML, a section of text (here skipped) inside SVG.
        ("<p>a<![CDATA[b]]>c<svg><![CDATA[ <p> > ]]></svg>d", "<body><p>ac<svg></svg>d</p></body>"),
        // `<br/>` and `</br>` are both line breaks; `<div/>` is an open div in HTML.
        ("a<br/>b</br>c<div/>d", "<body>a<br></br>b<br></br>c<div>d</div></body>"),
        // Upper-case names, unknown (custom) elements.
        ("<DIV><Amp-Img>x</amp-img></div>", "<body><div><amp-img>x</amp-img></div></body>"),
    ])
    func markupIsRepairedLikeABrowser(html: String, expected: String) throws {
        #expect(try outline(html) == expected)
    }

    @Test func contentBeforeTheBodyTagStartsTheBody() throws {
        let tree = try HTMLParser.parse(
            html: "<html><head><title>t</title></head>\n  <div>early</div><body class=x><p>late</p></body>".bytes,
            url: "u"
        )
        #expect(TreeOutline.markup(tree) == "<body><div>early</div><p>late</p></body>")
        let bare = try HTMLParser.parse(html: "just text <b>and bold</b>".bytes, url: "u")
        #expect(TreeOutline.markup(bare) == "<body>just text <b>and bold</b></body>")
    }

    @Test func rawTextEndsOnlyAtItsOwnEndTag() throws {
        let html = """
            <script>var s = "</div><p>not markup</p>"; if (a < b) {}</script><style>p > a { color: red }</style>
            <title>A &amp; B</title><textarea>x</textarea><p>text</p>
            """
        let tree = try HTMLParser.parse(html: html.bytes, url: "u")
        // Script, style and title belong in the head, before the body the textarea starts.
        #expect(
            TreeOutline.markup(tree, from: tree.root)
                == "<#document><script></script><style></style><title>A & B</title><body><textarea></textarea><p>text</p></body></#document>"
        )
    }

    @Test func onlyJSONLDScriptsKeepTheirText() throws {
        let html = """
            <script type="application/ld+json">{"headline": "x"}</script><script>var y = 1;</script>
            <script type="APPLICATION/LD+JSON">[1]</script>
            """
        let tree = try HTMLParser.parse(html: html.bytes, url: "u")
        let scripts = tree.descendants(of: tree.root).filter { tree.name(of: $0) == "script" }
        #expect(scripts.map { tree.text(of: $0) } == ["{\"headline\": \"x\"}", "", "[1]"])
    }

    @Test func commentsDeclarationsAndProcessingInstructionsAreSkipped() throws {
        let html = "<!DOCTYPE html><?xml version='1.0'?><p>a<!-->b<!--->c<!-- <p>x</p> -- -->d<![CDATA[e]]>f</p>"
        #expect(try outline(html) == "<body><p>abcdf</p></body>")
    }

    @Test(arguments: [
        ("&amp;&lt;&gt;&quot;&apos;&nbsp;", "&<>\"'\u{A0}"),
        ("&rsquo;&hellip;&mdash;&NotEqualTilde;", "\u{2019}\u{2026}\u{2014}\u{2242}\u{338}"),
        ("&#8217;&#x2014;&#X41;", "\u{2019}\u{2014}A"),
        // windows-1252 meanings of the C1 range; references to nothing.
        ("&#150;&#147;&#0;&#xD800;&#1114112;", "\u{2013}\u{201C}\u{FFFD}\u{FFFD}\u{FFFD}"),
        // Legacy names without their semicolon, longest first; unknown names stay as written.
        ("&copy 2020 &notit; &noSuchName; AT&T", "\u{A9} 2020 \u{AC}it; &noSuchName; AT&T"),
    ])
    func characterReferencesInText(html: String, expected: String) throws {
        let tree = try HTMLParser.parse(html: "<p>\(html)</p>".bytes, url: "u")
        #expect(tree.text(of: try #require(tree.firstElement(named: "p"))) == expected)
    }

    @Test func attributesAreDecodedAndTheFirstOfTwoWins() throws {
        let html = "<div class=\"a &amp; b\" id=main CLASS=second data-x='&copy=2' style=color:red hidden>x</div>"
        let tree = try HTMLParser.parse(html: html.bytes, url: "u")
        let div = try #require(tree.firstElement(named: "div"))
        #expect(tree.attribute("class", of: div) == "a & b")
        #expect(tree.attribute("id", of: div) == "main")
        #expect(tree.attribute("style", of: div) == "color:red")
        #expect(tree.attribute("hidden", of: div) == "")
        #expect(tree.attribute("data-x", of: div) == nil, "attributes no rule reads are not kept")
        let link = try HTMLParser.parse(html: "<link rel=canonical href='/a?b=1&copy=2'>".bytes, url: "u")
        #expect(link.attribute("href", of: try #require(link.firstElement(named: "link"))) == "/a?b=1&copy=2")
    }

    @Test(arguments: ["<p>cut <b class=\"unfinished", "<p>cut <!-- unfinished comment", "<p>cut </b", "<p>cut <"])
    func inputEndingInsideMarkupKeepsTheTextBefore(html: String) throws {
        let tree = try HTMLParser.parse(html: html.bytes, url: "u")
        #expect(tree.text(of: try #require(tree.firstElement(named: "p"))).hasPrefix("cut "))
    }

    @Test func deepNestingIsCappedWithoutLosingText() throws {
        let depth = 100_000
        let html =
            String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
            + "<p>after</p>"
        let tree = try HTMLParser.parse(html: html.bytes, url: "u")
        #expect(tree.count > depth)
        #expect(tree.text(of: tree.root) == "deep textafter")
        let paragraph = try #require(tree.firstElement(named: "p"))
        #expect(tree.name(of: try #require(tree.parent(of: paragraph))) == "body", "every div is closed again")
    }
}
