/// Short lines that label page furniture rather than say anything: "Advertisement", "Read more at ...".
///
/// Matched on the whole line (labels) or on its start (trailers), lower-cased, so a sentence in the story that
/// merely contains "read more" is never touched.
enum BoilerplatePhrases {
    /// Whole lines that are ad or widget labels.
    static let labels: Set<String> = [
        "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "story continues below",
        "story continues below advertisement", "continue reading below", "article continues below",
        "continue reading", "read more", "show more", "load more", "share", "share this", "share this article",
        "share this story", "tweet", "email", "print", "comments", "recommended", "related", "related stories",
        "related articles", "more", "see also", "skip to main content", "skip to content", "click to expand",
        "close", "menu", "search", "subscribe", "sign up", "log in", "photo", "video", "image", "listen",
        "listen to this article", "advert", "adverts", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
        "iklan", "реклама", "reklama", "advertentie", "annonse", "mainos", "広告", "광고", "إعلان",
    ]

    /// Beginnings of trailer lines found after the story.
    static let trailerStarts: [String] = [
        "read more", "related:", "related ", "more from", "tag:", "tagged:",
        "more on this", "see also", "also read", "also see", "follow us", "follow the", "sign up",
        "subscribe to", "click here", "copyright", "©", "all rights reserved", "share this", "share on",
        "this story was originally", "originally published", "tags:", "topics:", "filed under", "recommended",
        "you may also like", "you might also like", "we want to hear", "comments", "leave a comment",
        "have a tip", "got a tip", "want more", "don't miss", "don’t miss", "download the",
    ]

    static func isLabel(_ text: String) -> Bool {
        guard text.utf8.count <= 48 else { return false }
        var line = text.lowercased()
        while let last = line.last, last == ":" || last == "." || last == "…" || last == " " { line.removeLast() }
        return labels.contains(line)
    }

    static func isTrailer(_ text: String) -> Bool {
        guard text.utf8.count <= 300 else { return false }
        let line = text.lowercased()
        return trailerStarts.contains { line.hasPrefix($0) }
    }
}
