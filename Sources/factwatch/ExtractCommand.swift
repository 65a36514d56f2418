import ArgumentParser
import Core
import Daemon
import Facts
import Fetching
import Foundation

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article and its facts from files or URLs, offline: nothing is stored.",
        discussion: """
            Each input is an HTML page (.html, or gzip-compressed .html.gz), a plain-text file, or an http(s) URL. \
            Uses the configuration's lexicon when a configuration is found. --json prints one JSON object per \
            input, on one line: {"path", "url", "title", "published", "modified", "language", "canonical_url", \
            "text", "paragraphs", "facts", "rejected"}.
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "One JSON object per input, on one line.")
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The publication date to resolve relative deadlines against when a page states none.",
            valueName: "YYYY-MM-DD[THH:MM]"
        )
    )
    var published: String?

    @Option(
        name: .long,
        help: ArgumentHelp("The URL a saved page was served from (one input only).", valueName: "url")
    )
    var url: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read cases {\"id\", \"text\", \"published\"} from a JSON-lines file (- for stdin); print one line "
                + "{\"id\", \"facts\", \"rejected\", \"timex\"} per case.",
            valueName: "FILE.jsonl"
        ),
        completion: .file(extensions: ["jsonl"])
    )
    var cases: String?

    @Argument(help: "Files or URLs.", completion: .file())
    var inputs: [String] = []

    func validate() throws {
        if cases != nil, !inputs.isEmpty || url != nil || published != nil {
            throw ValidationError("--cases reads its texts and dates from the file; give no other input with it")
        }
        if cases == nil, inputs.isEmpty { throw ValidationError("give files or URLs to extract, or --cases FILE") }
    }

    func run() async throws {
        if let cases {
            var lexicon = Lexicon.builtin
            if ConfigurationLocator.find(explicit: options.config, environment: options.environment) != nil {
                lexicon = try options.loadConfiguration().loadLexicon()
            }
            let failures = try CaseExtraction.run(file: cases, facts: FactExtractor(lexicon: lexicon)) { print($0) }
            if failures > 0 { throw ExitCode.failure }
            return
        }
        if url != nil, inputs.count != 1 {
            throw ValidationError("--url names where one saved page came from; give exactly one input with it")
        }
        var reference: LocalDateTime?
        if let published {
            guard let parsed = LocalDateTime(iso: published) else {
                throw ValidationError("--published \"\(published)\" is not a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM")
            }
            reference = parsed
        }
        let logger = try Bootstrap.start(level: options.level())
        var lexicon = Lexicon.builtin
        if ConfigurationLocator.find(explicit: options.config, environment: options.environment) != nil {
            lexicon = try options.loadConfiguration().loadLexicon()
        }
        let extractor = FactExtractor(lexicon: lexicon)
        let failures = try await Fetcher.withFetcher(logger: logger) { fetcher in
            var failures = 0
            let encoder = JSONCoding.encoder()
            for input in inputs {
                do {
                    let result = try await OfflineExtraction.run(
                        input,
                        fetcher: fetcher,
                        facts: extractor,
                        published: reference,
                        servedFrom: url
                    )
                    print(json ? String(decoding: try encoder.encode(result), as: UTF8.self) : result.report)
                } catch {
                    failures += 1
                    FileHandle.standardError.write(Data("factwatch extract: \(input): \(error)\n".utf8))
                }
            }
            return failures
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
