import Alerts
public import Core
public import Fetching
public import Foundation
public import Logging
import Storage

/// `factwatch demo`: replays a story's versions through the real pipeline, one pass per version, and prints the
/// change log as it grows.
///
/// The demo configuration's first file source is the "current version" of the story; before each pass the next
/// version is copied over it. The demo starts from an empty database, so it only ever wipes a directory it made
/// itself (marked by a `.factwatch-demo` file).
public struct Demo: Sendable {
    public struct DemoError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    static let marker = ".factwatch-demo"

    public let configuration: Configuration
    /// The story's versions, in order.
    public let versions: [String]
    public let logger: Logger

    public init(configuration: Configuration, versions: [String], logger: Logger) {
        self.configuration = configuration
        self.versions = versions
        self.logger = logger
    }

    /// The `.html` files of a seed story directory, in name order (`v1.html`, `v2.html`, …).
    public static func versions(in directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") || $0.hasSuffix(".txt") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        guard !names.isEmpty else {
            throw DemoError(description: "\(directory) holds no .html or .txt versions")
        }
        return names.map { "\(directory)/\($0)" }
    }

    /// Runs the demo and returns the number of changes logged.
    public func run(fetcher: Fetcher, print: @Sendable (String) -> Void) async throws -> Int {
        guard let source = configuration.sources.first(where: { !$0.url.hasPrefix("http") }) else {
            throw DemoError(description: "the demo configuration needs a file source for the story's current version")
        }
        let workDirectory = URL(fileURLWithPath: source.url).deletingLastPathComponent().path
        try prepare(workDirectory)
        let store = try SQLiteStore(path: configuration.database, logger: logger)
        let engine = try Engine(configuration: configuration, store: store, fetcher: fetcher, logger: logger)
        try await store.register(configuration.sources)

        print("factwatch demo: \(versions.count) versions of one story → \(source.url)")
        print("database: \(configuration.database)\n")
        var schedules: [String: PollSchedule] = [:]
        var total = 0
        var delivered = 0
        for version in versions {
            try FileManager.default.removeItemIfPresent(atPath: source.url)
            try FileManager.default.copyItem(atPath: version, toPath: source.url)
            let pass = await engine.poll([source], schedules: schedules, now: { Date() })
            schedules = pass.schedules
            let result = pass.results[0]
            let name = URL(fileURLWithPath: version).lastPathComponent
            if let error = result.error {
                print("== \(name): the pass failed: \(error)\n")
                continue
            }
            print("== \(name): \(result.changes.count) change\(result.changes.count == 1 ? "" : "s")")
            for change in result.changes { print(ChangeFormatter.describe(change)) }
            total += result.changes.count
            let report = try await engine.dispatcher.dispatchDue()
            delivered += report.delivered
            if report.failed + report.deadLettered > 0 {
                print("   (\(report.failed + report.deadLettered) hook deliveries failed; see `factwatch deliveries`)")
            }
            print("")
        }
        print("\(total) changes logged; \(delivered) hook deliveries made.")
        return total
    }

    /// Makes sure the work directory exists and is empty but for the marker, refusing to touch one the demo did
    /// not create.
    private func prepare(_ directory: String) throws {
        let files = FileManager.default
        let markerPath = "\(directory)/\(Self.marker)"
        if files.fileExists(atPath: directory) {
            let contents = try files.contentsOfDirectory(atPath: directory)
            if !contents.isEmpty, !contents.contains(Self.marker) {
                throw DemoError(
                    description: "\(directory) exists and was not made by `factwatch demo`; "
                        + "point the demo configuration's file source at a new directory"
                )
            }
            for name in contents where name != Self.marker {
                try files.removeItem(atPath: "\(directory)/\(name)")
            }
        } else {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        files.createFile(atPath: markerPath, contents: Data("made by factwatch demo; safe to delete\n".utf8))
    }
}

extension FileManager {
    fileprivate func removeItemIfPresent(atPath path: String) throws {
        if fileExists(atPath: path) { try removeItem(atPath: path) }
    }
}
