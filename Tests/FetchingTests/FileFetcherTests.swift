import Fetching
import Foundation
import Glibc
import TestSupport
import Testing

@Suite struct FileFetcherTests {
    private func writeBytes(_ bytes: [UInt8], to name: String, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func error(_ fetcher: FileFetcher, _ url: String) -> FetchError? {
        do {
            _ = try fetcher.fetch(FetchRequest(url: url))
            return nil
        } catch {
            return error
        }
    }

    @Test func readsAPlainPathAndAFileURL() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try directory.write("The annex was seized.\n", to: "article one.txt")
            let byPath = try FileFetcher().fetch(FetchRequest(url: path))
            #expect(byPath.body == Array("The annex was seized.\n".utf8))
            #expect(byPath.status == 200)
            #expect(byPath.contentType == "text/plain")
            #expect(byPath.finalURL == "file://" + path.replacingOccurrences(of: " ", with: "%20"))
            #expect(byPath.etag != nil)
            #expect(byPath.lastModified?.hasSuffix(" GMT") == true)

            let byURL = try FileFetcher().fetch(FetchRequest(url: byPath.finalURL))
            #expect(byURL.body == byPath.body)
            #expect(byURL.finalURL == byPath.finalURL)
            let viaLocalhost = "file://localhost" + path.replacingOccurrences(of: " ", with: "%20")
            #expect(try FileFetcher().fetch(FetchRequest(url: viaLocalhost)).body == byPath.body)
        }
    }

    @Test func gzipFileIsDecompressed() async throws {
        try await TemporaryDirectory.with { directory in
            let text = String(repeating: "<item>consulate closed</item>\n", count: 500)
            let path = try writeBytes(try Gzip.compress(Array(text.utf8)), to: "feed.xml.gz", in: directory)
            let response = try FileFetcher().fetch(FetchRequest(url: path))
            #expect(response.body == Array(text.utf8))
            #expect(response.contentType == "application/xml")
        }
    }

    @Test func missingFileIsNotFoundAndNamesThePath() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.file("nope.html")
            let failure = error(FileFetcher(), path)
            #expect(failure?.code == .fileNotFound)
            #expect(failure?.message.contains(path) == true)
            #expect(error(FileFetcher(), directory.file("nope.txt.gz"))?.code == .fileNotFound)
        }
    }

    @Test func directoryIsRefused() async throws {
        try await TemporaryDirectory.with { directory in
            let failure = error(FileFetcher(), directory.path)
            #expect(failure?.code == .fileUnreadable)
            #expect(failure?.message.contains("directory") == true)
            #expect(failure?.message.contains(directory.path) == true)
        }
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file"))
    func unreadableFileIsRefused() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try directory.write("secret", to: "locked.txt")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
            let failure = error(FileFetcher(), path)
            #expect(failure?.code == .fileUnreadable)
            #expect(failure?.message.contains(path) == true)
        }
    }

    @Test func aFIFOIsRefusedWithoutBlocking() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.file("pipe")
            #expect(mkfifo(path, 0o600) == 0)
            let failure = error(FileFetcher(), path)
            #expect(failure?.code == .fileUnreadable)
            #expect(failure?.message.contains("not a regular file") == true)
        }
    }

    @Test func fileOverTheCapIsRefusedAndOneAtTheCapIsRead() async throws {
        try await TemporaryDirectory.with { directory in
            let fetcher = FileFetcher(maxBodyBytes: 10)
            let over = try directory.write("01234567890", to: "eleven.txt")
            let at = try directory.write("0123456789", to: "ten.txt")
            let failure = error(fetcher, over)
            #expect(failure?.code == .bodyTooLarge)
            #expect(failure?.message.contains(over) == true)
            #expect(try fetcher.fetch(FetchRequest(url: at)).body.count == 10)
        }
    }

    @Test func gzipCapCountsDecompressedBytes() async throws {
        try await TemporaryDirectory.with { directory in
            let bomb = try Gzip.compress([UInt8](repeating: 0, count: 2 * 1024 * 1024))
            let path = try writeBytes(bomb, to: "bomb.txt.gz", in: directory)
            #expect(bomb.count < 1024 * 1024)
            #expect(error(FileFetcher(maxBodyBytes: 1024 * 1024), path)?.code == .bodyTooLarge)
            #expect(
                try FileFetcher(maxBodyBytes: 2 * 1024 * 1024).fetch(FetchRequest(url: path)).body.count
                    == 2 * 1024 * 1024
            )
        }
    }

    @Test func truncatedGzipIsUnreadable() async throws {
        try await TemporaryDirectory.with { directory in
            let text = (0..<20_000).map { "line \($0) of a long story\n" }.joined()
            let compressed = try Gzip.compress(Array(text.utf8))
            let path = try writeBytes(Array(compressed.prefix(compressed.count / 2)), to: "cut.txt.gz", in: directory)
            #expect(error(FileFetcher(), path)?.code == .fileUnreadable)
        }
    }

    @Test func validatorsMakeAnUnchangedFileNotModified() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try directory.write("version one", to: "page.html")
            let first = try FileFetcher().fetch(FetchRequest(url: path))
            let byETag = try FileFetcher().fetch(FetchRequest(url: path, etag: first.etag))
            #expect(byETag.notModified)
            #expect(byETag.body.isEmpty)
            let byDate = try FileFetcher().fetch(FetchRequest(url: path, lastModified: first.lastModified))
            #expect(byDate.notModified)

            try directory.write("version two, longer", to: "page.html")
            let changed = try FileFetcher().fetch(FetchRequest(url: path, etag: first.etag))
            #expect(!changed.notModified)
            #expect(changed.body == Array("version two, longer".utf8))
        }
    }

    @Test func fileURLsForOtherHostsAreBadURLs() {
        #expect(error(FileFetcher(), "file://fileserver/share/a.txt")?.code == .badURL)
    }

    @Test func fetcherRoutesFilesAndPaths() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try directory.write("local", to: "a.txt")
            try await Fetcher.withFetcher(logger: testLogger()) { fetcher in
                let byPath = try await fetcher.fetch(FetchRequest(url: path))
                let byURL = try await fetcher.fetch(FetchRequest(url: "file://" + path))
                #expect(byPath.body == Array("local".utf8))
                #expect(byURL.body == Array("local".utf8))
                let missing = await fetchError { () async throws(FetchError) in
                    try await fetcher.fetch(FetchRequest(url: directory.file("b.txt")))
                }
                #expect(missing?.code == .fileNotFound)
            }
        }
    }
}
