/// Page furniture: which sentences belong to photo captions or to links to other stories.
///
/// Scraped pages keep their captions ("A car drives past the British embassy in Sanaa. REUTERS/...") and their
/// "Read also" links beside the reporting. Both name facilities, often with a status, but they repeat the body
/// (a caption describes a photo taken days before) or report another story. A paragraph is a caption when it holds a
/// photo credit anywhere, and a link when it opens with a link phrase; a link phrase standing alone on its line
/// makes the next paragraph the link's headline.
extension AnnotatedArticle {
    static func furnitureSentences(
        tokens: [Token],
        sentences: [Range<Int>],
        compiled: CompiledLexicon
    ) -> [Bool] {
        var result = Array(repeating: false, count: sentences.count)
        var paragraphs: [Range<Int>] = []
        var first = 0
        for index in sentences.indices.dropFirst() where tokens[sentences[index].lowerBound].paragraphStart {
            paragraphs.append(first..<index)
            first = index
        }
        if !sentences.isEmpty { paragraphs.append(first..<sentences.count) }
        var markNext = false
        for paragraph in paragraphs {
            let start = sentences[paragraph.lowerBound].lowerBound
            let end = sentences[paragraph.upperBound - 1].upperBound
            var isFurniture = markNext
            markNext = false
            if let link = compiled.furniture.longest(tokens, at: start, limit: end), !link.payloads[0] {
                isFurniture = true
                // "Read also:" alone on its line: the headline it links is the next paragraph.
                markNext = end - (start + link.length) <= 1
            }
            if !isFurniture {
                var index = start
                while index < end, !isFurniture {
                    if let match = compiled.furniture.longest(tokens, at: index, limit: end), match.payloads[0] {
                        isFurniture = true
                    }
                    index += 1
                }
            }
            if isFurniture {
                for sentence in paragraph { result[sentence] = true }
            }
        }
        return result
    }
}
