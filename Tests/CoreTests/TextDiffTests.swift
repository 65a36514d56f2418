import Core
import Testing

@Suite struct TextDiffTests {
    @Test func addedAndRemovedSentencesInReadingOrder() {
        let diff = TextDiff.between(["a", "b", "c", "d"], ["a", "x", "c", "d", "y"])
        #expect(diff.removed == ["b"])
        #expect(diff.added == ["x", "y"])
    }

    @Test func aMovedSentenceIsRemovedAndAddedOnlyWhereTheOrderRequires() {
        let diff = TextDiff.between(["a", "b", "c"], ["b", "c", "a"])
        #expect(diff.removed == ["a"])
        #expect(diff.added == ["a"])
        #expect(TextDiff.between(["a"], ["a"]).isEmpty)
    }

    @Test func hugeTextsFallBackToSetsInsteadOfQuadraticWork() {
        let old = (0..<3000).map(String.init)
        let new = old.dropFirst().map { $0 } + ["new"]
        let diff = TextDiff.between(old, new)
        #expect(diff.removed == ["0"])
        #expect(diff.added == ["new"])
    }
}
