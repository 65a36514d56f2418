import ArgumentParser
import Core
import Daemon
import Facts
import Foundation

/// `factwatch bench`: throughput figures of one stage, as JSON. Each stage is a subcommand.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput; prints the figures as JSON.",
        subcommands: [BenchExtractCommand.self, BenchFetchCommand.self, BenchFactsCommand.self]
    )
}

struct BenchExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Measure article and fact extraction over saved pages.",
        discussion: """
            Reads every .html, .html.gz and .txt under the given paths, then times, in CPU time of this process, \
            libxml2's DOM parse alone (the baseline), article extraction, and fact extraction. Prints CPU ms per \
            page, pages per second and megabytes of HTML per second for each stage. Build with \
            `swift build -c release` for meaningful figures.
            """
    )

    @Option(name: .long, help: "How many times each stage runs over the corpus.")
    var repeats = 3

    @Argument(help: "Files or directories of saved pages.", completion: .file())
    var paths: [String]

    func run() throws {
        let pages = try Benchmark.load(paths)
        guard !pages.isEmpty else {
            throw CommandError("no .html, .html.gz or .txt files under \(paths.joined(separator: ", "))")
        }
        let report = Benchmark(pages: pages, facts: FactExtractor(), repeats: repeats).run()
        print(String(decoding: try JSONCoding.encoder(pretty: true).encode(report), as: UTF8.self))
    }
}
