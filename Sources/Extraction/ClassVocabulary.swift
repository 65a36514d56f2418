/// The words in class names, ids and roles that mark page furniture or the article container, compiled once into
/// byte-level matchers.
///
/// Sites name their share bars, related-links boxes and ad slots in a few recognisable ways ("share-bar",
/// "socialShare", "related_articles", "ad-slot"), and their article bodies in a few others ("article-body",
/// "story__content", "entry-content"); these lists hold those ways, not any one site's names.
enum ClassVocabulary {
    /// Whole-token keywords for furniture.
    static let furnitureTokens: [String] = [
        "nav", "navbar", "navigation", "menu", "menus", "submenu", "share", "shares", "sharing", "social",
        "related", "comment", "comments", "sidebar", "breadcrumb", "breadcrumbs", "byline", "bylines", "tags",
        "tag", "tagged", "cookie", "cookies", "consent", "gdpr", "ad", "ads", "adv", "advert", "adverts",
        "advertisement", "advertising", "promo", "promos", "promotion", "newsletter", "newsletters", "footer",
        "header", "masthead", "banner", "sponsor", "sponsored", "popup", "modal", "subscribe", "subscription",
        "signup", "cta", "author", "authors", "meta", "toolbar", "pagination", "pager", "disqus",
        "outbrain", "taboola", "recommended", "recommendations", "caption", "captions", "credit", "credits",
        "timestamp", "email", "paywall", "trending", "popular", "newsfeed", "rail",
        "login", "skip", "hidden", "prev", "previous", "prevnext", "pullquote", "topics", "keywords", "bio",
        "copyright", "rating", "ratings", "nocontent",
    ]

    /// Long keywords that may sit inside a run-together word ("articleshare", "relatedposts").
    static let furnitureFragments: [String] = [
        "share", "social", "related", "comment", "sidebar", "breadcrumb", "newsletter", "advert", "sponsor",
        "cookie", "promo", "taboola", "outbrain", "subscri", "navigation", "navbar", "byline", "footer",
        "masthead", "popup", "caption", "signup", "recirc", "readmore", "readnext", "morestories", "moreon", "postinfo",
        "postmeta", "entrymeta",
        "authorinfo", "authorbio", "tagcloud", "taglist", "relatedlink",
    ]

    /// "commentary" is an opinion article, not a comments box.
    static let commentary = ["commentary"]

    /// ARIA roles of furniture.
    static let furnitureRoles: Set<String> = [
        "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "alert", "alertdialog", "dialog",
        "search", "toolbar", "tablist",
    ]

    /// Tokens of containers that hold the article (Readability's "maybe it's a candidate" words).
    static let positiveTokens: [String] = [
        "article", "articles", "body", "content", "contents", "entry", "hentry", "main", "page", "post", "text",
        "blog", "story", "column",
    ]

    /// Tokens that lower Readability's class weight; broader than furniture (a "media" box may still hold text).
    static let negativeTokens: [String] = [
        "hidden", "hid", "banner", "combx", "comment", "comments", "com", "contact", "foot", "footer", "footnote",
        "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
        "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "tools", "widget", "ad", "ads",
    ]

    /// Run-together fragments that lower Readability's class weight.
    static let negativeFragments = ["share", "related", "comment", "sidebar", "promo"]

    /// Class names that hide an element (CSS framework and screen-reader conventions).
    static let hiddenClasses = [
        "hidden", "is-hidden", "u-hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
        "screen-reader-only", "screenreader-only", "hide", "d-none", "invisible", "offscreen", "element-invisible",
    ]

    /// Run-together class words of article bodies ("article-body", "story__content", "entry-content").
    static let bodyFragments: [String] = [
        "articlebody", "articlecontent", "articletext", "articlecopy", "storybody", "storycontent", "storytext",
        "entrycontent", "entrybody", "entrytext", "postcontent", "postbody", "posttext", "postentry", "bodytext",
        "contentbody", "bodycopy", "articleinner", "textarticle", "newsbody", "newstext", "newscontent",
        "articledetail", "maintext", "bodycontent",
    ]

    /// Run-together words of article wrappers.
    static let articleFragments: [String] = [
        "fulltext", "singlepost", "maincolumn", "articlecolumn", "articlewrap", "storywrap",
    ]

    /// Words of elements that hold a date line ("post-date", "byline", "entry-meta", "timestamp").
    static let dateFragments = ["date", "time", "publish", "posted", "pubdate", "dateline", "byline", "meta"]

    /// Whole run-together words of page-wide content wrappers.
    static let contentWords = [
        "content", "maincontent", "pagecontent", "contentmain", "sitecontent", "primarycontent", "contentarea",
    ]

    /// The lists compiled into matchers; built once per process.
    static let matchers = Matchers()

    /// The vocabulary as byte-level matchers. A page's ``NameSignalsCache`` holds a reference, so the hot loop
    /// neither goes through a lazily initialised global nor copies the tables for every word.
    final class Matchers: Sendable {
        /// The bits ``tokens`` sets: which lists hold a token.
        static let furnitureToken: UInt8 = 1
        static let positiveToken: UInt8 = 2
        static let negativeToken: UInt8 = 4

        /// The bits ``fragments`` sets: which lists have a fragment in a run-together word.
        static let furnitureFragment: UInt8 = 1
        static let commentaryFragment: UInt8 = 2
        static let negativeFragment: UInt8 = 4
        static let bodyFragment: UInt8 = 8
        static let articleFragment: UInt8 = 16
        static let dateFragment: UInt8 = 32

        let tokens = ByteWordSet(groups: [furnitureTokens, positiveTokens, negativeTokens])
        let fragments = FragmentMatcher(
            groups: [furnitureFragments, commentary, negativeFragments, bodyFragments, articleFragments, dateFragments]
        )
        let hiddenClasses = ByteWordSet(ClassVocabulary.hiddenClasses)
        let contentWords = ByteWordSet(ClassVocabulary.contentWords)
    }
}
