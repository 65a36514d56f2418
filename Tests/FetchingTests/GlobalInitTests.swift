import Fetching
import Testing

@Suite struct GlobalInitTests {
    /// main calls it once, but Fetcher.withFetcher calls it too, possibly from many tasks at once.
    @Test func globalInitIsIdempotentAcrossConcurrentCallers() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { try Fetching.globalInit() }
            }
            try await group.waitForAll()
        }
        try Fetching.globalInit()
    }
}
