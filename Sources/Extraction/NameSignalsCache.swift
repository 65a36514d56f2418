/// Remembers the ``NameSignals`` of every distinct class or id value of one page.
///
/// A page repeats its class names: a few hundred distinct values over a thousand elements. Each value is read once;
/// the repeats cost a hash of their bytes and one comparison.
struct NameSignalsCache {
    private struct Entry {
        var start: Int
        var length: Int
        var signals: NameSignals
    }

    private let matchers = ClassVocabulary.matchers
    private var slots: [Int: Int] = [:]
    private var entries: [Entry] = []

    /// The signals of the value at `range` of `text`.
    mutating func signals(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> NameSignals {
        let value = UnsafeBufferPointer(rebasing: text[range])
        let key = ByteWordSet.hash(value) ^ range.count
        if let found = slots[key] {
            let entry = entries[found]
            if entry.length == range.count,
                UnsafeBufferPointer(rebasing: text[entry.start..<entry.start + entry.length]).elementsEqual(value)
            {
                return entry.signals
            }
            return NameSignals(value, matchers)
        }
        let signals = NameSignals(value, matchers)
        slots[key] = entries.count
        entries.append(Entry(start: range.lowerBound, length: range.count, signals: signals))
        return signals
    }
}
