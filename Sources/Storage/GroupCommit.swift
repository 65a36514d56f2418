import GRDB
import Synchronization

/// Group commit: writes submitted while a transaction is committing wait, then go into the next transaction
/// together, each in its own savepoint.
///
/// A first pass over a thousand sources stores a thousand versions. One transaction each costs a write lock, a
/// commit and the WAL frames of every page touched, most of them the same index pages again and again; grouped,
/// those costs are paid once per batch. Nothing else changes for a caller: it returns only once its own work is
/// committed, a failure in one submission rolls back that submission alone, and a batch is still all or nothing
/// after a crash (a version rolled back is fetched and stored again at the next pass).
///
/// There is no timer and no batch size to tune: the first submitter commits alone, and whatever arrives while
/// that commit runs is the next batch. The task whose submission heads the queue commits it, so no task of its own
/// and no thread is needed.
final class GroupCommit: Sendable {
    /// What a waiting submitter is told: its work is committed (or failed), or it is to commit the next batch.
    private enum Turn: Sendable {
        case done
        case lead
    }

    private final class Submission: @unchecked Sendable {
        /// Runs the work in a savepoint and keeps its outcome; called on the writer's thread only.
        let run: (Database) -> Void
        /// Records that the whole transaction failed; called before `turn` resumes, never concurrently with `run`.
        let fail: (any Error) -> Void
        /// Resumed exactly once (set to nil when used), under the lock.
        var turn: CheckedContinuation<Turn, Never>?

        init(run: @escaping (Database) -> Void, fail: @escaping (any Error) -> Void) {
            self.run = run
            self.fail = fail
        }
    }

    /// Holds one submission's outcome between the transaction and its submitter.
    private final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    private struct State {
        var pending: [Submission] = []
        var committing = false
    }

    private let state = Mutex(State())
    private let commit: @Sendable (@escaping @Sendable (Database) throws -> Void) async throws -> Void

    /// - Parameter commit: Runs its argument in one write transaction (the store's `DatabasePool.write`).
    init(commit: @escaping @Sendable (@escaping @Sendable (Database) throws -> Void) async throws -> Void) {
        self.commit = commit
    }

    /// Runs `body` in a savepoint of a shared write transaction; returns its result once that transaction commits.
    ///
    /// - Throws: What `body` throws (its savepoint rolled back, the rest of the batch kept), or what `commit` throws
    ///   when the transaction as a whole fails.
    func submit<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let outcome = Outcome<T>()
        let submission = Submission(
            run: { db in
                do {
                    var value: T?
                    try db.inSavepoint {
                        value = try body(db)
                        return .commit
                    }
                    outcome.result = .success(value!)
                } catch {
                    outcome.result = .failure(error)
                }
            },
            fail: { error in outcome.result = .failure(error) }
        )
        let turn = await withCheckedContinuation { (continuation: CheckedContinuation<Turn, Never>) in
            let leads = state.withLock { state in
                state.pending.append(submission)
                if state.committing {
                    submission.turn = continuation
                    return false
                }
                state.committing = true
                return true
            }
            if leads { continuation.resume(returning: .lead) }
        }
        if turn == .lead { await commitPending() }
        // `run` or `fail` set the outcome before this submission's turn came (or within the batch this task led).
        return try outcome.result!.get()
    }

    /// Commits everything pending as one batch, tells its submitters, and hands the next batch to the first
    /// submission that arrived meanwhile.
    private func commitPending() async {
        let batch = state.withLock { state in
            let batch = state.pending
            state.pending = []
            return batch
        }
        do {
            try await commit { db in
                for submission in batch { submission.run(db) }
            }
        } catch {
            for submission in batch { submission.fail(error) }
        }
        // The batch's submitters learn their outcome; the first submission that arrived meanwhile leads the next.
        let (waiting, next) = state.withLock { state in
            let waiting = batch.compactMap(\.turn)
            for submission in batch { submission.turn = nil }
            guard let next = state.pending.first else {
                state.committing = false
                return (waiting, CheckedContinuation<Turn, Never>?.none)
            }
            defer { next.turn = nil }
            return (waiting, next.turn)
        }
        for continuation in waiting { continuation.resume(returning: .done) }
        next?.resume(returning: .lead)
    }
}
