/// HMAC-SHA256 (RFC 2104) over ``ContentHash``'s SHA-256: the signature of webhook bodies.
///
/// A receiver recomputes it over the raw request body with the shared secret and compares it with the
/// `X-Factwatch-Signature: sha256=<hex>` header, in constant time on its side.
public enum HMAC {
    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        let blockSize = 64
        var block = key.count > blockSize ? ContentHash.sha256(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = ContentHash.sha256(block.map { $0 ^ 0x36 } + message)
        return ContentHash.sha256(block.map { $0 ^ 0x5c } + inner)
    }

    /// The lower-case hex HMAC-SHA256 of `message` under `key`.
    public static func sha256Hex(key: some StringProtocol, message: [UInt8]) -> String {
        hex(sha256(key: Array(key.utf8), message: message))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
