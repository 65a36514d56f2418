import Alerts
import Core
import Foundation
import TOMLKit

extension Configuration {
    /// Reads and checks a configuration file.
    ///
    /// Relative paths in it (the database, file sources, the lexicon, a hook's program) are relative to the
    /// file's own directory, so a configuration works from any working directory.
    ///
    /// - Throws: ``ConfigurationError`` listing every problem found, each with its line when known.
    public static func load(path: String, environment: [String: String]) throws(ConfigurationError) -> Configuration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: path)
                ? "cannot be read as UTF-8 text (\(error.localizedDescription))"
                : "no such file; pass --config FILE or create it from config/factwatch.toml"
            throw ConfigurationError(path: path, issues: [.init(line: nil, key: "", message: reason)])
        }
        return try parse(text: text, path: path, environment: environment)
    }

    /// Parses configuration text; `path` names it in errors and anchors relative paths.
    public static func parse(
        text: String,
        path: String,
        environment: [String: String]
    ) throws(ConfigurationError)
        -> Configuration
    {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                path: path,
                issues: [.init(line: error.source.begin.line, key: "", message: "TOML syntax: \(error.description)")]
            )
        } catch {
            throw ConfigurationError(path: path, issues: [.init(line: nil, key: "", message: "TOML syntax: \(error)")])
        }
        var reader = ConfigurationReader(
            locator: TOMLKeyLocator(text: text),
            baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent().path
        )
        let configuration = reader.read(table, path: path, environment: environment)
        guard reader.issues.isEmpty, let configuration else {
            throw ConfigurationError(path: path, issues: reader.issues)
        }
        return configuration
    }
}
