public import Foundation

/// Paths inside this repository, for tests that read the bundled `seeds/` and `config/` files.
///
/// Found from this file's own location, so tests work from any working directory of a fresh clone.
public enum RepositoryPaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    public static var seeds: URL { root.appendingPathComponent("seeds", isDirectory: true) }
    public static var config: URL { root.appendingPathComponent("config", isDirectory: true) }
}
