import Alerts
import ArgumentParser
import Core
import Daemon
import Facts
import Fetching
import Foundation
import Logging
import Storage

struct OnceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "once",
        abstract: "Poll every configured source once, run the hooks for new changes, and exit.",
        discussion: "Exit status 0 when every source was read, 1 when any failed (the others are still processed)."
    )

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "Poll only this source (repeatable).")
    var source: [String] = []

    func run() async throws {
        let logger = try Bootstrap.start(level: options.level(fallback: .warning))
        // Building the fact extractor is most of the start-up time: it runs beside reading the configuration,
        // opening the store and starting the fetcher instead of before them.
        async let builtins: Void = FactExtractor.prepareBuiltins()
        let configuration = try options.loadConfiguration()
        await builtins
        async let facts = configuration.makeFactExtractor()
        let unknown = source.filter { name in !configuration.sources.contains { $0.name == name } }
        if !unknown.isEmpty {
            throw CommandError(
                "no source named \(unknown.joined(separator: ", ")) in \(configuration.path ?? "the configuration")"
            )
        }
        let selected =
            source.isEmpty ? configuration.sources : configuration.sources.filter { source.contains($0.name) }
        let store = try SQLiteStore(path: configuration.database, logger: logger)
        try await store.register(configuration.sources)
        let extractor = try await facts
        let failures = try await Fetcher.withFetcher(
            limits: configuration.fetchLimits,
            politeness: configuration.fetchPoliteness,
            logger: logger
        ) { fetcher in
            let engine = try Engine(
                configuration: configuration,
                store: store,
                fetcher: fetcher,
                logger: logger,
                facts: extractor
            )
            let schedules = try await engine.storedSchedules(now: Date())
            let pass = await engine.poll(selected, schedules: schedules, now: { Date() })
            for result in pass.results {
                let detail =
                    result.error.map { "FAILED: \($0)" }
                    ?? "\(result.documentsChecked) checked, \(result.newVersions) new, \(result.changes.count) changes"
                print("\(result.source): \(detail)")
                for problem in result.itemErrors { print("  item failed: \(problem)") }
                for change in result.changes { print(ChangeFormatter.line(change)) }
            }
            for change in try await engine.fireDeadlineTimers(now: Date()) { print(ChangeFormatter.line(change)) }
            if let path = configuration.changeLogFile {
                try await ChangeLogFile(path: path).catchUp(from: store)
            }
            let report = try await engine.dispatcher.dispatchDue()
            if report != DeliveryDispatcher.Report() {
                print(
                    "hooks: \(report.delivered) delivered, \(report.failed) failed (will retry), "
                        + "\(report.deadLettered) dead"
                )
            }
            return pass.results.filter { !$0.succeeded }.count
        }
        if failures > 0 {
            throw CommandError("\(failures) of \(selected.count) sources failed")
        }
    }
}
