public import Fetching

/// The items of a feed that one pass checks: the first `limit` distinct articles, in feed order.
///
/// Two items are the same article when their links have the same ``CanonicalURL`` key, so a feed that lists a story
/// twice (once with a tracking query, once without) costs one fetch and one document. The limit counts distinct
/// articles, so duplicates never crowd out a real item. Items that have left the feed are not here and are not
/// errors: their documents and versions stay stored.
public struct FeedSelection: Sendable {
    /// The items to check, each the first occurrence of its article.
    public private(set) var items: [FeedItem] = []
    /// Items left out as repeats of an earlier item.
    public private(set) var duplicates = 0

    public init(_ feedItems: [FeedItem], limit: Int) {
        var seen: Set<String> = []
        for item in feedItems {
            guard items.count < limit else { break }
            guard seen.insert(CanonicalURL.key(item.link)).inserted else {
                duplicates += 1
                continue
            }
            items.append(item)
        }
    }
}
