/// The date by which a status must be reached, or from which it takes effect, with the phrase it came from.
public struct Deadline: Hashable, Codable, Sendable {
    /// Where the reference date for a relative deadline came from.
    public enum Anchor: String, Hashable, Codable, Sendable {
        /// The deadline names a full date; no reference was needed.
        case absolute
        /// The article's publication date.
        case published
        /// The newest full date written in the article text (no publication date on the page).
        case textDate = "text_date"
        /// The time the article was fetched (no date in the page at all).
        case fetched
        /// The phrase is relative and no reference date was available.
        case unresolved
    }

    /// The resolved date, with a time of day when the text states one; `nil` when it could not be resolved.
    public var value: LocalDateTime?
    /// The words that carry the deadline ("by September 2", "within 72 hours").
    public var phrase: String
    public var anchor: Anchor

    public init(value: LocalDateTime?, phrase: String, anchor: Anchor) {
        self.value = value
        self.phrase = phrase
        self.anchor = anchor
    }
}
