/// Final clean-up of the paragraphs read from the article container.
///
/// Containers still hold a few things that are not the story: the headline repeated as the first line, headings
/// left dangling at the end, a caption printed twice, link-only lines, and trailers such as "Read more at..." or
/// "Related:". Each rule here is about the text's shape, never about one site.
struct BlockFilter {
    /// The page's title, to recognise the headline repeated inside the body.
    var title: String?

    func apply(_ input: [TextBlock]) -> [TextBlock] {
        var blocks = input.filter { !isNoise($0) }
        blocks = removingHeadline(blocks)
        blocks = collapsingRepeats(blocks)
        blocks = removingTrailer(blocks)
        blocks = removingStrayHeadings(blocks)
        return blocks
    }

    /// Lines that are never article text wherever they sit: mostly links, or an ad label.
    private func isNoise(_ block: TextBlock) -> Bool {
        if block.linkDensity >= 0.8 && block.letters < 300 { return true }
        return BoilerplatePhrases.isLabel(block.text)
    }

    private func removingHeadline(_ blocks: [TextBlock]) -> [TextBlock] {
        guard let title = title.map(Self.comparable), !title.isEmpty else { return blocks }
        var result = blocks
        // Only letters and digits are compared, so a block with far more letters than the title cannot match.
        let limit = 2 * title.unicodeScalars.count + 20
        for position in result.indices.prefix(3).reversed()
        where result[position].letters <= limit && Self.comparable(result[position].text) == title {
            result.remove(at: position)
        }
        return result
    }

    /// Keeps the first of identical blocks (a caption or pull quote printed twice).
    private func collapsingRepeats(_ blocks: [TextBlock]) -> [TextBlock] {
        // Keyed by a hash of the UTF-8 bytes: hashing a `String` normalises it first, which costs more than the
        // comparison it saves.
        var seen: [Int: [Int]] = [:]
        var result: [TextBlock] = []
        for block in blocks {
            guard block.letters >= 20 else {
                result.append(block)
                continue
            }
            var text = block.text
            let key = text.withUTF8 { ByteWordSet.hash($0) }
            if let earlier = seen[key], earlier.contains(where: { result[$0].text.utf8.elementsEqual(text.utf8) }) {
                continue
            }
            seen[key, default: []].append(result.count)
            result.append(block)
        }
        return result
    }

    /// Drops "Read more at...", "Related:", follow-us and copyright lines from the end.
    private func removingTrailer(_ blocks: [TextBlock]) -> [TextBlock] {
        var result = blocks
        while let last = result.last, result.count > 1,
            last.kind == .heading || BoilerplatePhrases.isTrailer(last.text)
        {
            result.removeLast()
        }
        return result
    }

    /// Headings only survive when body text follows them: `h1` is the headline, and a heading followed by another
    /// heading (or by nothing) titles a box that was removed.
    private func removingStrayHeadings(_ blocks: [TextBlock]) -> [TextBlock] {
        var result: [TextBlock] = []
        for (position, block) in blocks.enumerated() {
            if block.kind == .heading {
                if block.headingLevel == 1 { continue }
                let next = blocks.dropFirst(position + 1).first
                guard let next, next.kind != .heading else { continue }
            }
            result.append(block)
        }
        return result
    }

    /// Lower-cased letters and digits only, so punctuation and spacing differences do not hide a repeat.
    static func comparable(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                if value.isASCIIAlphanumeric { result.append(Unicode.Scalar(value | (value.isASCIILetter ? 0x20 : 0))) }
                continue
            }
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
            result.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return String(result)
    }
}
