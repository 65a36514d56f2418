import Core
public import Fetching
public import Foundation
public import Logging
public import ServiceLifecycle
public import Storage
import UnixSignals

/// The scheduler of `factwatch run`: polls due sources and logs their changes until graceful shutdown.
///
/// One loop consumes ``PollerTrigger``s: a tick (every second, or faster when the watchdog needs it) checks which
/// sources are due, a cheap in-memory comparison; SIGHUP re-reads the configuration and applies it without dropping
/// state. systemd hears READY=1 once the database is open and the configuration checked, STATUS= after every
/// pass, WATCHDOG=1 from this loop (so a wedged loop is caught), RELOADING=1 around a reload and STOPPING=1 at
/// shutdown. Logged changes wake the ``DispatcherService``, which runs the hooks.
public struct PollerService: Service {
    public let box: EngineBox
    public let store: any ChangeStore
    public let fetcher: Fetcher
    public let notifier: SystemdNotifier
    public let wakeups: DeliveryWakeups
    public let logger: Logger
    /// Reads and checks the configuration again, for SIGHUP.
    public let reload: @Sendable () throws -> Configuration
    public let now: @Sendable () -> Date
    public let tick: Duration
    let watchdog: WatchdogPacer

    public init(
        box: EngineBox,
        reload: @escaping @Sendable () throws -> Configuration,
        store: any ChangeStore,
        fetcher: Fetcher,
        notifier: SystemdNotifier,
        wakeups: DeliveryWakeups = DeliveryWakeups(),
        logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init,
        tick: Duration = .seconds(1)
    ) {
        self.box = box
        self.reload = reload
        self.store = store
        self.fetcher = fetcher
        self.notifier = notifier
        self.wakeups = wakeups
        self.logger = logger
        self.now = now
        let pacer = WatchdogPacer(interval: notifier.watchdogInterval) { [notifier] in try? notifier.watchdog() }
        self.watchdog = pacer
        self.tick = pacer.tick(default: tick)
    }

    public func run() async throws {
        let (triggers, continuation) = AsyncStream.makeStream(
            of: PollerTrigger.self,
            bufferingPolicy: .bufferingNewest(4)
        )
        let tick = self.tick
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                await Ticker.run(every: tick) { continuation.yield(.tick) }
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
        let initial = box.engine.configuration
        try await store.register(initial.sources)
        var schedules = try await box.engine.storedSchedules(now: now())
        var status = StatusLine()
        status.sources = initial.sources.count
        status.due = initial.sources.filter { schedules[$0.name]?.isDue(at: now()) ?? true }.count
        notify { try notifier.ready(status: status.text) }
        logger.notice(
            "Started",
            metadata: [
                "sources": "\(initial.sources.count)", "hooks": "\(initial.hooks.count)",
                "database": "\(initial.database)",
            ]
        )
        try await withGracefulShutdownHandler {
            for await trigger in triggers.cancelOnGracefulShutdown() {
                watchdog.beat()
                switch trigger {
                case .reload:
                    schedules = await reloadConfiguration(schedules, status: &status)
                case .tick:
                    let current = now()
                    let engine = box.engine
                    let due = engine.configuration.sources.filter { schedules[$0.name]?.isDue(at: current) ?? true }
                    guard !due.isEmpty else { continue }
                    let pass = await engine.poll(due, schedules: schedules, now: now) { watchdog.beat() }
                    schedules = pass.schedules
                    status.record(pass.results, at: now(), schedules: schedules)
                    if pass.results.contains(where: { !$0.changes.isEmpty }) { wakeups.wake() }
                    notify { try notifier.status(status.text) }
                }
            }
        } onGracefulShutdown: {
            notify { try notifier.stopping() }
        }
        logger.notice("Scheduler stopped")
    }

    /// Reads the configuration again and, when it checks, swaps the engine; otherwise keeps the old one running.
    private func reloadConfiguration(
        _ schedules: [String: PollSchedule],
        status: inout StatusLine
    ) async -> [String: PollSchedule] {
        notify { try notifier.reloading() }
        defer { notify { try notifier.ready(status: status.text) } }
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
            let updated = Self.reschedule(schedules, for: configuration, now: now())
            box.engine = rebuilt
            status.sources = configuration.sources.count
            status.reloadError = nil
            logger.notice(
                "Configuration reloaded",
                metadata: ["sources": "\(configuration.sources.count)", "hooks": "\(configuration.hooks.count)"]
            )
            return updated
        } catch {
            status.reloadError = "\(error)"
            logger.error("Reload failed; keeping the previous configuration", metadata: ["error": "\(error)"])
            return schedules
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
