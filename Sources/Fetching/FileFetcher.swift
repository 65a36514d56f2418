import Foundation
import Glibc

/// Reads `file://` URLs and plain paths, with the same size cap and validators as HTTP.
///
/// A local file gets an `ETag` (size and nanosecond mtime) and a `Last-Modified`, and a request carrying a matching
/// validator gets a `304`, so the daemon skips unchanged files exactly as it skips unchanged pages. `.gz` files are
/// decompressed; the cap applies to the decompressed size.
///
/// Reads are synchronous: local files are small and fast, so the calling task does the I/O itself.
public struct FileFetcher: Sendable {
    /// Largest (decompressed) body accepted.
    public var maxBodyBytes: Int

    public init(maxBodyBytes: Int = FetchLimits().maxBodyBytes) {
        self.maxBodyBytes = max(0, maxBodyBytes)
    }

    /// Reads the file named by `request.url`.
    ///
    /// - Throws: ``FetchError`` with `fileNotFound`, `fileUnreadable` (permissions, a directory, corrupt gzip),
    ///   `bodyTooLarge` or `badURL`, each naming the path.
    public func fetch(_ request: FetchRequest) throws(FetchError) -> FetchResponse {
        let started = ContinuousClock.now
        let location = try FileLocation(request.url)
        let path = location.path
        // O_NONBLOCK: opening a FIFO must not hang the task; it is then refused as not a regular file.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw openError(errno, path: path, url: request.url) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw FetchError(
                code: .fileUnreadable,
                url: request.url,
                message: "cannot stat \(path): \(describe(errno))"
            )
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            let what = (info.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
            throw FetchError(code: .fileUnreadable, url: request.url, message: "\(path) is \(what)")
        }

        let modifiedSeconds = Int(info.st_mtim.tv_sec)
        let etag =
            "\"\(String(info.st_size, radix: 16))-\(String(modifiedSeconds, radix: 16))."
            + "\(String(info.st_mtim.tv_nsec, radix: 16))\""
        let lastModified = HTTPDate.format(secondsSinceEpoch: modifiedSeconds)
        var response = FetchResponse(
            requestedURL: request.url,
            finalURL: location.url,
            status: 200,
            body: [],
            contentType: location.guessedContentType,
            etag: etag,
            lastModified: lastModified
        )
        if let known = request.etag, known == etag {
            response.status = 304
            return response
        }
        if request.etag == nil, let known = request.lastModified, known == lastModified {
            response.status = 304
            return response
        }

        if location.isGzip {
            response.body = try GzipFileReader.read(path: path, url: request.url, maxBytes: maxBodyBytes)
        } else {
            guard Int(info.st_size) <= maxBodyBytes else {
                throw tooLarge(path: path, url: request.url, detail: "is \(info.st_size) bytes")
            }
            response.body = try readAll(descriptor, path: path, url: request.url)
        }
        response.fetchedAt = Date()
        response.duration = ContinuousClock.now - started
        return response
    }

    /// Reads to end of file, still enforcing the cap in case the file grew after `fstat`.
    private func readAll(_ descriptor: Int32, path: String, url: String) throws(FetchError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FetchError(code: .fileUnreadable, url: url, message: "cannot read \(path): \(describe(errno))")
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= maxBodyBytes else {
                throw tooLarge(path: path, url: url, detail: "grew while being read")
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    private func openError(_ code: Int32, path: String, url: String) -> FetchError {
        switch code {
        case ENOENT, ENOTDIR:
            return FetchError(code: .fileNotFound, url: url, message: "no such file: \(path)")
        default:
            return FetchError(code: .fileUnreadable, url: url, message: "cannot open \(path): \(describe(code))")
        }
    }

    private func tooLarge(path: String, url: String, detail: String) -> FetchError {
        FetchError(
            code: .bodyTooLarge,
            url: url,
            message: "\(path) \(detail), over the limit of \(maxBodyBytes) bytes"
        )
    }

    private func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
