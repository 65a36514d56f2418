public import Core
public import Foundation
import GRDB

extension SQLiteStore {
    public func register(_ sources: [Source]) async throws {
        try await write("registering sources") { db in
            let now = Date().stored
            for source in sources {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO sources (name, url, kind, created_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT(name) DO UPDATE SET
                            url = excluded.url,
                            kind = excluded.kind,
                            etag = CASE WHEN sources.url = excluded.url THEN sources.etag END,
                            last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified END
                        """
                ).execute(arguments: [source.name, source.url, source.kind.rawValue, now]
                )
            }
        }
    }

    public func sources() async throws -> [SourceState] {
        try await read("reading sources") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.*,
                        (SELECT COUNT(*) FROM documents d WHERE d.source_id = s.id) AS document_count,
                        (SELECT COUNT(*) FROM versions v JOIN documents d ON v.document_id = d.id
                            WHERE d.source_id = s.id) AS version_count
                    FROM sources s ORDER BY s.name
                    """
            )
            return rows.map { Self.sourceState($0, counted: true) }
        }
    }

    public func source(named name: String) async throws -> SourceState? {
        try await read("reading source \(name)") { db in
            try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM sources WHERE name = ?"), arguments: [name]).map
            {
                Self.sourceState($0, counted: false)
            }
        }
    }

    public func recordPoll(source: String, _ record: PollRecord) async throws {
        try await write("recording a poll of \(source)") { db in
            if try !Self.update(db, source: source, record) {
                throw StorageError(.unknownSource, "no source named \"\(source)\" is registered")
            }
        }
    }

    public func recordPolls(_ records: [String: PollRecord]) async throws {
        guard !records.isEmpty else { return }
        let unknown = try await write("recording the polls of \(records.count) sources") { db in
            try records.keys.sorted().filter { name in try !Self.update(db, source: name, records[name]!) }
        }
        if !unknown.isEmpty {
            let names = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            throw StorageError(.unknownSource, "polls of sources that are not registered were not recorded: \(names)")
        }
    }

    /// Writes one poll into its source's row; false when no source has that name.
    private static func update(_ db: Database, source: String, _ record: PollRecord) throws -> Bool {
        let durationMilliseconds = record.duration.map { duration -> Int64 in
            let (seconds, attoseconds) = duration.components
            return seconds * 1000 + attoseconds / 1_000_000_000_000_000
        }
        try db.cachedStatement(
            sql: """
                UPDATE sources SET
                    last_attempt_at = ?,
                    last_success_at = CASE WHEN ? IS NULL THEN ? ELSE last_success_at END,
                    last_error = ?,
                    failure_streak = ?,
                    next_due_at = ?,
                    etag = COALESCE(?, etag),
                    last_modified = COALESCE(?, last_modified),
                    last_status = ?,
                    last_bytes = ?,
                    last_duration_ms = ?,
                    retry_after_at = ?
                WHERE name = ?
                """
        ).execute(arguments: [
            record.attemptedAt.stored, record.error, record.attemptedAt.stored, record.error, record.failureStreak,
            record.nextDueAt.stored, record.etag, record.lastModified, record.status, record.bytes,
            durationMilliseconds, record.retryAfterAt?.stored, source,
        ]
        )
        return db.changesCount > 0
    }

    private static func sourceState(_ row: Row, counted: Bool) -> SourceState {
        let milliseconds: Int64? = row["last_duration_ms"]
        return SourceState(
            name: row["name"],
            url: row["url"],
            kind: Source.Kind(rawValue: row["kind"]) ?? .page,
            etag: row["etag"],
            lastModified: row["last_modified"],
            lastAttemptAt: row["last_attempt_at"],
            lastSuccessAt: row["last_success_at"],
            nextDueAt: row["next_due_at"],
            failureStreak: row["failure_streak"],
            lastError: row["last_error"],
            lastStatus: row["last_status"],
            lastBytes: row["last_bytes"],
            lastDuration: milliseconds.map { .milliseconds($0) },
            retryAfterAt: row["retry_after_at"],
            documentCount: counted ? row["document_count"] : 0,
            versionCount: counted ? row["version_count"] : 0
        )
    }

    public func document(source: String, url: String) async throws -> DocumentState? {
        try await read("reading document \(url)") { db in
            let row = try Row.fetchOne(
                try db.cachedStatement(
                    sql: """
                        SELECT d.url, d.etag, d.last_modified, d.latest_version_id, v.content_hash
                        FROM documents d JOIN sources s ON d.source_id = s.id
                        LEFT JOIN versions v ON v.id = d.latest_version_id
                        WHERE s.name = ? AND d.url = ?
                        """
                ),
                arguments: [source, url]
            )
            return row.map(Self.documentState)
        }
    }

    public func pageDocuments(sources names: [String]) async throws -> [String: DocumentState] {
        let wanted = Set(names)
        return try await read("reading the documents of \(names.count) sources") { db in
            var documents: [String: DocumentState] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.name, d.url, d.etag, d.last_modified, d.latest_version_id, v.content_hash
                    FROM sources s JOIN documents d ON d.source_id = s.id AND d.url = s.url
                    LEFT JOIN versions v ON v.id = d.latest_version_id
                    """
            )
            while let row = try rows.next() {
                let name: String = row["name"]
                guard wanted.contains(name) else { continue }
                documents[name] = Self.documentState(row)
            }
            return documents
        }
    }

    private static func documentState(_ row: Row) -> DocumentState {
        DocumentState(
            url: row["url"],
            etag: row["etag"],
            lastModified: row["last_modified"],
            latestContentHash: row["content_hash"],
            latestVersionID: row["latest_version_id"]
        )
    }

    public func recordUnchanged(
        source: String,
        url: String,
        etag: String?,
        lastModified: String?,
        checkedAt: Date
    ) async throws {
        try await groupedWrite("recording an unchanged check of \(url)") { db in
            let sourceID = try Self.sourceID(db, name: source)
            try Self.upsertDocument(
                db,
                sourceID: sourceID,
                url: url,
                etag: etag,
                lastModified: lastModified,
                at: checkedAt
            )
        }
    }

    static func sourceID(_ db: Database, name: String) throws -> Int64 {
        guard
            let id = try Int64.fetchOne(
                try db.cachedStatement(sql: "SELECT id FROM sources WHERE name = ?"),
                arguments: [name]
            )
        else {
            throw StorageError(.unknownSource, "no source named \"\(name)\" is registered")
        }
        return id
    }

    /// Creates or refreshes a document row and returns its id. Validators are replaced only when new ones came.
    @discardableResult
    static func upsertDocument(
        _ db: Database,
        sourceID: Int64,
        url: String,
        etag: String?,
        lastModified: String?,
        at date: Date
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO documents (source_id, url, etag, last_modified, first_seen_at, last_checked_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(source_id, url) DO UPDATE SET
                    etag = COALESCE(excluded.etag, documents.etag),
                    last_modified = COALESCE(excluded.last_modified, documents.last_modified),
                    last_checked_at = excluded.last_checked_at
                """
        ).execute(arguments: [sourceID, url, etag, lastModified, date.stored, date.stored]
        )
        return try Int64.fetchOne(
            try db.cachedStatement(sql: "SELECT id FROM documents WHERE source_id = ? AND url = ?"),
            arguments: [sourceID, url]
        )!
    }
}
