import Alerts
public import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// The delivery dispatcher as its own service: runs due hook deliveries whenever the scheduler has logged changes
/// and every few seconds for retries, and keeps the optional JSON Lines change-log file caught up.
///
/// On graceful shutdown it finishes the hook runs in progress (each bounded by its timeout) and stops; if the
/// group's grace period ends first, the runs are cancelled, which kills their process groups and leaves the
/// deliveries pending in the outbox for the next start. Nothing is lost either way.
public struct DispatcherService: Service {
    public let box: EngineBox
    public let wakeups: DeliveryWakeups
    public let logger: Logger
    /// How often to look for retries that have come due.
    public let retryCheck: Duration
    public let now: @Sendable () -> Date

    private let files = ChangeLogFiles()

    public init(
        box: EngineBox,
        wakeups: DeliveryWakeups,
        logger: Logger,
        retryCheck: Duration = .seconds(5),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.box = box
        self.wakeups = wakeups
        self.logger = logger
        self.retryCheck = retryCheck
        self.now = now
    }

    public func run() async throws {
        let retryCheck = self.retryCheck
        let wakeups = self.wakeups
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                // The first round at once delivers what a previous run left pending.
                await Ticker.run(every: retryCheck) { wakeups.wake() }
            }
            await run(rounds: wakeups.stream)
            group.cancelAll()
        }
    }

    /// One delivery round per element of `rounds`, until it ends or graceful shutdown begins.
    public func run(rounds: some AsyncSequence<Void, Never> & Sendable) async {
        for await _ in rounds.cancelOnGracefulShutdown() {
            let engine = box.engine
            if let path = engine.configuration.changeLogFile {
                do {
                    try await logFile(for: path).catchUp(from: engine.store)
                } catch {
                    logger.error(
                        "Cannot write the change-log file",
                        metadata: ["file": "\(path)", "error": "\(error)"]
                    )
                }
            }
            do {
                let report = try await engine.dispatcher.dispatchDue(now: now())
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
    }

    private func logFile(for path: String) -> ChangeLogFile {
        files.file(for: path)
    }
}

/// The change-log file of the configuration in force; a reload that names another path starts a new one.
final class ChangeLogFiles: Sendable {
    private let current = Mutex<ChangeLogFile?>(nil)

    func file(for path: String) -> ChangeLogFile {
        current.withLock { file in
            if let file, file.path == path { return file }
            let opened = ChangeLogFile(path: path)
            file = opened
            return opened
        }
    }
}
