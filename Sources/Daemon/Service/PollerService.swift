import Alerts
import Core
public import Fetching
public import Foundation
public import Logging
public import ServiceLifecycle
public import Storage
import UnixSignals

/// `factwatch run`: the long-running service that polls due sources, logs changes and runs hooks, until SIGTERM.
///
/// One `run()` loop consumes ``PollerTrigger``s: a tick every second checks which sources are due (a cheap
/// in-memory comparison), and SIGHUP re-reads the configuration and applies it without dropping state. systemd hears
/// READY=1 once the database is open and the configuration checked, STATUS= after every pass, WATCHDOG=1 from the
/// loop itself (so a wedged loop is caught), RELOADING=1 around a reload and STOPPING=1 at shutdown.
public struct PollerService: Service {
    public let store: any ChangeStore
    public let fetcher: Fetcher
    public let notifier: SystemdNotifier
    public let logger: Logger
    /// Reads the configuration again, for SIGHUP.
    public let reload: @Sendable () throws -> Configuration
    public let initial: Configuration
    public let now: @Sendable () -> Date
    public let tick: Duration

    public init(
        initial: Configuration,
        reload: @escaping @Sendable () throws -> Configuration,
        store: any ChangeStore,
        fetcher: Fetcher,
        notifier: SystemdNotifier,
        logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init,
        tick: Duration = .seconds(1)
    ) {
        self.initial = initial
        self.reload = reload
        self.store = store
        self.fetcher = fetcher
        self.notifier = notifier
        self.logger = logger
        self.now = now
        self.tick = tick
    }

    public func run() async throws {
        let (triggers, continuation) = AsyncStream.makeStream(
            of: PollerTrigger.self,
            bufferingPolicy: .bufferingNewest(4)
        )
        let tick = self.tick
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                // Cancellation (the loop ended) is the normal way out of the ticker, not an error.
                while !Task.isCancelled {
                    continuation.yield(.tick)
                    do { try await Task.sleep(for: tick) } catch { break }
                }
            }
            group.addTask {
                for await _ in await UnixSignalsSequence(trapping: .sighup) {
                    continuation.yield(.reload)
                }
            }
            try await run(triggers: triggers)
            group.cancelAll()
        }
    }

    /// The loop itself, driven by any sequence of triggers; returns when the sequence ends or on graceful shutdown.
    public func run(triggers: some AsyncSequence<PollerTrigger, Never> & Sendable) async throws {
        var engine = try Engine(configuration: initial, store: store, fetcher: fetcher, logger: logger, now: now)
        try await store.register(initial.sources)
        var schedules = try await engine.storedSchedules(now: now())
        var status = StatusLine()
        status.sources = initial.sources.count
        notify { try notifier.ready(status: status.text) }
        logger.notice(
            "Started",
            metadata: [
                "sources": "\(initial.sources.count)", "hooks": "\(initial.hooks.count)",
                "database": "\(initial.database)",
            ]
        )
        var nextDeliveryCheck = Date.distantPast
        try await withGracefulShutdownHandler {
            for await trigger in triggers.cancelOnGracefulShutdown() {
                notify { try notifier.watchdog() }
                switch trigger {
                case .reload:
                    notify { try notifier.reloading() }
                    do {
                        let configuration = try reload()
                        let rebuilt = try Engine(
                            configuration: configuration,
                            store: store,
                            fetcher: fetcher,
                            logger: logger,
                            now: now
                        )
                        try await store.register(configuration.sources)
                        schedules = Self.reschedule(schedules, for: configuration, now: now())
                        engine = rebuilt
                        status.sources = configuration.sources.count
                        status.reloadError = nil
                        logger.notice(
                            "Configuration reloaded",
                            metadata: [
                                "sources": "\(configuration.sources.count)", "hooks": "\(configuration.hooks.count)",
                            ]
                        )
                    } catch {
                        status.reloadError = "\(error)"
                        logger.error(
                            "Reload failed; keeping the previous configuration",
                            metadata: ["error": "\(error)"]
                        )
                    }
                    notify { try notifier.ready(status: status.text) }
                case .tick:
                    let current = now()
                    let due = engine.configuration.sources.filter { schedules[$0.name]?.isDue(at: current) ?? true }
                    if !due.isEmpty {
                        let pass = await engine.poll(due, schedules: schedules, now: now) {
                            notify { try notifier.watchdog() }
                        }
                        schedules = pass.schedules
                        status.record(pass.results, at: now(), schedules: schedules)
                        nextDeliveryCheck = .distantPast
                    }
                    if current >= nextDeliveryCheck {
                        await dispatch(engine)
                        nextDeliveryCheck = now().addingTimeInterval(10)
                    }
                    if !due.isEmpty { notify { try notifier.status(status.text) } }
                }
            }
        } onGracefulShutdown: {
            notify { try notifier.stopping() }
        }
        logger.notice("Stopped")
    }

    private func dispatch(_ engine: Engine) async {
        do {
            let notifier = self.notifier
            let report = try await engine.dispatcher.dispatchDue(now: now()) { try? notifier.watchdog() }
            if report != DeliveryDispatcher.Report() {
                logger.info(
                    "Deliveries",
                    metadata: [
                        "delivered": "\(report.delivered)", "failed": "\(report.failed)",
                        "dead": "\(report.deadLettered)",
                    ]
                )
            }
        } catch {
            logger.error("Cannot work through the delivery outbox", metadata: ["error": "\(error)"])
        }
    }

    /// Keeps the schedules of sources that stay, adapts changed intervals, and makes new sources due now.
    static func reschedule(
        _ schedules: [String: PollSchedule],
        for configuration: Configuration,
        now: Date
    ) -> [String: PollSchedule] {
        var updated: [String: PollSchedule] = [:]
        for source in configuration.sources {
            updated[source.name] =
                schedules[source.name]?.withInterval(source.interval, now: now)
                ?? PollSchedule(interval: source.interval, nextDue: now)
        }
        return updated
    }

    /// systemd notification failures are logged, never fatal: the daemon is more useful running than not.
    private func notify(_ send: () throws -> Void) {
        do {
            try send()
        } catch {
            logger.warning("Cannot notify systemd", metadata: ["error": "\(error)"])
        }
    }
}
