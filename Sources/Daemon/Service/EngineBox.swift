import Synchronization

/// The engine of the configuration in force, shared by the scheduler (which replaces it on SIGHUP) and the
/// delivery dispatcher (which reads its hooks), so a reload reaches both at once.
public final class EngineBox: Sendable {
    private let current: Mutex<Engine>

    public init(_ engine: Engine) {
        current = Mutex(engine)
    }

    public var engine: Engine {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}
