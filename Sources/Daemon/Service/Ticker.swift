/// The clock half of a service's trigger stream: calls `tick` now and then every `interval`, until cancelled.
///
/// Cancellation (the service's loop ended) is the normal way out, not an error.
enum Ticker {
    static func run(every interval: Duration, _ tick: () -> Void) async {
        while !Task.isCancelled {
            tick()
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}
