import Core
import Extraction
import Testing

/// Bytes to text: the HTTP charset, then a byte-order mark, then `<meta>`; bad bytes become U+FFFD, never a crash.
@Suite struct EncodingTests {
    let extractor = ArticleExtractor()

    private func paragraphs(_ bytes: [UInt8], charset: String? = nil) throws -> [String] {
        try extractor.extract(bytes: bytes, url: "https://news.example/a.html", charset: charset).paragraphs
    }

    /// "<p>{text} …</p>" around bytes in some legacy encoding, long enough to be an article.
    private func page(head: String = "", body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)</head><body><article><p>".utf8) + body
            + Array(
                " reopened on Monday after repairs, the ministry said in a statement.</p></article></body></html>".utf8
            )
    }

    @Test func latin1DeclaredInMetaIsReadAsWindows1252() throws {
        // "Café “Ô” – " in windows-1252: what pages labelled ISO-8859-1 really use.
        let bytes = page(
            head: "<meta charset=\"ISO-8859-1\">",
            body: [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0xD4, 0x94, 0x20, 0x96]
        )
        #expect(try paragraphs(bytes).first?.hasPrefix("Café “Ô” – reopened") == true)
    }

    @Test func contentTypeMetaDeclaresTheCharsetToo() throws {
        let cyrillic: [UInt8] = [0xCF, 0xEE, 0xF1, 0xEE, 0xEB, 0xFC, 0xF1, 0xF2, 0xE2, 0xEE]  // "Посольство"
        let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
        #expect(try paragraphs(page(head: head, body: cyrillic)).first?.hasPrefix("Посольство reopened") == true)
    }

    @Test func byteOrderMarkWinsOverMetaButNotOverTheServer() throws {
        let utf8 = [0xEF, 0xBB, 0xBF] + page(head: "<meta charset=\"windows-1251\">", body: Array("Посольство".utf8))
        #expect(try paragraphs(utf8).first?.hasPrefix("Посольство reopened") == true)
        let declared = try paragraphs(utf8, charset: "windows-1251")
        #expect(declared.first?.hasPrefix("Посольство") == false, "the server's charset comes first")
    }

    @Test func utf16WithByteOrderMark() throws {
        let text = String(decoding: page(body: Array("Посольство".utf8)), as: UTF8.self)
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try paragraphs(little).first?.hasPrefix("Посольство reopened") == true)
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try paragraphs(big).first?.hasPrefix("Посольство reopened") == true)
    }

    @Test func invalidBytesInADeclaredUTF8PageBecomeReplacementCharacters() throws {
        let body: [UInt8] = Array("Посольство ".utf8) + [0xFF, 0xC3, 0x20, 0xE2, 0x82] + Array(" café".utf8)
        let text = try paragraphs(page(head: "<meta charset=utf-8>", body: body)).first ?? ""
        #expect(text.hasPrefix("Посольство \u{FFFD}\u{FFFD} \u{FFFD} café reopened"))
    }

    @Test func undeclaredPagesAreUTF8UnlessMostlyInvalid() throws {
        // A UTF-8 page with one stray byte stays UTF-8.
        let mostlyUTF8 = page(body: Array("Посольство в столице ".utf8) + [0xFF])
        #expect(try paragraphs(mostlyUTF8).first?.hasPrefix("Посольство в столице \u{FFFD}") == true)
        // A Latin-1 page without a declaration is windows-1252, as browsers read it.
        let latin1 = page(body: [0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E, 0x20, 0x93, 0x4F, 0x4B, 0x94])
        #expect(try paragraphs(latin1).first?.hasPrefix("München “OK” reopened") == true)
    }

    @Test func aDeclarationInsideTheBodyIsIgnored() throws {
        let body = Array("Посольство <div><meta charset=\"windows-1251\"></div>".utf8)
        #expect(try paragraphs(page(body: body)).first?.hasPrefix("Посольство") == true)
    }

    @Test func unknownCharsetLabelsAreIgnored() throws {
        let bytes = page(head: "<meta charset=\"x-no-such-charset\">", body: Array("Посольство".utf8))
        #expect(try paragraphs(bytes, charset: "also-unknown").first?.hasPrefix("Посольство") == true)
    }

    @Test(
        arguments: [
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52],
            Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8),
            [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03] + Array("<html><body>".utf8),
        ] as [[UInt8]]
    )
    func binaryInputIsAnError(bytes: [UInt8]) throws {
        let error = try #require(throws: ExtractionError.self) {
            try extractor.extract(bytes: bytes, url: "https://news.example/photo.html")
        }
        #expect(error.code == .binary)
    }

    @Test func aStrayControlByteInAPageIsNotBinary() throws {
        let bytes = page(body: Array("The embassy".utf8) + [0x00, 0x01] + Array(" in the capital".utf8))
        #expect(try paragraphs(bytes).first?.hasPrefix("The embassy") == true)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix(seed: 7)
        for length in [1, 2, 3, 17, 4096, 70_000] {
            // Control bytes would mark the input as binary; mapped to markup characters, the random bytes go all the
            // way through the parser and the rules.
            let markup = Array("<>&/=\"'!-;#".utf8)
            let bytes = (0..<length).map { _ in
                let byte = UInt8(truncatingIfNeeded: generator.next())
                return byte < 0x20 ? markup[Int(byte) % markup.count] : byte
            }
            for url in ["https://news.example/r.html", "https://news.example/r.txt"] {
                do {
                    _ = try extractor.extract(bytes: bytes, url: url)
                } catch {
                    #expect([.empty, .binary].contains(error.code))
                }
            }
        }
    }

    @Test func plainTextFollowsTheSameOrder() throws {
        let latin1: [UInt8] = [0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E, 0x20, 0x93, 0x4F, 0x4B, 0x94]
        let article = try extractor.extract(bytes: latin1, url: "file:///n.txt")
        #expect(article.paragraphs == ["München “OK”"])
        let bom = try extractor.extract(bytes: [0xEF, 0xBB, 0xBF] + Array("Посольство".utf8), url: "file:///n.txt")
        #expect(bom.paragraphs == ["Посольство"])
    }
}

/// A small deterministic generator, so the random-bytes test is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
