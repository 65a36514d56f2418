public import Core

/// What fact extraction found in one article.
public struct FactExtraction: Hashable, Sendable, Codable {
    /// Asserted facts only, one per (facility, status), in order of first appearance.
    public var facts: [Fact]
    /// Candidates that were negated, hedged or conditional, with their modality: why nothing fired.
    public var rejected: [Fact]

    public init(facts: [Fact], rejected: [Fact]) {
        self.facts = facts
        self.rejected = rejected
    }
}
