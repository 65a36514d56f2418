import GRDB

/// The database schema, as an ordered list of named migrations.
///
/// Migrations only ever add: a released migration is never edited, so a database written by any earlier
/// factwatch upgrades in place and nothing stored is lost. Table and column names are plain snake_case so the file
/// reads well from the `sqlite3` shell (see README, "Reading the change log").
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-change-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sources (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        url TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        last_attempt_at DATETIME,
                        last_success_at DATETIME,
                        next_due_at DATETIME,
                        failure_streak INTEGER NOT NULL DEFAULT 0,
                        last_error TEXT,
                        created_at DATETIME NOT NULL
                    );
                    CREATE TABLE documents (
                        id INTEGER PRIMARY KEY,
                        source_id INTEGER NOT NULL REFERENCES sources(id),
                        url TEXT NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        latest_version_id INTEGER,
                        first_seen_at DATETIME NOT NULL,
                        last_checked_at DATETIME NOT NULL,
                        UNIQUE (source_id, url)
                    );
                    CREATE TABLE versions (
                        id INTEGER PRIMARY KEY,
                        document_id INTEGER NOT NULL REFERENCES documents(id),
                        content_hash TEXT NOT NULL,
                        fetched_at DATETIME NOT NULL,
                        published TEXT,
                        modified TEXT,
                        title TEXT,
                        canonical_url TEXT,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX versions_by_document ON versions(document_id, id);
                    CREATE TABLE facts (
                        id INTEGER PRIMARY KEY,
                        version_id INTEGER NOT NULL REFERENCES versions(id),
                        facility_key TEXT NOT NULL,
                        status TEXT NOT NULL,
                        modality TEXT NOT NULL,
                        deadline TEXT,
                        payload TEXT NOT NULL
                    );
                    CREATE INDEX facts_by_version ON facts(version_id);
                    CREATE INDEX facts_by_facility ON facts(facility_key);
                    CREATE TABLE facilities (
                        key TEXT PRIMARY KEY,
                        status TEXT NOT NULL,
                        deadline TEXT,
                        updated_at DATETIME NOT NULL,
                        payload TEXT NOT NULL
                    );
                    CREATE TABLE changes (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        facility_key TEXT NOT NULL,
                        version_id INTEGER REFERENCES versions(id),
                        source TEXT,
                        detected_at DATETIME NOT NULL,
                        idempotency_key TEXT NOT NULL UNIQUE,
                        payload TEXT NOT NULL
                    );
                    CREATE INDEX changes_by_facility ON changes(facility_key, id);
                    CREATE TABLE deliveries (
                        id INTEGER PRIMARY KEY,
                        change_id INTEGER NOT NULL REFERENCES changes(id),
                        hook TEXT NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at DATETIME,
                        last_error TEXT,
                        created_at DATETIME NOT NULL,
                        updated_at DATETIME NOT NULL,
                        UNIQUE (change_id, hook)
                    );
                    CREATE INDEX deliveries_due ON deliveries(state, next_attempt_at);
                    """
            )
        }
        migrator.registerMigration("v2-source-health") { db in
            // What an operator asks first about a misbehaving source: what did the server last answer, how much
            // came and how long it took, and until when the server asked to be left alone.
            try db.execute(
                sql: """
                    ALTER TABLE sources ADD COLUMN last_status INTEGER;
                    ALTER TABLE sources ADD COLUMN last_bytes INTEGER;
                    ALTER TABLE sources ADD COLUMN last_duration_ms INTEGER;
                    ALTER TABLE sources ADD COLUMN retry_after_at DATETIME;
                    """
            )
        }
        return migrator
    }
}
