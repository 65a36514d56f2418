import ArgumentParser
import Core
import Daemon
import Facts
import Foundation

/// `factwatch bench facts FILE.jsonl`: fact extraction alone, over the texts of a cases file.
struct BenchFactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Measure fact extraction over the texts of a cases file; prints MB/s and facts/s as JSON.",
        discussion: """
            Reads {"id", "text", "published"} lines (the input of `factwatch extract --cases`), builds one \
            FactExtractor (timed apart: a process builds it once), then extracts every text --repeats times and \
            reports the CPU time of this process. Build with `swift build -c release` for meaningful figures.
            """
    )

    /// The figures printed.
    struct Report: Encodable {
        var texts: Int
        var bytes: Int
        var repeats: Int
        var facts: Int
        var buildMs: Double
        var msPerText: Double
        var megabytesPerSecond: Double
        var factsPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case texts, bytes, repeats, facts
            case buildMs = "extractor_build_ms"
            case msPerText = "ms_per_text"
            case megabytesPerSecond = "mb_per_second"
            case factsPerSecond = "facts_per_second"
        }
    }

    @Option(name: .long, help: "How many times the whole file is extracted.")
    var repeats = 5

    @Argument(help: "A JSON-lines file of cases.", completion: .file(extensions: ["jsonl"]))
    var file: String

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandError("\(file): cannot read: \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        var cases: [(text: String, published: LocalDateTime?)] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            guard let item = try? decoder.decode(CaseExtraction.Case.self, from: Data(line.utf8)) else {
                throw CommandError("\(file):\(number + 1): not a case object {\"id\", \"text\", \"published\"}")
            }
            cases.append((item.text, item.published.flatMap { LocalDateTime(iso: $0) }))
        }
        guard !cases.isEmpty else { throw CommandError("\(file): no cases") }
        var extractor: FactExtractor?
        let build = Self.cpuSeconds { extractor = FactExtractor() }
        let rounds = max(1, repeats)
        var factCount = 0
        let time = Self.cpuSeconds {
            for round in 0..<rounds {
                for item in cases {
                    let found = extractor!.extract(text: item.text, published: item.published)
                    if round == 0 { factCount += found.facts.count }
                }
            }
        }
        let bytes = cases.reduce(0) { $0 + $1.text.utf8.count }
        let seconds = max(time, 1e-9)
        let report = Report(
            texts: cases.count,
            bytes: bytes,
            repeats: rounds,
            facts: factCount,
            buildMs: 1000 * build,
            msPerText: 1000 * time / Double(cases.count * rounds),
            megabytesPerSecond: Double(bytes * rounds) / 1_000_000 / seconds,
            factsPerSecond: Double(factCount * rounds) / seconds
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// CPU time (user + system) of this process spent in `body`.
    private static func cpuSeconds(_ body: () -> Void) -> Double {
        func now() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }
        let before = now()
        body()
        return now() - before
    }
}
