#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts bytes in a legacy encoding to UTF-8, replacing what cannot be decoded with U+FFFD.
///
/// windows-1252 and UTF-16 are decoded here; everything else goes through the C library's iconv, with one
/// conversion descriptor per call so that threads never share one. A bad byte costs one replacement character and
/// the conversion goes on: a mangled page must still yield its article.
enum Transcoder {
    /// The UTF-8 bytes of `bytes` read in `encoding`.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: CharacterEncoding) -> [UInt8] {
        switch encoding {
        case .utf8:
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            _ = UTF8Repair.append(bytes, to: &result)
            return result
        case .windows1252:
            return Windows1252.utf8(bytes)
        case .utf16LittleEndian:
            return utf16(bytes, bigEndian: false)
        case .utf16BigEndian:
            return utf16(bytes, bigEndian: true)
        case .iconv(let name):
            return viaIconv(bytes, from: name) ?? Windows1252.utf8(bytes)
        }
    }

    /// Whether iconv can read `name`.
    static func canDecode(_ name: String) -> Bool {
        let descriptor = iconv_open("UTF-8", name)
        guard descriptor != iconv_t(bitPattern: -1) else { return false }
        iconv_close(descriptor)
        return true
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func viaIconv(_ bytes: UnsafeBufferPointer<UInt8>, from name: String) -> [UInt8]? {
        let descriptor = iconv_open("UTF-8", name)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        guard let base = bytes.baseAddress else { return [] }
        var input = UnsafeMutablePointer(mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
        var inputLeft = bytes.count
        result.reserveCapacity(bytes.count * 2)
        while inputLeft > 0 {
            let (status, code, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int, Int32, Int) in
                let start = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var output: UnsafeMutablePointer<CChar>? = start
                var outputLeft = buffer.count
                var cursor: UnsafeMutablePointer<CChar>? = input
                let status = iconv(descriptor, &cursor, &inputLeft, &output, &outputLeft)
                let code = errno
                input = cursor!
                return (status, code, buffer.count - outputLeft)
            }
            result.append(contentsOf: chunk[0..<produced])
            guard status == -1 else { continue }
            if code == E2BIG { continue }
            // EILSEQ (a byte that means nothing here) or EINVAL (a sequence cut off at the end): replace one byte.
            result.append(contentsOf: replacement)
            input += 1
            inputLeft -= 1
            _ = iconv(descriptor, nil, nil, nil, nil)
        }
        return result
    }

    private static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        var pendingHigh: UInt32?
        func unit(at position: Int) -> UInt32 {
            let first = UInt32(bytes[position])
            let second = UInt32(bytes[position + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }
        func emit(_ value: UInt32) {
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            result.append(contentsOf: UTF8.encode(scalar)!)
        }
        while index + 1 < bytes.count {
            let value = unit(at: index)
            index += 2
            if let high = pendingHigh {
                pendingHigh = nil
                if value >= 0xDC00, value <= 0xDFFF {
                    emit(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00))
                    continue
                }
                result.append(contentsOf: replacement)
            }
            if value >= 0xD800, value <= 0xDBFF {
                pendingHigh = value
            } else if value >= 0xDC00, value <= 0xDFFF {
                result.append(contentsOf: replacement)
            } else {
                emit(value)
            }
        }
        if pendingHigh != nil || index < bytes.count { result.append(contentsOf: replacement) }
        return result
    }
}
