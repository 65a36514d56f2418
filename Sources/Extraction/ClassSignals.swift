/// What an element's `class`, `id` and `role` say about it: page furniture, article container, or neither.
///
/// Sites name their share bars, related-links boxes and ad slots in a few recognisable ways ("share-bar",
/// "socialShare", "related_articles", "ad-slot"). Names are cut into lower-case tokens at separators and camelCase
/// humps; short keywords must match a whole token ("ad" must not fire on "header" or "download"), long distinctive
/// ones may match inside a run-together word ("sharetools", "relatedposts").
struct ClassSignals: Sendable {
    /// Class, id or role marks the element as furniture (navigation, sharing, related links, ads, comments...).
    var isBoilerplate = false
    /// Class or id contains an article-ish word, which vetoes removal when the whole page is searched.
    var isPositive = false
    /// Readability's class weight: +25 for an article-ish class, −25 for a furniture-ish one, per attribute.
    var weight = 0
    /// Class, `hidden`, `aria-hidden` or an inline style hides the element.
    var isHidden = false

    init() {}

    init(className: String?, id: String?, role: String?, style: String?, hidden: Bool, ariaHidden: String?) {
        let classWords = ClassSignals.words(className)
        let idWords = ClassSignals.words(id)
        for name in [classWords, idWords] where !name.isEmpty {
            let tokens = name.flatMap(ClassSignals.tokens)
            let joined = name.map { ClassSignals.joined($0) }
            let furniture =
                ClassSignals.matchesFurniture(tokens: tokens, joined: joined)
                || name.contains { ClassSignals.startsWithWidget($0) }
            let positive = tokens.contains { ClassSignals.positiveTokens.contains($0) }
            if furniture { isBoilerplate = true }
            if positive { isPositive = true }
            if ClassSignals.matchesNegativeWeight(tokens: tokens, joined: joined) { weight -= 25 }
            if positive { weight += 25 }
        }
        if let role, ClassSignals.furnitureRoles.contains(role.lowercased()) { isBoilerplate = true }
        isHidden =
            hidden || ariaHidden?.lowercased() == "true"
            || classWords.contains { ClassSignals.hiddenClasses.contains($0.lowercased()) }
            || ClassSignals.styleHides(style)
    }

    // MARK: - Vocabulary

    /// Whole-token keywords for furniture.
    static let furnitureTokens: Set<String> = [
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

    /// ARIA roles of furniture.
    static let furnitureRoles: Set<String> = [
        "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "alert", "alertdialog", "dialog",
        "search", "toolbar", "tablist",
    ]

    /// Tokens of containers that hold the article (Readability's "maybe it's a candidate" words).
    static let positiveTokens: Set<String> = [
        "article", "articles", "body", "content", "contents", "entry", "hentry", "main", "page", "post", "text",
        "blog", "story", "column",
    ]

    /// Tokens that lower Readability's class weight; broader than furniture (a "media" box may still hold text).
    static let negativeTokens: Set<String> = [
        "hidden", "hid", "banner", "combx", "comment", "comments", "com", "contact", "foot", "footer", "footnote",
        "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
        "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "tools", "widget", "ad", "ads",
    ]

    /// Class names that hide an element (CSS framework and screen-reader conventions).
    static let hiddenClasses: Set<String> = [
        "hidden", "is-hidden", "u-hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
        "screen-reader-only", "screenreader-only", "hide", "d-none", "invisible", "offscreen", "element-invisible",
    ]

    // MARK: - Matching

    private static func matchesFurniture(tokens: [String], joined: [String]) -> Bool {
        if tokens.contains(where: { furnitureTokens.contains($0) }) { return true }
        for word in joined where !word.includes("commentary") {
            if furnitureFragments.contains(where: { word.includes($0) }) { return true }
        }
        return false
    }

    private static func matchesNegativeWeight(tokens: [String], joined: [String]) -> Bool {
        tokens.contains { negativeTokens.contains($0) }
            || joined.contains { word in
                ["share", "related", "comment", "sidebar", "promo"].contains { word.includes($0) }
            }
    }

    /// WordPress sidebar boxes are "widget", "widget_rss", "widget-area"; page builders' "elementor-widget"
    /// wraps everything, article included, so only a name that starts with the word counts.
    static func startsWithWidget(_ word: String) -> Bool {
        guard word.utf8.count >= 6 else { return false }
        let lower = word.lowercased()
        return lower.hasPrefix("widget") && !lower.hasPrefix("widgets-")
    }

    /// `display:none` or `visibility:hidden` in an inline style.
    static func styleHides(_ style: String?) -> Bool {
        guard let style, style.utf8.count >= 11 else { return false }
        let compact = String(style.lowercased().unicodeScalars.filter { !$0.isExtractionWhitespace })
        return compact.includes("display:none") || compact.includes("visibility:hidden")
    }

    // MARK: - Tokenising

    /// The whitespace-separated words of an attribute, as written.
    static func words(_ value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    /// A word in lower case without separators: "Article__body-Text" → "articlebodytext".
    static func joined(_ word: String) -> String {
        String(word.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// Lower-case tokens of one word, cut at every non-alphanumeric character and before an upper-case letter
    /// that follows a lower-case one: "socialShare-bar" → ["social", "share", "bar"].
    static func tokens(_ word: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previousWasLower = false
        for character in word {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { result.append(current.lowercased()) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase && previousWasLower && !current.isEmpty {
                result.append(current.lowercased())
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase
        }
        if !current.isEmpty { result.append(current.lowercased()) }
        return result
    }
}
