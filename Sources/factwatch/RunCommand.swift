import ArgumentParser
import Daemon
import Facts
import Fetching
import Foundation
import Logging
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
            and the previous configuration kept. SIGTERM and SIGINT stop taking new work, let the pass and hook runs \
            in progress finish within `shutdown_grace` (default 30s), and exit 0.
            """
    )

    @OptionGroup var options: CommonOptions

    func run() async throws {
        // The built-in lexicon and gazetteer are parsed while the configuration is read.
        async let builtins: Void = FactExtractor.prepareBuiltins()
        // The configuration first: its problems go to stderr before anything starts, and it sets the log level.
        let configuration = try options.loadConfiguration()
        await builtins
        let logger = try Bootstrap.start(level: options.level(configured: configuration.logLevel))
        // The fact extractor takes tens of milliseconds to build: beside setting up logging and opening the store.
        async let facts = configuration.makeFactExtractor()
        let store = try SQLiteStore(path: configuration.database, logger: logger)
        let notifier = SystemdNotifier(environment: options.environment)
        let extractor = try await facts
        let options = self.options
        try await Fetcher.withFetcher(
            limits: configuration.fetchLimits,
            politeness: configuration.fetchPoliteness,
            logger: logger
        ) { fetcher in
            let box = EngineBox(
                try Engine(
                    configuration: configuration,
                    store: store,
                    fetcher: fetcher,
                    logger: logger,
                    facts: extractor
                )
            )
            let wakeups = DeliveryWakeups()
            let scheduler = PollerService(
                box: box,
                reload: { try options.loadConfiguration() },
                store: store,
                fetcher: fetcher,
                notifier: notifier,
                wakeups: wakeups,
                logger: logger
            )
            let dispatcher = DispatcherService(box: box, wakeups: wakeups, logger: logger)
            let deadlines = DeadlineService(box: box, wakeups: wakeups, logger: logger)
            // Services stop in reverse order: the scheduler stops taking new work first, then the deadline timer,
            // then the dispatcher finishes the hook runs in progress.
            var groupConfiguration = ServiceGroupConfiguration(
                services: [.init(service: dispatcher), .init(service: deadlines), .init(service: scheduler)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
            // Work still running when the grace period ends is cancelled: a store transaction is all or nothing
            // and an interrupted hook stays pending, so nothing is lost.
            groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownGrace
            try await ServiceGroup(configuration: groupConfiguration).run()
            logger.notice("Stopped")
        }
    }
}
