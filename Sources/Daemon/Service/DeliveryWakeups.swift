/// Wakes the delivery dispatcher when the scheduler has logged changes, so hooks run within a moment of a pass
/// instead of waiting for the dispatcher's next periodic round.
public struct DeliveryWakeups: Sendable {
    public let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a delivery round; several requests before the round starts collapse into one.
    public func wake() {
        continuation.yield()
    }

    public func finish() {
        continuation.finish()
    }
}
