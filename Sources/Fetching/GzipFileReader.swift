import CLibXML2

/// Reads a gzip-compressed file through libxml2's input layer, which decompresses with the zlib libxml2 links.
///
/// The build machines have libxml2's headers but not zlib's, so zlib cannot be called directly. libxml2's file
/// input opens files with its gzip/xz reader, which inflates compressed files and passes plain ones through.
enum GzipFileReader {
    /// Returns the decompressed bytes of the file at `path`, which must be an absolute path to a regular file.
    ///
    /// - Throws: `bodyTooLarge` as soon as more than `maxBytes` decompressed bytes appear (a gzip bomb stops here),
    ///   `fileUnreadable` when the file cannot be opened or its compressed data is corrupt.
    static func read(path: String, url: String, maxBytes: Int) throws(FetchError) -> [UInt8] {
        // libxml2 treats "-" as stdin and fetches http:// and ftp:// itself; only absolute paths may get here.
        precondition(path.hasPrefix("/"), "GzipFileReader needs an absolute path")
        // libxml2's I/O layer reports read errors through the thread's error handler, which by default prints to
        // stderr, i.e. the journal. Silence it for this synchronous call (same thread throughout) and restore it.
        let savedHandler = __xmlStructuredError().pointee
        let savedContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        defer { xmlSetStructuredErrorFunc(savedContext, savedHandler) }
        guard let input = xmlParserInputBufferCreateFilename(path, XML_CHAR_ENCODING_NONE) else {
            throw FetchError(code: .fileUnreadable, url: url, message: "cannot open \(path) for decompression")
        }
        defer { xmlFreeParserInputBuffer(input) }
        var bytes: [UInt8] = []
        while true {
            let added = xmlParserInputBufferGrow(input, 64 * 1024)
            if added < 0 {
                throw FetchError(
                    code: .fileUnreadable,
                    url: url,
                    message: "\(path) is not valid gzip data (corrupt or truncated)"
                )
            }
            if let buffer = input.pointee.buffer {
                let count = xmlBufUse(buffer)
                if count > 0, let content = xmlBufContent(buffer) {
                    guard bytes.count + count <= maxBytes else {
                        throw FetchError(
                            code: .bodyTooLarge,
                            url: url,
                            message: "\(path) decompresses to more than the limit of \(maxBytes) bytes"
                        )
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: count))
                    xmlBufShrink(buffer, count)
                }
            }
            if added == 0 { return bytes }
        }
    }
}
