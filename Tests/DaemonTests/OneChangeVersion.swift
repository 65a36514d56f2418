import Core
import Foundation
import Storage
import TestSupport

extension SQLiteStore {
    /// Stores a one-paragraph version at `https://example.org/NAME` whose detection logs exactly one `kind` change
    /// closing `facility` (idempotency key `v<version id>`), routed to `hooks`: a change log filled without the
    /// extraction pipeline, for tests about what reads the log.
    func logOneChange(
        _ name: String,
        facility: Facility,
        kind: ChangeKind,
        source: String = "ledger",
        hooks: [String] = []
    ) async throws {
        let fact = Samples.fact(facility, .closed)
        _ = try await ingest(
            Observation(
                source: source,
                url: "https://example.org/\(name)",
                article: Samples.article([name]),
                facts: [fact],
                contentHash: ContentHash.sha256Hex(name),
                fetchedAt: Date()
            ),
            detect: { input in
                Detection(
                    changes: [
                        Change(
                            kind: kind,
                            facility: facility,
                            before: nil,
                            after: fact.state,
                            evidence: nil,
                            detectedAt: Date(),
                            idempotencyKey: "v\(input.versionID)"
                        )
                    ],
                    facilities: []
                )
            },
            route: { _ in hooks }
        )
    }
}
