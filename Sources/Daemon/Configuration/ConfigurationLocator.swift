import Foundation

/// Where a command finds its configuration when `--config` is not given.
public enum ConfigurationLocator {
    /// The places looked at, in order: systemd's `$CONFIGURATION_DIRECTORY`, then `/etc/factwatch/`.
    public static func candidates(environment: [String: String]) -> [String] {
        var paths: [String] = []
        if let directory = environment["CONFIGURATION_DIRECTORY"]?.split(separator: ":").first {
            paths.append("\(directory)/factwatch.toml")
        }
        if !paths.contains("/etc/factwatch/factwatch.toml") { paths.append("/etc/factwatch/factwatch.toml") }
        return paths
    }

    /// The explicit path, or the first candidate that exists, or `nil`.
    public static func find(explicit: String?, environment: [String: String]) -> String? {
        if let explicit { return explicit }
        return candidates(environment: environment).first { FileManager.default.fileExists(atPath: $0) }
    }
}
