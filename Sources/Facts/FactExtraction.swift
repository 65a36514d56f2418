public import Core

/// What fact extraction found in one article.
public struct FactExtraction: Hashable, Sendable, Codable {
    /// Asserted facts only: one claim per facility, in order of first appearance.
    public var facts: [Fact]
    /// Candidates that were negated, hedged or conditional, with their modality: why nothing fired.
    public var rejected: [Fact]
    /// The date relative expressions were resolved against (publication date, newest full date in the text, or
    /// fetch time), when there was one.
    public var reference: CivilDate?
    /// Every time expression of the text as a TIMEX3 tag, resolved against `reference`: the tags the deadlines of
    /// `facts` were read from. Empty unless asked for
    /// (``FactExtractor/extract(text:published:hasHeadline:fetchedAt:tagsTimex:)``).
    public var timex: [Timex]

    public init(facts: [Fact], rejected: [Fact], reference: CivilDate? = nil, timex: [Timex] = []) {
        self.facts = facts
        self.rejected = rejected
        self.reference = reference
        self.timex = timex
    }
}
