import Core
public import Foundation
public import Logging
public import Storage

/// Works through the outbox: runs each due delivery's hook, records the outcome, and schedules retries.
///
/// Deliveries are written in the same transaction as the change they carry, so a change is never logged without
/// its deliveries, and a crash between a hook's run and its record only means the hook runs again (hooks should
/// treat the change id as an idempotency key). Each hook receives its changes one at a time, in log order; different
/// hooks run side by side.
public struct DeliveryDispatcher: Sendable {
    public let store: any ChangeStore
    public let hooks: [String: HookConfiguration]
    public let runner: HookRunner
    /// Sends webhook deliveries; `nil` when no fetcher is available (webhooks then fail with a clear error).
    public let webhooks: WebhookSender?
    public let policy: RetryPolicy
    /// Hooks running at the same time, at most (each hook still gets its deliveries one at a time, in order).
    public let concurrency: Int
    public let logger: Logger

    /// 12 attempts: with the policy's 10 s doubling to a 1 h ceiling, a delivery is given up only after roughly
    /// two to three and a half hours of failures, long enough to ride out an endpoint's outage or a redeploy.
    public static let defaultPolicy = RetryPolicy(maxAttempts: 12)

    public init(
        store: any ChangeStore,
        hooks: [HookConfiguration],
        runner: HookRunner,
        webhooks: WebhookSender? = nil,
        policy: RetryPolicy = DeliveryDispatcher.defaultPolicy,
        concurrency: Int = 4,
        logger: Logger
    ) {
        self.store = store
        self.hooks = Dictionary(hooks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.runner = runner
        self.webhooks = webhooks
        self.policy = policy
        self.concurrency = max(1, concurrency)
        self.logger = logger
    }

    /// What one round of dispatching did.
    public struct Report: Sendable, Hashable {
        public var delivered = 0
        public var failed = 0
        public var deadLettered = 0

        public init() {}
    }

    /// Runs every delivery due at `now` (up to `limit`) and returns the counts. `progress` is called after each
    /// hook run (the daemon feeds systemd's watchdog with it).
    public func dispatchDue(
        now: Date = Date(),
        limit: Int = 500,
        progress: @escaping @Sendable () -> Void = {}
    ) async throws -> Report {
        let due = try await store.dueDeliveries(now: now, limit: limit)
        guard !due.isEmpty else { return Report() }
        let lanes = Array(Dictionary(grouping: due, by: \.hook)).sorted { $0.key < $1.key }
        return try await withThrowingTaskGroup(of: Report.self) { group in
            var next = 0
            func startNext() {
                guard next < lanes.count else { return }
                let (hook, deliveries) = lanes[next]
                next += 1
                group.addTask { try await deliver(deliveries, to: hook, progress: progress) }
            }
            for _ in 0..<min(concurrency, lanes.count) { startNext() }
            var total = Report()
            while let report = try await group.next() {
                total.delivered += report.delivered
                total.failed += report.failed
                total.deadLettered += report.deadLettered
                startNext()
            }
            return total
        }
    }

    private func deliver(
        _ deliveries: [PendingDelivery],
        to name: String,
        progress: @Sendable () -> Void
    ) async throws -> Report {
        var report = Report()
        var random = SystemRandomNumberGenerator()
        for delivery in deliveries {
            if Task.isCancelled { break }
            var logger = self.logger
            logger[metadataKey: "hook"] = "\(name)"
            logger[metadataKey: "change.id"] = "\(delivery.change.id ?? 0)"
            guard let hook = hooks[name] else {
                let message = "hook \"\(name)\" is no longer in the configuration"
                try await store.update(delivery: delivery.id, .dead(error: message, attemptedAt: Date()))
                logger.warning("Delivery dropped", metadata: ["reason": "\(message)"])
                report.deadLettered += 1
                continue
            }
            let outcome = await run(hook, change: delivery.change)
            progress()
            if outcome.cancelled { break }
            let finished = Date()
            if outcome.succeeded {
                try await store.update(delivery: delivery.id, .delivered(at: finished))
                logger.info("Hook delivered", metadata: outcome.logMetadata)
                report.delivered += 1
                continue
            }
            let attempt = delivery.attempts + 1
            switch policy.nextStep(afterFailedAttempt: attempt, now: finished, random: &random) {
            case .retry(let next):
                try await store.update(
                    delivery: delivery.id,
                    .retry(at: next, error: outcome.summary, attemptedAt: finished)
                )
                logger.warning(
                    "Hook failed; will retry",
                    metadata: outcome.logMetadata.merging(
                        ["attempt": "\(attempt)", "retry.at": "\(next)"],
                        uniquingKeysWith: { $1 }
                    )
                )
                report.failed += 1
            case .deadLetter:
                try await store.update(delivery: delivery.id, .dead(error: outcome.summary, attemptedAt: finished))
                logger.error(
                    "Hook failed for the last time; delivery is dead",
                    metadata: outcome.logMetadata.merging(["attempt": "\(attempt)"], uniquingKeysWith: { $1 })
                )
                report.deadLettered += 1
            }
        }
        return report
    }

    /// A hook process or a webhook POST, whichever the hook is.
    private func run(_ hook: HookConfiguration, change: Change) async -> DeliveryOutcome {
        guard let webhook = hook.webhook else { return await runner.run(hook, change: change) }
        guard let webhooks else {
            return DeliveryOutcome(error: "webhooks need the daemon's HTTP client, which this dispatcher lacks")
        }
        return await webhooks.send(change, to: webhook, timeout: hook.timeout)
    }
}
