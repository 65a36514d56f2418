import ArgumentParser
import Daemon
import Fetching
import Foundation
import ServiceLifecycle
import Storage
import UnixSignals

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Poll the configured sources until SIGTERM or SIGINT (what systemd starts).",
        discussion: """
            Sends READY=1, STATUS=, WATCHDOG=1, RELOADING=1 and STOPPING=1 to $NOTIFY_SOCKET when systemd sets it. \
            SIGHUP re-reads the configuration (sources, hooks, lexicon) without losing state; a bad file is logged \
            and the previous configuration kept. SIGTERM and SIGINT finish the pass in progress and exit 0.
            """
    )

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let logger = try Bootstrap.start(level: options.logLevel)
        let configuration = try options.loadConfiguration()
        let store = try SQLiteStore(path: configuration.database, logger: logger)
        let notifier = SystemdNotifier(environment: options.environment)
        let options = self.options
        try await Fetcher.withFetcher(
            limits: configuration.fetchLimits,
            politeness: configuration.fetchPoliteness,
            logger: logger
        ) { fetcher in
            let service = PollerService(
                initial: configuration,
                reload: { try options.loadConfiguration() },
                store: store,
                fetcher: fetcher,
                notifier: notifier,
                logger: logger
            )
            var groupConfiguration = ServiceGroupConfiguration(
                services: [.init(service: service)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
            // Below the unit's TimeoutStopSec (45 s): a pass that does not finish in time is cancelled, which a
            // store transaction survives (it is all or nothing), before systemd would resort to SIGKILL.
            groupConfiguration.maximumGracefulShutdownDuration = .seconds(30)
            let group = ServiceGroup(configuration: groupConfiguration)
            try await group.run()
        }
    }
}
