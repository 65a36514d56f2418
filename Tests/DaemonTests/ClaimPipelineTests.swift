import Core
import Daemon
import Fetching
import Foundation
import Storage
import TestSupport
import Testing

/// A plain-text story polled as a file source, as a user would poll a saved article: the change log holds one claim
/// per facility, the article's resolved view, with the sentence that decided it.
///
/// The story is ours. It carries the traps real reporting of such an episode carries: a loose noun in the lead ("the
/// closure of three Russian facilities"), the explicit order with its deadline further down, a sentence describing
/// another consulate's age, a staff cut with a number, and a seized estate.
@Suite struct ClaimPipelineTests {
    static let story = """
        U.S. shuts three Russian sites in diplomatic row

        WASHINGTON - The United States on Thursday demanded the closure of three Russian diplomatic facilities, \
        including the consulate general in San Francisco.

        The State Department said Russia must close its consulate in San Francisco, a chancery annex in Washington \
        and a trade annex in New York by Saturday, September 2.

        Russia's consulate general in New York, which opened in 1972, is the oldest Russian mission in the country \
        and was not affected.

        The measures answer Moscow's order last month for the United States to cut its diplomatic and technical \
        staff in Russia by 755 by September 1.

        Russia also seized a U.S. Embassy summer estate on the outskirts of Moscow and a storage site there.
        """

    @Test func aPolledStoryLogsOneClaimPerFacility() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try directory.write(Self.story, to: "story.txt")
            let configuration = Configuration(
                database: directory.file("factwatch.sqlite"),
                sources: [Source(name: "wire", url: path, kind: .page, interval: .seconds(60))]
            )
            let logger = TestLogging.quiet()
            let store = try SQLiteStore(path: configuration.database, logger: logger)
            try await Fetcher.withFetcher(logger: logger) { fetcher in
                let engine = try Engine(configuration: configuration, store: store, fetcher: fetcher, logger: logger)
                try await store.register(configuration.sources)
                let pass = await engine.poll(configuration.sources, schedules: [:], now: { Date() })
                #expect(pass.results[0].error == nil)
            }
            let facilities = try await store.facilities()
            let states = Dictionary(uniqueKeysWithValues: facilities.map { ($0.key.rawValue, $0.state) })
            #expect(
                Set(states.keys) == [
                    "ru:consulate:us:san-francisco", "ru:annex:us:washington", "ru:annex:us:new-york",
                    "us:embassy:ru:moscow", "us:compound:ru:moscow",
                ]
            )
            // The explicit order, not the lead's loose noun nor the headline's "shuts".
            #expect(states["ru:consulate:us:san-francisco"]?.status == .orderedClosed)
            #expect(states["ru:consulate:us:san-francisco"]?.deadline?.phrase == "by Saturday, September 2")
            // A staff cut with a number is a staff cut, not an evacuation.
            #expect(states["us:embassy:ru:moscow"]?.status == .staffCut)
            #expect(states["us:embassy:ru:moscow"]?.staff == 755)
            #expect(states["us:compound:ru:moscow"]?.status == .seized)

            // One status change per facility, each citing the sentence that decided it.
            let log = try await store.changes(after: 0, limit: 100)
            let statusChanges = log.filter { $0.kind == .statusChanged }
            #expect(statusChanges.count == 5)
            let consulate = statusChanges.first { $0.facilityKey.rawValue == "ru:consulate:us:san-francisco" }
            #expect(consulate?.evidence?.sentence.hasPrefix("The State Department said Russia must close") == true)
        }
    }
}
