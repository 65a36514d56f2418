import Core
import Foundation
import GRDB

extension SQLiteStore {
    /// Stores a new article version with its facts, the changes they cause and one delivery row per interested
    /// hook, all in one transaction.
    ///
    /// The document's previous facts and the current records of the facilities concerned are read inside the same
    /// transaction, so two passes can never interleave between reading a state and changing it.
    public func ingest(
        _ observation: Observation,
        detect: @escaping ChangeDetection,
        route: @escaping HookRouting
    ) async throws -> IngestOutcome {
        let factRows = try observation.facts.map { fact in (fact, try Self.encode(fact)) }
        return try await groupedWrite("storing a version of \(observation.url)") { db in
            let sourceID = try Self.sourceID(db, name: observation.source)
            let documentID = try Self.upsertDocument(
                db,
                sourceID: sourceID,
                url: observation.url,
                etag: observation.etag,
                lastModified: observation.lastModified,
                at: observation.fetchedAt
            )
            let previousVersion = try Row.fetchOne(
                try db.cachedStatement(
                    sql: """
                        SELECT v.id, v.content_hash, v.text FROM documents d JOIN versions v ON v.id = d.latest_version_id
                        WHERE d.id = ?
                        """
                ),
                arguments: [documentID]
            )
            if let previousVersion, (previousVersion["content_hash"] as String) == observation.contentHash {
                return IngestOutcome(versionID: nil, changes: [])
            }

            let article = observation.article
            try db.cachedStatement(
                sql: """
                    INSERT INTO versions (
                        document_id, content_hash, fetched_at, published, modified, title, canonical_url, text
                    )
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                documentID, observation.contentHash, observation.fetchedAt.stored, article.published?.iso,
                article.modified?.iso, article.title, article.canonicalURL, article.text,
            ]
            )
            let versionID = db.lastInsertedRowID
            for (fact, payload) in factRows {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO facts (version_id, facility_key, status, modality, deadline, payload)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    versionID, fact.facility.key.rawValue, fact.status.rawValue, fact.modality.rawValue,
                    fact.deadline?.value?.iso, payload,
                ]
                )
            }

            let previousFacts: [Fact] =
                if let previousID: Int64 = previousVersion?["id"] {
                    try Self.facts(db, versionID: previousID)
                } else {
                    []
                }
            let keys = Set(observation.facts.map(\.facility.key))
            let current = try Self.facilityRecords(db, keys: keys)
            let detection = detect(
                DetectionInput(
                    facts: observation.facts,
                    previousFacts: previousFacts,
                    current: current,
                    versionID: versionID,
                    previousText: previousVersion?["text"]
                )
            )

            let logged = try Self.log(detection.changes, route: route, db)
            for record in detection.facilities { try Self.save(record, db) }
            try db.cachedStatement(sql: "UPDATE documents SET latest_version_id = ? WHERE id = ?").execute(arguments: [
                versionID, documentID,
            ]
            )
            return IngestOutcome(versionID: versionID, changes: logged)
        }
    }

    /// Appends changes to the log with one delivery row per interested hook; a change whose idempotency key is
    /// already logged is skipped. Returns the changes logged, with their ids.
    static func log(_ changes: [Change], route: HookRouting, _ db: Database) throws -> [Change] {
        var logged: [Change] = []
        for var change in changes {
            try db.cachedStatement(
                sql: """
                    INSERT INTO changes (kind, facility_key, version_id, source, detected_at, idempotency_key, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(idempotency_key) DO NOTHING
                    """
            ).execute(arguments: [
                change.kind.rawValue, change.facilityKey.rawValue, change.evidence?.versionID,
                change.evidence?.source, change.detectedAt.stored, change.idempotencyKey, try encode(change),
            ])
            guard db.changesCount > 0 else { continue }
            change.id = db.lastInsertedRowID
            logged.append(change)
            let detected = change.detectedAt.stored
            for hook in Set(route(change)).sorted() {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO deliveries (change_id, hook, state, next_attempt_at, created_at, updated_at)
                        VALUES (?, ?, 'pending', ?, ?, ?)
                        """
                ).execute(arguments: [change.id, hook, detected, detected, detected])
            }
        }
        return logged
    }

    static func save(_ record: FacilityRecord, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO facilities (key, status, deadline, updated_at, payload) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET
                    status = excluded.status, deadline = excluded.deadline,
                    updated_at = excluded.updated_at, payload = excluded.payload
                """
        ).execute(arguments: [
            record.key.rawValue, record.state.status.rawValue, record.state.deadline?.value?.iso,
            record.updatedAt.stored, try encode(record),
        ])
    }

    static func facts(_ db: Database, versionID: Int64) throws -> [Fact] {
        try String.fetchAll(
            try db.cachedStatement(sql: "SELECT payload FROM facts WHERE version_id = ? ORDER BY id"),
            arguments: [versionID]
        )
        .map { try decode(Fact.self, $0, what: "fact") }
    }

    static func facilityRecords(_ db: Database, keys: Set<FacilityKey>) throws -> [FacilityKey: FacilityRecord] {
        var records: [FacilityKey: FacilityRecord] = [:]
        for key in keys {
            if let payload = try String.fetchOne(
                try db.cachedStatement(sql: "SELECT payload FROM facilities WHERE key = ?"),
                arguments: [key.rawValue]
            ) {
                records[key] = try decode(FacilityRecord.self, payload, what: "facility")
            }
        }
        return records
    }
}
