import Core
import Foundation
import GRDB
public import Logging

/// The change log in one SQLite file, in WAL mode, through GRDB.
///
/// WAL lets `factwatch tail -f` and `sqlite3` read while the daemon writes. Every pass's writes for one article
/// version happen in one savepoint of one transaction (see ``ingest(_:detect:route:)`` and ``GroupCommit``), so
/// after a crash either all of a version is there or none of it, and the next pass simply redoes it.
public final class SQLiteStore: ChangeStore {
    let pool: DatabasePool
    /// Shares write transactions between the versions and checks stored at the same moment (see ``GroupCommit``).
    let groupCommit: GroupCommit
    public let path: String
    let logger: Logger

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// - Throws: ``StorageError`` with `.cannotOpen` when the file cannot be opened or is not a database, and
    ///   `.newerSchema` when a newer factwatch wrote it.
    public init(path: String, logger: Logger) throws {
        self.path = path
        self.logger = logger
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: directory) {
            throw StorageError(
                .cannotOpen,
                "the directory \(directory) does not exist; create it or set `database` to another path",
                path: path
            )
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // WAL with synchronous=NORMAL: a commit is safe from a crash of the process, and after a power cut the last
        // commits may roll back, but never half of one. That is enough here because a version's transaction also
        // holds its validators: a version rolled back is simply fetched and logged again at the next pass. It
        // spares one fsync per article version.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration.label = "factwatch"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StorageError(.cannotOpen, "cannot open: \(Self.describe(error))", path: path)
        }
        groupCommit = GroupCommit { [pool] body in try await pool.write(body) }
        try migrate()
    }

    private func migrate() throws {
        let migrator = Schema.migrator
        do {
            let known = Set(migrator.migrations)
            let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty {
                throw StorageError(
                    .newerSchema,
                    "written by a newer factwatch (schema \(unknown.sorted().joined(separator: ", "))); "
                        + "upgrade factwatch or point `database` at another file",
                    path: path
                )
            }
            try migrator.migrate(pool)
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.cannotOpen, "cannot prepare the schema: \(Self.describe(error))", path: path)
        }
    }

    /// Runs a write transaction, turning GRDB's errors into ``StorageError``s that name the file.
    func write<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await naming(what) { try await pool.write(body) }
    }

    /// ``write(_:_:)`` for the many small writes of a pass: `body` runs in its own savepoint of a transaction shared
    /// with the writes submitted at the same time, and this returns once that transaction is committed.
    func groupedWrite<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T
    {
        try await naming(what) { try await groupCommit.submit(body) }
    }

    func read<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await naming(what) { try await pool.read(body) }
    }

    /// Runs `access`, turning any error but a ``StorageError`` into one that says what failed and names the file.
    private func naming<T>(_ what: String, _ access: () async throws -> T) async throws -> T {
        do {
            return try await access()
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.sqlite, "\(what) failed: \(Self.describe(error))", path: path)
        }
    }

    /// SQLite's message without the SQL arguments (which may carry article text).
    static func describe(_ error: any Error) -> String {
        if let databaseError = error as? DatabaseError {
            return "\(databaseError.message ?? "error") (SQLite code \(databaseError.extendedResultCode.rawValue))"
        }
        return "\(error)"
    }

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, what: String) throws -> T {
        do {
            return try JSONCoding.decoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError(.corruptRow, "a stored \(what) cannot be read: \(error)")
        }
    }
}
