/// What each HTML tag means to the extractor.
///
/// The categories are the ones the rules reason about: markup whose text is never article text (scripts, embeds),
/// page furniture that is usually not (navigation, footers, captions), and the block elements that separate
/// paragraphs.
enum TagCatalog {
    /// Elements whose text is never prose a reader sees as the article: code, styles, embeds, form controls.
    static let neverText: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
        "audio", "map", "head", "title", "meta", "link", "select", "option", "optgroup", "input", "textarea",
        "button", "datalist", "source", "track", "picture", "img", "dialog", "frameset", "frame",
    ]

    /// Page furniture: navigation, headers and footers of the page, side notes, captions and forms.
    ///
    /// `header` goes too: inside an article it holds the headline and byline, which the article body leaves out.
    static let furniture: Set<String> = [
        "nav", "footer", "aside", "header", "form", "figure", "figcaption", "menu", "label", "fieldset", "legend",
    ]

    /// Elements that end the paragraph before them and start a new one.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "br", "#document",
    ]
}
