import Testing

@testable import Alerts

@Suite struct OutputTailTests {
    @Test func shortOutputIsKeptWhole() {
        var tail = OutputTail(limit: 16)
        tail.append(contentsOf: Array("hello\n".utf8))
        tail.append(contentsOf: Array("world".utf8))
        #expect(tail.text == "hello\nworld")
        #expect(tail.totalBytes == 11)
        #expect(tail.omittedBytes == 0)
    }

    @Test func longOutputKeepsTheEndBehindAMarker() {
        var tail = OutputTail(limit: 8)
        let chunks = ["0123456789", "abc", "defghij", "XYZ"]
        for chunk in chunks { tail.append(contentsOf: Array(chunk.utf8)) }
        let all = chunks.joined()
        #expect(tail.totalBytes == all.utf8.count)
        #expect(tail.keptBytes.elementsEqual(all.utf8.suffix(8)))
        #expect(tail.text == OutputTail.truncationMarker(omittedBytes: all.utf8.count - 8) + String(all.suffix(8)))
    }

    @Test func manySmallChunksNeverKeepMoreThanTheLimit() {
        var tail = OutputTail(limit: 100)
        for index in 0..<10_000 {
            tail.append(contentsOf: [UInt8(index % 256)])
            #expect(tail.keptBytes.count == min(index + 1, 100))
        }
        #expect(Array(tail.keptBytes) == (9_900..<10_000).map { UInt8($0 % 256) })
    }

    @Test func aCharacterCutByTheTruncationIsDropped() {
        var tail = OutputTail(limit: 5)
        // "é" is two bytes; keeping the last five bytes of "aéé" + "xy" would start inside the first "é".
        tail.append(contentsOf: Array("aééxy".utf8))
        #expect(!tail.text.contains("\u{FFFD}"))
        #expect(tail.text.hasSuffix("éxy"))
        #expect(tail.text.hasPrefix(OutputTail.truncationMarker(omittedBytes: 3)))
    }
}
