/// What one `class` or `id` value says about its element, read from the value's bytes.
///
/// Names are cut into words at whitespace, words into lower-case tokens at separators and camelCase humps, and each
/// word is also read run together ("Article__body-Text" → "articlebodytext"). Short keywords must match a whole
/// token ("ad" must not fire on "header" or "download"); long distinctive ones may match inside a run-together word
/// ("sharetools", "relatedposts").
struct NameSignals: Sendable, Equatable {
    /// Names page furniture: navigation, sharing, related links, ads, comments.
    var isFurniture = false
    /// Has an article-ish token (Readability's "maybe it's a candidate").
    var isPositive = false
    /// Has a token that lowers Readability's class weight.
    var isNegative = false
    /// One of the words is a class that hides its element ("sr-only", "d-none").
    var hasHiddenClass = false
    /// A word says the element holds a date line ("post-date", "byline").
    var namesDate = false
    /// The ``ContainerFinder`` level the name suggests: 1 for an article-body word, 3 an article word, 4 a content
    /// word, 5 a "main" word; 0 for none.
    var containerLevel: UInt8 = 0

    init() {}

    init(_ value: UnsafeBufferPointer<UInt8>, _ matchers: ClassVocabulary.Matchers = ClassVocabulary.matchers) {
        let count = value.count
        guard count > 0 else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * 3) { scratch in
            let lower = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
            let joined = UnsafeMutableBufferPointer(rebasing: scratch[count..<2 * count])
            let token = UnsafeMutableBufferPointer(rebasing: scratch[2 * count..<3 * count])
            var start = 0
            while start < count {
                while start < count, value[start].isASCIIWhitespace { start += 1 }
                var end = start
                while end < count, !value[end].isASCIIWhitespace { end += 1 }
                if end > start {
                    read(word: UnsafeBufferPointer(rebasing: value[start..<end]), matchers, lower, joined, token)
                }
                start = end
            }
        }
    }

    private mutating func read(
        word: UnsafeBufferPointer<UInt8>,
        _ matchers: ClassVocabulary.Matchers,
        _ lower: UnsafeMutableBufferPointer<UInt8>,
        _ joined: UnsafeMutableBufferPointer<UInt8>,
        _ token: UnsafeMutableBufferPointer<UInt8>
    ) {
        var joinedCount = 0
        var tokenCount = 0
        var previousWasLower = false
        for (offset, byte) in word.enumerated() {
            let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let lowered = isUpper ? byte | 0x20 : byte
            lower[offset] = lowered
            let isWordByte = byte >= 0x80 || byte.isASCIIAlphanumeric
            guard isWordByte else {
                finishToken(token, tokenCount, matchers)
                tokenCount = 0
                previousWasLower = false
                continue
            }
            joined[joinedCount] = lowered
            joinedCount += 1
            if isUpper, previousWasLower, tokenCount > 0 {
                finishToken(token, tokenCount, matchers)
                tokenCount = 0
            }
            token[tokenCount] = lowered
            tokenCount += 1
            previousWasLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
        }
        finishToken(token, tokenCount, matchers)
        let whole = UnsafeBufferPointer(rebasing: lower[0..<word.count])
        if matchers.hiddenClasses.contains(whole) { hasHiddenClass = true }
        if whole.count >= 6, whole.hasPrefix("widget"), !whole.hasPrefix("widgets-") {
            isFurniture = true
        }
        let run = UnsafeBufferPointer(rebasing: joined[0..<joinedCount])
        guard !run.isEmpty else { return }
        let found = matchers.fragments.groups(in: run)
        let furnitureFragment = found & ClassVocabulary.Matchers.furnitureFragment != 0
        if furnitureFragment, found & ClassVocabulary.Matchers.commentaryFragment == 0 { isFurniture = true }
        if found & ClassVocabulary.Matchers.negativeFragment != 0 { isNegative = true }
        if found & ClassVocabulary.Matchers.dateFragment != 0 { namesDate = true }
        var level: UInt8 = 0
        if found & ClassVocabulary.Matchers.bodyFragment != 0, !furnitureFragment {
            level = 1
        } else if found & ClassVocabulary.Matchers.articleFragment != 0 {
            level = 3
        } else if matchers.contentWords.contains(run) {
            level = 4
        } else if run.hasPrefix("main") {
            level = 5
        }
        if level > 0, containerLevel == 0 || level < containerLevel { containerLevel = level }
    }

    private mutating func finishToken(
        _ token: UnsafeMutableBufferPointer<UInt8>,
        _ count: Int,
        _ matchers: ClassVocabulary.Matchers
    ) {
        guard count > 0 else { return }
        let found = matchers.tokens.groups(of: UnsafeBufferPointer(rebasing: token[0..<count]))
        guard found != 0 else { return }
        if found & ClassVocabulary.Matchers.furnitureToken != 0 { isFurniture = true }
        if found & ClassVocabulary.Matchers.positiveToken != 0 { isPositive = true }
        if found & ClassVocabulary.Matchers.negativeToken != 0 { isNegative = true }
    }
}
