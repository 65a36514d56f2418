import Foundation

/// Parses HTTP/1.1 requests from the bytes received so far: pure functions, so the server's framing rules are
/// plain code that either has a complete request or asks for more bytes.
enum HTTPRequestParser {
    struct Head {
        var method: String
        var target: String
        var headers: [(name: String, value: String)]
        /// Bytes of the head including the blank line.
        var length: Int

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    struct Malformed: Error {}

    /// The request head, once `bytes` contains the blank line that ends it.
    static func head(in bytes: [UInt8]) throws -> Head? {
        guard let end = find([13, 10, 13, 10], in: bytes, from: 0) else { return nil }
        let text = String(decoding: bytes[..<end], as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/") else { throw Malformed() }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed() }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.append((String(line[..<colon]), String(value)))
        }
        return Head(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, length: end + 4)
    }

    /// The decoded body of a chunked message starting at `start`, or nil while it is incomplete.
    static func chunkedBody(in bytes: [UInt8], from start: Int) throws -> [UInt8]? {
        var body: [UInt8] = []
        var position = start
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: position) else { return nil }
            let sizeText = String(decoding: bytes[position..<lineEnd], as: UTF8.self).prefix { $0 != ";" }
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw Malformed()
            }
            position = lineEnd + 2
            if size == 0 {
                // Trailers are not supported; the message ends with an empty line.
                guard bytes.count >= position + 2 else { return nil }
                return body
            }
            guard bytes.count >= position + size + 2 else { return nil }
            body.append(contentsOf: bytes[position..<position + size])
            position += size + 2
        }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if Array(bytes[index..<index + needle.count]) == needle { return index }
        }
        return nil
    }
}
