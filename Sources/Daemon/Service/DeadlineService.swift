import Core
public import Foundation
public import Logging
public import ServiceLifecycle

/// The deadline timer of `factwatch run`: every few seconds, logs the `deadline_approaching` and
/// `deadline_passed` changes that have come due, and wakes the dispatcher for their hooks.
///
/// Its state is the change log itself (each timer change has a unique key), so a restart neither loses a timer
/// nor fires one twice, and a daemon that was down through a deadline reports it passed when it comes back.
public struct DeadlineService: Service {
    public let box: EngineBox
    public let wakeups: DeliveryWakeups
    public let logger: Logger
    public let interval: Duration
    public let now: @Sendable () -> Date

    public init(
        box: EngineBox,
        wakeups: DeliveryWakeups,
        logger: Logger,
        interval: Duration = .seconds(15),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.box = box
        self.wakeups = wakeups
        self.logger = logger
        self.interval = interval
        self.now = now
    }

    public func run() async throws {
        let interval = self.interval
        let (ticks, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                await Ticker.run(every: interval) { continuation.yield() }
                continuation.finish()
            }
            await run(ticks: ticks)
            group.cancelAll()
        }
    }

    /// One check per element of `ticks`, until it ends or graceful shutdown begins.
    public func run(ticks: some AsyncSequence<Void, Never> & Sendable) async {
        for await _ in ticks.cancelOnGracefulShutdown() {
            do {
                let fired = try await box.engine.fireDeadlineTimers(now: now())
                for change in fired { logger.logChange(change) }
                if !fired.isEmpty { wakeups.wake() }
            } catch {
                logger.error("Cannot check deadlines", metadata: ["error": "\(error)"])
            }
        }
    }
}
