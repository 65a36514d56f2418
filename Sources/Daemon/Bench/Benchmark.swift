import Core
import Extraction
public import Facts
import Fetching
import Foundation

/// `factwatch bench`: in-process throughput of the extraction stages over a corpus of saved pages.
///
/// Files are read (and gunzipped) first, outside the timing. Each stage then runs over the whole corpus `repeats`
/// times: libxml2's DOM parse alone (what any libxml2-based extractor pays before its rules run: the baseline of the
/// same run), factwatch's own parse alone, article extraction (decoding, parsing, main text, title and dates), and
/// fact extraction on the extracted articles. Times are CPU time of this process, so other load on the machine disturbs them less than
/// wall time.
public struct Benchmark: Sendable {
    /// The figures, as `factwatch bench` prints them (JSON).
    public struct Report: Codable, Sendable {
        public var pages: Int
        public var bytes: Int
        public var repeats: Int
        /// libxml2's DOM parse alone, the baseline.
        public var parseMsPerPage: Double
        /// factwatch's own HTML parse alone (decoding and tree building), the first step of article extraction.
        public var ownParseMsPerPage: Double
        /// Article extraction: CPU per page, pages and megabytes (10^6 bytes of HTML) per CPU second.
        public var articleMsPerPage: Double
        public var articlePagesPerSecond: Double
        public var articleMegabytesPerSecond: Double
        public var factsMsPerPage: Double
        /// Article extraction time over libxml2's parse time: below 1 means faster than the parse alone.
        public var articleVersusParse: Double
        /// Article and fact extraction together.
        public var pagesPerSecond: Double
        public var megabytesPerSecond: Double
        public var facts: Int
        public var failures: Int
        public var peakResidentMiB: Double

        enum CodingKeys: String, CodingKey {
            case pages, bytes, repeats, facts, failures
            case parseMsPerPage = "libxml2_parse_ms_per_page"
            case ownParseMsPerPage = "parse_ms_per_page"
            case articleMsPerPage = "article_ms_per_page"
            case articlePagesPerSecond = "article_pages_per_second"
            case articleMegabytesPerSecond = "article_mb_per_second"
            case factsMsPerPage = "facts_ms_per_page"
            case articleVersusParse = "article_vs_libxml2_parse_ratio"
            case pagesPerSecond = "pages_per_second"
            case megabytesPerSecond = "mb_per_second"
            case peakResidentMiB = "peak_resident_mib"
        }
    }

    public struct Page: Sendable {
        public var path: String
        public var bytes: [UInt8]
    }

    public let pages: [Page]
    public let facts: FactExtractor
    public let repeats: Int

    public init(pages: [Page], facts: FactExtractor, repeats: Int = 3) {
        self.pages = pages
        self.facts = facts
        self.repeats = max(1, repeats)
    }

    /// Loads every `.html`, `.htm`, `.html.gz` and `.txt` file under the given files and directories.
    public static func load(_ inputs: [String]) throws -> [Page] {
        var paths: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw FetchError(code: .fileNotFound, url: input, message: "no such file or directory")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.subpathsOfDirectory(atPath: input).sorted()
                paths += names.filter(Self.isPage).map { "\(input)/\($0)" }
            } else {
                paths.append(input)
            }
        }
        let reader = FileFetcher()
        return try paths.map { path in Page(path: path, bytes: try reader.fetch(FetchRequest(url: path)).body) }
    }

    static func isPage(_ name: String) -> Bool {
        [".html", ".htm", ".html.gz", ".htm.gz", ".txt"].contains { name.hasSuffix($0) }
    }

    public func run() -> Report {
        let articles = ArticleExtractor()
        let urls = pages.map { $0.path.hasSuffix(".gz") ? String($0.path.dropLast(3)) : $0.path }
        let parse = Self.cpuSeconds {
            for _ in 0..<repeats {
                for (page, url) in zip(pages, urls) where !url.hasSuffix(".txt") {
                    LibXML2Reference.parse(page.bytes)
                }
            }
        }
        let ownParse = Self.cpuSeconds {
            for _ in 0..<repeats {
                for (page, url) in zip(pages, urls) where !url.hasSuffix(".txt") {
                    _ = try? HTMLParser.parse(html: page.bytes, url: url)
                }
            }
        }
        var extracted: [Article] = []
        var failures = 0
        let article = Self.cpuSeconds {
            for round in 0..<repeats {
                for (page, url) in zip(pages, urls) {
                    do {
                        let result = try articles.extract(bytes: page.bytes, url: url)
                        if round == 0 { extracted.append(result) }
                    } catch {
                        if round == 0 { failures += 1 }
                    }
                }
            }
        }
        var factCount = 0
        let factTime = Self.cpuSeconds {
            for round in 0..<repeats {
                for item in extracted {
                    let found = facts.extract(from: item)
                    if round == 0 { factCount += found.facts.count }
                }
            }
        }
        let runs = Double(pages.count * repeats)
        let htmlRuns = Double(urls.filter { !$0.hasSuffix(".txt") }.count * repeats)
        let bytes = pages.reduce(0) { $0 + $1.bytes.count }
        let megabytes = Double(bytes * repeats) / 1e6
        return Report(
            pages: pages.count,
            bytes: bytes,
            repeats: repeats,
            parseMsPerPage: htmlRuns > 0 ? 1000 * parse / htmlRuns : 0,
            ownParseMsPerPage: htmlRuns > 0 ? 1000 * ownParse / htmlRuns : 0,
            articleMsPerPage: 1000 * article / runs,
            articlePagesPerSecond: runs / max(article, 1e-9),
            articleMegabytesPerSecond: megabytes / max(article, 1e-9),
            factsMsPerPage: extracted.isEmpty ? 0 : 1000 * factTime / Double(extracted.count * repeats),
            articleVersusParse: parse > 0 ? (article / runs) / (parse / max(htmlRuns, 1)) : 0,
            pagesPerSecond: runs / max(article + factTime, 1e-9),
            megabytesPerSecond: megabytes / max(article + factTime, 1e-9),
            facts: factCount,
            failures: failures,
            peakResidentMiB: Self.peakResidentMiB()
        )
    }

    /// CPU time (user + system) of this process spent in `body`.
    static func cpuSeconds(_ body: () -> Void) -> Double {
        let before = cpuNow()
        body()
        return cpuNow() - before
    }

    private static func cpuNow() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }

    private static func peakResidentMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports KiB
    }
}
