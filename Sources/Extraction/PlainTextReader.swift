internal import Core

/// Turns a plain-text story into an ``Article``: the first line is the headline when a blank line follows it, and
/// paragraphs are the blank-line separated blocks.
///
/// This is the shape of wire copy and of factwatch's own test texts ("headline\n\nbody..."). Line breaks inside a
/// block are wrapping, not structure, so they become spaces.
enum PlainTextReader {
    static func article(text: String, url: String) -> Article {
        let normalized = text.replacingLineEndings()
        var blocks: [String] = []
        var current: [Substring] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isExtractionWhitespace) }) {
                if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
        var paragraphs = blocks.compactMap(\.nonBlankCollapsed)
        var title: String?
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        if let firstLine = lines.firstIndex(where: { $0.nonBlankCollapsedSubstring != nil }),
            firstLine + 1 < lines.count, lines[firstLine + 1].nonBlankCollapsedSubstring == nil,
            paragraphs.count > 1
        {
            title = paragraphs.removeFirst()
        }
        return Article(url: url, title: title, paragraphs: paragraphs)
    }
}

extension String {
    /// CRLF and lone CR become LF.
    fileprivate func replacingLineEndings() -> String {
        guard utf8.contains(13) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

extension Substring {
    fileprivate var nonBlankCollapsedSubstring: String? { String(self).nonBlankCollapsed }
}
