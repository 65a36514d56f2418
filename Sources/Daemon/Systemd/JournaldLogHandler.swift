public import Foundation
import Glibc
public import Logging

/// A swift-log handler for a daemon under systemd: one line per event on stderr, in the form journald parses.
///
/// When stderr is connected to the journal (`$JOURNAL_STREAM` names the same device and inode as the output
/// descriptor), each line starts with the syslog priority `<N>` and carries no timestamp, since journald records
/// both. Otherwise (a terminal, a file, a pipe in a test) lines get an ISO 8601 timestamp and the level in words.
/// Either way metadata follows the message as sorted ` key=value` pairs, and newlines are escaped so that a
/// multi-line message (a hook's stderr) cannot split into several journal entries.
///
/// The output descriptor is a parameter so tests can read what was written through a pipe. Bootstrap it once in
/// `main`: `LoggingSystem.bootstrap { JournaldLogHandler(label: $0) }`.
public struct JournaldLogHandler: LogHandler {
    /// The two line shapes.
    public enum Format: Hashable, Sendable {
        /// `<6>message key=value`.
        case journal
        /// `2026-09-01T12:00:00.000Z info label: message key=value`.
        case human
    }

    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public let label: String
    public let format: Format
    private let output: LogOutput

    /// - Parameters:
    ///   - label: The logger's label, shown in the human format.
    ///   - fileDescriptor: Where lines go; stderr unless a test passes a pipe.
    ///   - format: Forces a format; `nil` detects it from `environment` and the descriptor.
    ///   - environment: Read for `$JOURNAL_STREAM`.
    public init(
        label: String,
        fileDescriptor: Int32 = 2,
        format: Format? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.format = format ?? Self.detectFormat(fileDescriptor: fileDescriptor, environment: environment)
        self.output = LogOutput(fileDescriptor: fileDescriptor)
        self.metadataProvider = metadataProvider
    }

    /// `.journal` when `$JOURNAL_STREAM` (`device:inode`) matches `fileDescriptor`, as systemd.exec(5) describes;
    /// a redirected stderr (`2>file`) in the same unit keeps the variable but no longer matches.
    public static func detectFormat(fileDescriptor: Int32, environment: [String: String]) -> Format {
        guard let value = environment["JOURNAL_STREAM"] else { return .human }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return .human }
        var info = stat()
        guard fstat(fileDescriptor, &info) == 0 else { return .human }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode ? .journal : .human
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, provided in provided }
        }
        if let explicit = event.metadata {
            merged.merge(explicit) { _, explicit in explicit }
        }
        if let error = event.error, merged["error"] == nil {
            merged["error"] = "\(error)"
        }
        output.write(
            LogLineFormatter.line(
                level: event.level,
                message: event.message.description,
                metadata: merged,
                label: label,
                journal: format == .journal,
                timestamp: Date()
            )
        )
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
