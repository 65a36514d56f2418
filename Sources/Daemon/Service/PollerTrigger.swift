/// What wakes the poller: the clock, or a request to reload the configuration (SIGHUP).
///
/// Both arrive on one stream, so the loop handles them one at a time and tests can drive it with a hand-made
/// sequence instead of real timers and signals.
public enum PollerTrigger: Sendable, Hashable {
    case tick
    case reload
}
