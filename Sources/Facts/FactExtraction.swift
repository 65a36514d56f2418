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

    public init(facts: [Fact], rejected: [Fact], reference: CivilDate? = nil) {
        self.facts = facts
        self.rejected = rejected
        self.reference = reference
    }
}
