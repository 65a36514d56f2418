/// Reads UTF-8 (or any ASCII-compatible) HTML bytes into tags and text, following the HTML standard's tokenizer
/// where it matters for what ends up in the tree, and hands them to a ``TreeBuilder``.
///
/// It is one pass over the bytes with no backtracking. Text runs, comments, attribute values and script bodies are
/// skipped with `memchr`/`memmem`; only attributes in ``AttributeName`` are decoded and kept; script and style
/// bodies are not kept at all, except JSON-LD, which carries the page's metadata. At the end of the input an
/// unfinished tag or comment is dropped, as browsers drop it.
struct HTMLScanner {
    private let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    private(set) var builder: TreeBuilder
    /// Lower-cased bytes of the tag name being read.
    private var nameBuffer: [UInt8] = []
    /// ``HTMLTag``'s lookup table, read once.
    private let tagTable = HTMLTag.nameTable

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        builder = TreeBuilder(expectedBytes: input.count)
        nameBuffer.reserveCapacity(32)
    }

    /// Closes what is still open and returns the tree.
    mutating func finish() -> HTMLTree { builder.finish() }

    mutating func run() {
        let end = input.count
        while position < end {
            let open = ByteSearch.first(UInt8(ascii: "<"), in: input, from: position, to: end)
            if open > position { builder.text(input, position..<open, decode: true) }
            position = open
            guard position < end else { break }
            markup()
        }
    }

    // MARK: - Markup

    /// Reads what starts at a `<`.
    private mutating func markup() {
        let end = input.count
        let start = position
        guard start + 1 < end else {
            builder.text(input, start..<end, decode: false)
            position = end
            return
        }
        let next = input[start + 1]
        if next.isASCIILetter {
            startTag()
        } else if next == UInt8(ascii: "/") {
            if start + 2 < end, input[start + 2].isASCIILetter {
                endTag()
            } else {
                // "</>" is nothing; "</ 3" and the like are bogus comments up to the next ">".
                position = after(UInt8(ascii: ">"), from: start + 2)
            }
        } else if next == UInt8(ascii: "!") {
            if start + 3 < end, input[start + 2] == UInt8(ascii: "-"), input[start + 3] == UInt8(ascii: "-") {
                comment(from: start + 4)
            } else if builder.inForeignContent, matches("[CDATA[", at: start + 2) {
                // SVG and MathML may hold CDATA sections, whose text can contain ">" and "<".
                let close = ByteSearch.first("]]>", in: input, from: start + 9, to: end)
                position = close < end ? close + 3 : end
            } else {
                // A doctype, CDATA or other declaration.
                position = after(UInt8(ascii: ">"), from: start + 2)
            }
        } else if next == UInt8(ascii: "?") {
            position = after(UInt8(ascii: ">"), from: start + 2)
        } else {
            // "a < b": the "<" is text.
            builder.text(input, start..<start + 1, decode: false)
            position = start + 1
        }
    }

    private mutating func comment(from start: Int) {
        let end = input.count
        // "<!-->" and "<!--->" are complete, empty comments.
        if start < end, input[start] == UInt8(ascii: ">") {
            position = start + 1
            return
        }
        if start + 1 < end, input[start] == UInt8(ascii: "-"), input[start + 1] == UInt8(ascii: ">") {
            position = start + 2
            return
        }
        let close = ByteSearch.first("-->", in: input, from: start, to: end)
        position = close < end ? close + 3 : end
    }

    private mutating func startTag() {
        let end = input.count
        var cursor = position + 1
        let nameStart = cursor
        while cursor < end, !Self.endsName(input[cursor]) { cursor += 1 }
        guard cursor < end else {
            position = end
            return
        }
        let tag = tagNamed(nameStart..<cursor)
        var selfClosing = false
        while true {
            while cursor < end, input[cursor].isASCIIWhitespace || input[cursor] == UInt8(ascii: "/") {
                if input[cursor] == UInt8(ascii: "/") {
                    selfClosing = cursor + 1 < end && input[cursor + 1] == UInt8(ascii: ">")
                }
                cursor += 1
            }
            guard cursor < end else { return abandon() }
            if input[cursor] == UInt8(ascii: ">") {
                cursor += 1
                break
            }
            selfClosing = false
            // An attribute: its name may start with "=", which the standard reads as part of the name.
            let attributeStart = cursor
            cursor += 1
            while cursor < end {
                let byte = input[cursor]
                if byte.isASCIIWhitespace || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "=")
                {
                    break
                }
                cursor += 1
            }
            let attributeEnd = cursor
            while cursor < end, input[cursor].isASCIIWhitespace { cursor += 1 }
            var value = cursor..<cursor
            if cursor < end, input[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < end, input[cursor].isASCIIWhitespace { cursor += 1 }
                guard cursor < end else { return abandon() }
                let quote = input[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let close = ByteSearch.first(quote, in: input, from: cursor + 1, to: end)
                    guard close < end else { return abandon() }
                    value = cursor + 1..<close
                    cursor = close + 1
                } else {
                    let valueStart = cursor
                    while cursor < end, !input[cursor].isASCIIWhitespace, input[cursor] != UInt8(ascii: ">") {
                        cursor += 1
                    }
                    value = valueStart..<cursor
                }
            }
            // Links are a page's most common element; only `<link>` needs its address (the canonical URL).
            if let name = attributeNamed(attributeStart..<attributeEnd), name != .href || tag == .link {
                builder.attribute(name, value: input, value)
            }
        }
        position = cursor
        let isOpen = builder.startTag(tag, selfClosing: selfClosing)
        let traits = builder.traits(of: tag)
        if traits.contains(.rawText) || traits.contains(.escapableRawText) {
            rawText(of: tag, isOpen: isOpen)
        }
    }

    /// Drops a tag cut off by the end of the input.
    private mutating func abandon() {
        builder.discardPendingAttributes()
        position = input.count
    }

    private mutating func endTag() {
        let end = input.count
        var cursor = position + 2
        let nameStart = cursor
        while cursor < end, !Self.endsName(input[cursor]) { cursor += 1 }
        guard cursor < end else {
            position = end
            return
        }
        let tag = tagNamed(nameStart..<cursor)
        let close = ByteSearch.first(UInt8(ascii: ">"), in: input, from: cursor, to: end)
        guard close < end else {
            position = end
            return
        }
        position = close + 1
        builder.endTag(tag)
    }

    /// The content of a `script`, `style`, `title`… up to its end tag, which is matched by name only: "</div>" in a
    /// script is script text.
    private mutating func rawText(of tag: HTMLTag, isOpen: Bool) {
        let end = input.count
        let name = HTMLTag.nameBytes[Int(tag.rawValue)]
        let contentStart = position
        var contentEnd = end
        var resume = end
        var cursor = position
        while cursor < end {
            let open = ByteSearch.first(UInt8(ascii: "<"), in: input, from: cursor, to: end)
            guard open + 1 < end else { break }
            if input[open + 1] == UInt8(ascii: "/"), matchesName(name, at: open + 2) {
                let afterName = open + 2 + name.count
                if afterName >= end || Self.endsName(input[afterName]) {
                    contentEnd = open
                    resume = after(UInt8(ascii: ">"), from: afterName)
                    break
                }
            }
            cursor = open + 1
        }
        position = resume
        guard isOpen else { return }
        if keepsText(of: tag) {
            builder.text(input, contentStart..<contentEnd, decode: builder.traits(of: tag).contains(.escapableRawText))
        }
        builder.endTag(tag)
    }

    /// Titles, `xmp` and JSON-LD scripts are kept; other scripts, styles and embeds are not text anyone reads.
    private func keepsText(of tag: HTMLTag) -> Bool {
        if tag == .script {
            let index = builder.tree.nodes.count - 1
            return builder.tree.withAttributeBytes(.type, index) { Self.isJSONLD($0) } ?? false
        }
        return tag == .title || tag == .xmp
    }

    private static func isJSONLD(_ type: UnsafeBufferPointer<UInt8>) -> Bool {
        let needle = Array("ld+json".utf8)
        guard type.count >= needle.count else { return false }
        for start in 0...(type.count - needle.count) {
            var matched = true
            for offset in 0..<needle.count where type[start + offset] | 0x20 != needle[offset] | 0x20 {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    // MARK: - Names

    private static func endsName(_ byte: UInt8) -> Bool {
        byte.isASCIIWhitespace || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    /// The tag for the name at `range`: short names are packed into one integer, lower-cased on the way, and
    /// looked up in the catalog; longer and unknown names go through ``nameBuffer``.
    private mutating func tagNamed(_ range: Range<Int>) -> HTMLTag {
        if range.count <= 8 {
            var key: UInt64 = 0
            var shift: UInt64 = 0
            for index in range {
                let byte = input[index]
                key |= UInt64(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) << shift
                shift += 8
            }
            if let raw = tagTable.find(key) { return HTMLTag(rawValue: raw) }
        }
        nameBuffer.removeAll(keepingCapacity: true)
        for index in range {
            let byte = input[index]
            nameBuffer.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        return nameBuffer.withUnsafeBufferPointer { name in
            HTMLTag.lookup(name) ?? builder.customTag(name)
        }
    }

    private func attributeNamed(_ range: Range<Int>) -> AttributeName? {
        guard range.count <= 11 else { return nil }
        var lowered: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &lowered) { raw in
            for (offset, index) in range.enumerated() {
                let byte = input[index]
                raw[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            return AttributeName.lookup(
                UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: range.count)
            )
        }
    }

    /// Whether the ASCII `text` is at `start`, exactly.
    private func matches(_ text: StaticString, at start: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard start + length <= input.count else { return false }
        for offset in 0..<length where input[start + offset] != text.utf8Start[offset] { return false }
        return true
    }

    /// Whether the lower-case `name` is at `start`, in any case.
    private func matchesName(_ name: [UInt8], at start: Int) -> Bool {
        guard start + name.count <= input.count else { return false }
        for offset in 0..<name.count where input[start + offset] | 0x20 != name[offset] {
            return false
        }
        return true
    }

    /// The index after the next `byte` from `start`, or the end of the input.
    private func after(_ byte: UInt8, from start: Int) -> Int {
        let found = ByteSearch.first(byte, in: input, from: start, to: input.count)
        return found < input.count ? found + 1 : input.count
    }
}
