/// Decides which waiting requests may start, so that the fetcher is polite to every host: pure bookkeeping, no clock
/// and no I/O, driven by ``CurlMultiLoop`` and tested on its own.
///
/// Requests wait in one first-in-first-out queue per host. The hosts with waiting requests take turns (round robin),
/// so a site with a thousand pages does not hold back a site with one. A request starts when all of these hold:
/// fewer than ``FetchPoliteness/maxTransfers`` transfers run in total, fewer than the host's limit run against its
/// host, the host's delay has passed since its previous start, and the host is not paused by a `Retry-After`. A
/// request to a host paused for longer than ``FetchPoliteness/maxRetryAfterWait`` is not kept waiting: it comes back
/// as deferred, with the time left.
///
/// Every operation is O(1) amortised, except ``cancel(_:)`` (linear in its host's queue, and rare) and
/// ``nextWakeup(now:)`` (linear in the hosts with waiting requests, and only asked when a slot is free), so ten
/// thousand queued requests cost nothing noticeable per loop turn.
struct AdmissionQueue {
    typealias Instant = ContinuousClock.Instant

    /// What one ``admit(now:)`` decided.
    struct Decision: Equatable {
        /// Requests to start now, in the order they were chosen.
        var started: [Admission] = []
        /// Requests refused because their host asked to be left alone for longer than the fetcher waits, with the
        /// time left.
        var deferred: [Deferral] = []
    }

    struct Admission: Equatable {
        var id: UInt64
        var host: String
    }

    struct Deferral: Equatable {
        var id: UInt64
        var host: String
        var remaining: Duration
    }

    private struct HostState {
        var queue: [UInt64] = []
        var head = 0
        var running = 0
        var nextStart: Instant?
        var pausedUntil: Instant?
        /// True while the host has an entry in the ring.
        var inRing = false

        var isEmpty: Bool { head >= queue.count }

        mutating func popFirst() -> UInt64 {
            let id = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: false)
                head = 0
            }
            return id
        }
    }

    let policy: FetchPoliteness
    private var hosts: [String: HostState] = [:]
    private var hostOf: [UInt64: String] = [:]
    /// Hosts with waiting requests, in turn order; entries before `ringHead` are spent.
    private var ring: [String] = []
    private var ringHead = 0
    /// Transfers started and not yet finished.
    private(set) var running = 0

    init(policy: FetchPoliteness) {
        self.policy = policy
    }

    /// Requests waiting to start.
    var queued: Int { hostOf.count }

    /// Puts a request at the back of its host's queue.
    mutating func enqueue(_ id: UInt64, host: String) {
        hostOf[id] = host
        var state = hosts[host, default: HostState()]
        state.queue.append(id)
        if !state.inRing {
            state.inRing = true
            ring.append(host)
        }
        hosts[host] = state
    }

    /// Takes a waiting request out of its queue; false when it is not waiting (already started, or unknown).
    @discardableResult
    mutating func cancel(_ id: UInt64) -> Bool {
        guard let host = hostOf.removeValue(forKey: id), var state = hosts[host] else { return false }
        if let index = state.queue[state.head...].firstIndex(of: id) {
            state.queue.remove(at: index)
            if state.isEmpty {
                state.queue = []
                state.head = 0
            }
        }
        hosts[host] = state
        return true
    }

    /// Starts every request that may start at `now`, and defers those whose host is paused for too long.
    mutating func admit(now: Instant) -> Decision {
        var decision = Decision()
        var misses = 0
        while running < policy.maxTransfers, misses < ring.count - ringHead, let host = popRing() {
            guard var state = hosts[host] else { continue }
            if state.isEmpty {
                state.inRing = false
                hosts[host] = state
                continue
            }
            if let paused = state.pausedUntil, paused > now {
                let remaining = paused - now
                if remaining > policy.maxRetryAfterWait {
                    while !state.isEmpty {
                        let id = state.popFirst()
                        hostOf[id] = nil
                        decision.deferred.append(Deferral(id: id, host: host, remaining: remaining))
                    }
                    state.inRing = false
                    hosts[host] = state
                    continue
                }
            } else if state.running < policy.transfers(for: host), state.nextStart.map({ $0 <= now }) ?? true {
                let id = state.popFirst()
                hostOf[id] = nil
                state.running += 1
                running += 1
                state.nextStart = now + policy.delay(for: host)
                decision.started.append(Admission(id: id, host: host))
                misses = 0
                if state.isEmpty {
                    state.inRing = false
                } else {
                    ring.append(host)
                }
                hosts[host] = state
                continue
            }
            ring.append(host)
            misses += 1
        }
        return decision
    }

    /// The host name given to transfers that bypass the queue; no request is ever queued under it.
    static let unmetered = "\u{1}unmetered"

    /// Notes that a transfer started by ``admit(now:)`` for `host` has ended, freeing its slots.
    mutating func finished(host: String) {
        guard var state = hosts[host], state.running > 0 else { return }
        state.running -= 1
        running -= 1
        // An idle host without a delay or pause to remember is forgotten, so memory follows the busy hosts only.
        if state.running == 0, !state.inRing, state.pausedUntil == nil, policy.delay(for: host) == .zero {
            hosts[host] = nil
        } else {
            hosts[host] = state
        }
    }

    /// Keeps every request to `host` from starting before `now + duration` (a `Retry-After`); capped by
    /// ``FetchPoliteness/maxRetryAfter``. A shorter pause never shortens a longer one.
    mutating func pause(host: String, for duration: Duration, now: Instant) {
        let until = now + min(max(.zero, duration), policy.maxRetryAfter)
        var state = hosts[host, default: HostState()]
        state.pausedUntil = max(state.pausedUntil ?? until, until)
        hosts[host] = state
    }

    /// The earliest instant after `now` at which a waiting request could start because a host delay or pause ends;
    /// nil when nothing waits on time (no queue, or every waiting host is full and a finishing transfer will free it).
    func nextWakeup(now: Instant) -> Instant? {
        guard running < policy.maxTransfers else { return nil }
        var earliest: Instant?
        for host in ring[ringHead...] {
            guard let state = hosts[host], !state.isEmpty else { continue }
            var ready: Instant?
            if let paused = state.pausedUntil, paused > now {
                ready = paused
            } else if state.running < policy.transfers(for: host), let next = state.nextStart, next > now {
                ready = next
            }
            if let ready, earliest.map({ ready < $0 }) ?? true {
                earliest = ready
            }
        }
        return earliest
    }

    private mutating func popRing() -> String? {
        guard ringHead < ring.count else { return nil }
        let host = ring[ringHead]
        ringHead += 1
        if ringHead == ring.count {
            ring.removeAll(keepingCapacity: true)
            ringHead = 0
        } else if ringHead >= 1024, ringHead * 2 >= ring.count {
            ring.removeFirst(ringHead)
            ringHead = 0
        }
        return host
    }
}
