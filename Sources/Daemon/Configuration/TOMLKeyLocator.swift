/// Finds the line a key is written on, for error messages: TOMLKit reports positions only for syntax errors.
///
/// It understands what factwatch's files use: top-level keys, `[table]` and `[[array-of-tables]]` headers, and
/// `key = value` lines. Anything fancier just yields no line number, never a wrong one for these shapes.
struct TOMLKeyLocator {
    private struct Entry {
        var table: String
        var index: Int
        var key: String
        var line: Int
    }

    private var entries: [Entry] = []
    private var headers: [String: [Int]] = [:]

    init(text: String) {
        var table = ""
        var counts: [String: Int] = [:]
        var index = 0
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            let number = offset + 1
            if line.hasPrefix("[[") {
                table = String(line.dropFirst(2).prefix(while: { $0 != "]" })).trimmed
                counts[table, default: 0] += 1
                index = counts[table]!
                headers[table, default: []].append(number)
            } else if line.hasPrefix("[") {
                table = String(line.dropFirst().prefix(while: { $0 != "]" })).trimmed
                index = 0
                headers[table, default: []].append(number)
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                var key = String(line[..<equals]).trimmed
                if key.hasPrefix("\""), key.hasSuffix("\""), key.count >= 2 { key = String(key.dropFirst().dropLast()) }
                entries.append(Entry(table: table, index: index, key: key, line: number))
            }
        }
    }

    /// The line of `key` at the top level (`table` nil) or in the `index`-th (1-based) `[[table]]`.
    func line(of key: String, in table: String? = nil, index: Int = 0) -> Int? {
        entries.first { $0.table == (table ?? "") && $0.index == index && $0.key == key }?.line
    }

    /// The line of the `index`-th (1-based) `[[table]]` header.
    func header(of table: String, index: Int) -> Int? {
        guard let lines = headers[table], index >= 1, index <= lines.count else { return nil }
        return lines[index - 1]
    }
}

extension String {
    fileprivate var trimmed: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }
}
