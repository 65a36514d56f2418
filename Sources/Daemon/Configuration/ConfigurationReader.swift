import Alerts
import Core
import Fetching
import Foundation
import TOMLKit

/// Walks a parsed TOML table into a ``Configuration``, collecting every problem instead of stopping at the first.
///
/// TOMLKit's tables are non-Sendable classes; they live only inside ``read(_:path:environment:)``.
struct ConfigurationReader {
    let locator: TOMLKeyLocator
    let baseDirectory: String
    private(set) var issues: [ConfigurationError.Issue] = []

    init(locator: TOMLKeyLocator, baseDirectory: String) {
        self.locator = locator
        self.baseDirectory = baseDirectory
    }

    static let topLevelKeys = [
        "database", "interval", "lexicon", "user_agent", "timeout", "connect_timeout", "max_body_bytes",
        "max_redirects", "low_speed_limit", "low_speed_time", "max_feed_items", "concurrency", "concurrency_per_host",
        "host_delay", "host", "log_level", "shutdown_grace", "deadline_leads", "delivery_concurrency",
        "delivery_attempts", "log", "source", "hook",
    ]
    static let logKeys = ["file"]
    static let sourceKeys = [
        "name", "url", "kind", "interval", "timeout", "connect_timeout", "max_body_bytes", "max_redirects",
        "low_speed_limit", "low_speed_time",
    ]
    static let hostKeys = ["name", "concurrency", "delay"]
    static let hookKeys = [
        "name", "command", "kinds", "timeout", "environment", "facility_kinds", "operators", "countries",
        "minimum_confidence", "working_directory", "url", "secret_env", "secret_file",
    ]
    static let bodyBytesRange = 1024...1_073_741_824
    static let redirectRange = 0...20
    static let lowSpeedRange = 0...1_000_000_000
    static let concurrencyRange = 1...256
    /// Polling a publisher's server more often than this is rude and gains nothing for news.
    static let minimumNetworkInterval: Duration = .seconds(30)

    mutating func read(_ table: TOMLTable, path: String, environment: [String: String]) -> Configuration? {
        checkKeys(table, allowed: Self.topLevelKeys, table: nil, index: 0, prefix: "")
        var configuration = Configuration(path: path, database: Configuration.defaultDatabase(environment: environment))
        if let database = string(table, "database") {
            configuration.database = resolvePath(database)
        }
        configuration.interval = duration(table, "interval", minimum: .seconds(1)) ?? Configuration.defaultInterval
        configuration.lexicon = string(table, "lexicon").map(resolvePath)
        configuration.fetch.userAgent = string(table, "user_agent")
        configuration.fetch.timeout = duration(table, "timeout", minimum: .seconds(1)) ?? configuration.fetch.timeout
        configuration.fetch.connectTimeout =
            duration(table, "connect_timeout", minimum: .seconds(1)) ?? configuration.fetch.connectTimeout
        configuration.fetch.maxBodyBytes =
            integer(table, "max_body_bytes", range: Self.bodyBytesRange) ?? configuration.fetch.maxBodyBytes
        configuration.fetch.maxRedirects =
            integer(table, "max_redirects", range: Self.redirectRange) ?? configuration.fetch.maxRedirects
        configuration.fetch.lowSpeedLimit =
            integer(table, "low_speed_limit", range: Self.lowSpeedRange) ?? configuration.fetch.lowSpeedLimit
        configuration.fetch.lowSpeedTime =
            duration(table, "low_speed_time", minimum: .seconds(1)) ?? configuration.fetch.lowSpeedTime
        configuration.maxFeedItems = integer(table, "max_feed_items", range: 1...1000) ?? configuration.maxFeedItems
        configuration.concurrency =
            integer(table, "concurrency", range: Self.concurrencyRange) ?? configuration.concurrency
        configuration.fetch.concurrencyPerHost =
            integer(table, "concurrency_per_host", range: Self.concurrencyRange)
            ?? configuration.fetch.concurrencyPerHost
        configuration.fetch.hostDelay = duration(table, "host_delay", minimum: .zero) ?? configuration.fetch.hostDelay
        configuration.fetch.hosts = readHosts(table)
        if let level = string(table, "log_level") {
            if Configuration.logLevels.contains(level) {
                configuration.logLevel = level
            } else {
                report(
                    "log_level",
                    nil,
                    0,
                    "",
                    "\"\(level)\" is not a log level; use one of \(Configuration.logLevels.joined(separator: ", "))"
                )
            }
        }
        configuration.shutdownGrace =
            duration(table, "shutdown_grace", minimum: .seconds(1)) ?? configuration.shutdownGrace
        if let leads = durations(table, "deadline_leads") { configuration.deadlineLeads = leads }
        configuration.deliveryConcurrency =
            integer(table, "delivery_concurrency", range: 1...64) ?? configuration.deliveryConcurrency
        configuration.deliveryAttempts =
            integer(table, "delivery_attempts", range: 1...100) ?? configuration.deliveryAttempts
        if let log = table["log"] {
            if let logTable = log.table {
                checkKeys(logTable, allowed: Self.logKeys, table: "log", index: 0, prefix: "log")
                configuration.changeLogFile = string(logTable, "file", table: "log", index: 0, prefix: "log").map(
                    resolvePath
                )
            } else {
                report("log", nil, 0, "", "must be a table: [log] with file = \"…\"")
            }
        }
        (configuration.sources, configuration.sourceFetch) = readSources(table, defaultInterval: configuration.interval)
        configuration.hooks = readHooks(table, processEnvironment: environment)
        return issues.isEmpty ? configuration : nil
    }

    // MARK: Hosts

    /// `[[host]]` tables: politeness overrides for named hosts.
    private mutating func readHosts(_ table: TOMLTable) -> [String: HostPoliteness] {
        guard let entries = tables(table, "host") else { return [:] }
        var hosts: [String: HostPoliteness] = [:]
        var seen: [String: Int] = [:]
        for (offset, entry) in entries.enumerated() {
            let index = offset + 1
            let prefix = "host[\(index)]"
            guard let written = startEntry(entry, table: "host", allowed: Self.hostKeys, index: index, seen: &seen)
            else { continue }
            var name = written.lowercased()
            if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
            if name.contains("/") || name.contains(" ") || (name.contains(":") && name.filter { $0 == ":" }.count == 1)
            {
                report(
                    "name",
                    "host",
                    index,
                    prefix,
                    "\"\(written)\" is not a host name; write the host alone, without scheme, port or path, "
                        + "e.g. \"example.com\""
                )
                continue
            }
            let concurrency = integer(
                entry,
                "concurrency",
                range: Self.concurrencyRange,
                table: "host",
                index: index,
                prefix: prefix
            )
            let delay = duration(entry, "delay", minimum: .zero, table: "host", index: index, prefix: prefix)
            hosts[name] = HostPoliteness(maxTransfers: concurrency, delay: delay)
        }
        return hosts
    }

    // MARK: Sources

    private mutating func readSources(
        _ table: TOMLTable,
        defaultInterval: Duration
    ) -> ([Source], [String: Configuration.SourceFetchSettings]) {
        guard let entries = tables(table, "source") else { return ([], [:]) }
        var sources: [Source] = []
        var settings: [String: Configuration.SourceFetchSettings] = [:]
        var seen: [String: Int] = [:]
        for (offset, entry) in entries.enumerated() {
            let index = offset + 1
            let prefix = "source[\(index)]"
            let name = startEntry(entry, table: "source", allowed: Self.sourceKeys, index: index, seen: &seen)
            let url = requiredString(entry, "url", table: "source", index: index, prefix: prefix).flatMap {
                checkURL($0, table: "source", index: index, prefix: prefix)
            }
            var kind = Source.Kind.page
            if let text = string(entry, "kind", table: "source", index: index, prefix: prefix) {
                if let parsed = Source.Kind(rawValue: text) {
                    kind = parsed
                } else {
                    report(
                        "kind",
                        "source",
                        index,
                        prefix,
                        "\"\(text)\" is not a source kind; use \"page\" or \"feed\""
                    )
                }
            }
            let isNetwork = url.map { $0.hasPrefix("http://") || $0.hasPrefix("https://") } ?? false
            let interval =
                duration(
                    entry,
                    "interval",
                    minimum: isNetwork ? Self.minimumNetworkInterval : .seconds(1),
                    table: "source",
                    index: index,
                    prefix: prefix
                ) ?? defaultInterval
            let fetch = readSourceFetch(entry, index: index, prefix: prefix)
            if let name, let url {
                sources.append(Source(name: name, url: url, kind: kind, interval: interval))
                if !fetch.isEmpty { settings[name] = fetch }
            }
        }
        return (sources, settings)
    }

    /// A source's own fetch limits, with the same ranges as the global keys.
    private mutating func readSourceFetch(
        _ entry: TOMLTable,
        index: Int,
        prefix: String
    ) -> Configuration.SourceFetchSettings {
        Configuration.SourceFetchSettings(
            timeout: duration(entry, "timeout", minimum: .seconds(1), table: "source", index: index, prefix: prefix),
            connectTimeout: duration(
                entry,
                "connect_timeout",
                minimum: .seconds(1),
                table: "source",
                index: index,
                prefix: prefix
            ),
            maxBodyBytes: integer(
                entry,
                "max_body_bytes",
                range: Self.bodyBytesRange,
                table: "source",
                index: index,
                prefix: prefix
            ),
            maxRedirects: integer(
                entry,
                "max_redirects",
                range: Self.redirectRange,
                table: "source",
                index: index,
                prefix: prefix
            ),
            lowSpeedLimit: integer(
                entry,
                "low_speed_limit",
                range: Self.lowSpeedRange,
                table: "source",
                index: index,
                prefix: prefix
            ),
            lowSpeedTime: duration(
                entry,
                "low_speed_time",
                minimum: .seconds(1),
                table: "source",
                index: index,
                prefix: prefix
            )
        )
    }

    /// Checks a source URL and returns the form the fetcher gets: web URLs as written, files as absolute paths.
    private mutating func checkURL(_ text: String, table: String, index: Int, prefix: String) -> String? {
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard let url = URL(string: text), let host = url.host, !host.isEmpty else {
                report("url", table, index, prefix, "\"\(text)\" is not a valid URL (no host)")
                return nil
            }
            return text
        }
        if lowered.hasPrefix("file:") {
            guard let url = URL(string: text), url.isFileURL, !url.path.isEmpty,
                url.host == nil || url.host == "" || url.host == "localhost"
            else {
                report(
                    "url",
                    table,
                    index,
                    prefix,
                    "\"\(text)\" is not a valid file URL; write file:///absolute/path or a plain path"
                )
                return nil
            }
            return url.path
        }
        if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter || $0 == "+" }),
            text[..<colon].count > 1
        {
            report(
                "url",
                table,
                index,
                prefix,
                "the scheme \"\(text[..<colon])\" is not supported; use http, https, file, or a plain path"
            )
            return nil
        }
        guard !text.isEmpty else {
            report("url", table, index, prefix, "must not be empty")
            return nil
        }
        return resolvePath(text)
    }

    // MARK: Hooks

    private mutating func readHooks(_ table: TOMLTable, processEnvironment: [String: String]) -> [HookConfiguration] {
        guard let entries = tables(table, "hook") else { return [] }
        var hooks: [HookConfiguration] = []
        var seen: [String: Int] = [:]
        for (offset, entry) in entries.enumerated() {
            let index = offset + 1
            let prefix = "hook[\(index)]"
            let name = startEntry(entry, table: "hook", allowed: Self.hookKeys, index: index, seen: &seen)
            var command: [String]?
            let webhook = readWebhook(entry, index: index, prefix: prefix, environment: processEnvironment)
            if entry["command"] == nil, entry["url"] == nil {
                report(
                    "command",
                    "hook",
                    index,
                    prefix,
                    "a hook needs a command (an argv array, e.g. [\"/usr/local/bin/notify\"]) or a url (a webhook)"
                )
            } else if entry["command"] != nil, entry["url"] != nil {
                report("url", "hook", index, prefix, "give either command (a program) or url (a webhook), not both")
            } else if entry["command"] == nil {
                command = []
            } else if let array = stringArray(entry, "command", table: "hook", index: index, prefix: prefix) {
                if array.isEmpty || array[0].isEmpty {
                    report("command", "hook", index, prefix, "must name a program: [\"/path/to/program\", \"arg\"]")
                } else {
                    command = array
                    if array[0].contains("/"), !array[0].hasPrefix("/") { command![0] = resolvePath(array[0]) }
                }
            }
            var kinds: Set<ChangeKind> = []
            for text in stringArray(entry, "kinds", table: "hook", index: index, prefix: prefix) ?? [] {
                if let kind = ChangeKind(rawValue: text) {
                    kinds.insert(kind)
                } else {
                    let allowed = ChangeKind.allCases.map(\.rawValue).joined(separator: ", ")
                    report("kinds", "hook", index, prefix, "\"\(text)\" is not a change kind; allowed: \(allowed)")
                }
            }
            let timeout =
                duration(entry, "timeout", minimum: .milliseconds(100), table: "hook", index: index, prefix: prefix)
                ?? HookConfiguration.defaultTimeout
            var environment: [String: String] = [:]
            if let value = entry["environment"] {
                if let variables = value.table {
                    for key in variables.keys {
                        if let text = variables[key]?.string {
                            environment[key] = text
                        } else {
                            report("environment", "hook", index, prefix, "the value of \(key) must be a string")
                        }
                    }
                } else {
                    report("environment", "hook", index, prefix, "must be a table of strings, e.g. { TOKEN = \"…\" }")
                }
            }
            let facilityKinds = Set(
                (stringArray(entry, "facility_kinds", table: "hook", index: index, prefix: prefix) ?? []).map {
                    FacilityKind(rawValue: $0)
                }
            )
            let operators = countryCodes(entry, "operators", index: index, prefix: prefix)
            let countries = countryCodes(entry, "countries", index: index, prefix: prefix)
            var minimumConfidence = 0.0
            if let value = entry["minimum_confidence"] {
                if let number = value.double ?? value.int.map(Double.init), (0...1).contains(number) {
                    minimumConfidence = number
                } else {
                    report("minimum_confidence", "hook", index, prefix, "must be a number from 0 to 1, e.g. 0.6")
                }
            }
            let workingDirectory = string(entry, "working_directory", table: "hook", index: index, prefix: prefix)
                .map(resolvePath)
            guard let name, let command else { continue }
            let hook = HookConfiguration(
                name: name,
                command: command,
                kinds: kinds,
                timeout: timeout,
                environment: environment,
                facilityKinds: facilityKinds,
                operators: operators,
                countries: countries,
                minimumConfidence: minimumConfidence,
                workingDirectory: workingDirectory,
                webhook: webhook
            )
            do {
                try hook.validate()
                hooks.append(hook)
            } catch {
                report("", "hook", index, prefix, error.detail)
            }
        }
        return hooks
    }

    // MARK: Typed access with reporting

    /// Checks an entry's keys and its required, unique `name`; returns the name when it is usable.
    private mutating func startEntry(
        _ entry: TOMLTable,
        table: String,
        allowed: [String],
        index: Int,
        seen: inout [String: Int]
    ) -> String? {
        let prefix = "\(table)[\(index)]"
        checkKeys(entry, allowed: allowed, table: table, index: index, prefix: prefix)
        guard let name = requiredString(entry, "name", table: table, index: index, prefix: prefix) else { return nil }
        if let first = seen[name] {
            report("name", table, index, prefix, "duplicate name \"\(name)\"; \(table)[\(first)] has it too")
        } else {
            seen[name] = index
        }
        return name
    }

    private mutating func report(_ key: String, _ table: String?, _ index: Int, _ prefix: String, _ message: String) {
        let line =
            key.isEmpty
            ? table.flatMap { locator.header(of: $0, index: index) }
            : locator.line(of: key, in: table, index: index) ?? table.flatMap { locator.header(of: $0, index: index) }
        let path = prefix.isEmpty ? key : (key.isEmpty ? prefix : "\(prefix).\(key)")
        issues.append(.init(line: line, key: path, message: message))
    }

    private mutating func checkKeys(
        _ table: TOMLTable,
        allowed: [String],
        table name: String?,
        index: Int,
        prefix: String
    ) {
        for key in table.keys where !allowed.contains(key) {
            let suggestion = allowed.min { Self.distance(key, $0) < Self.distance(key, $1) }
                .flatMap { Self.distance(key, $0) <= 2 ? $0 : nil }
            let hint = suggestion.map { "did you mean \"\($0)\"? " } ?? ""
            report(key, name, index, prefix, "unknown key; \(hint)allowed here: \(allowed.joined(separator: ", "))")
        }
    }

    private mutating func string(
        _ table: TOMLTable,
        _ key: String,
        table name: String? = nil,
        index: Int = 0,
        prefix: String = ""
    ) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            report(key, name, index, prefix, "must be a string (in quotes)")
            return nil
        }
        return text
    }

    private mutating func requiredString(
        _ table: TOMLTable,
        _ key: String,
        table name: String,
        index: Int,
        prefix: String
    )
        -> String?
    {
        guard table[key] != nil else {
            report(key, name, index, prefix, "is required")
            return nil
        }
        guard let text = string(table, key, table: name, index: index, prefix: prefix) else { return nil }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            report(key, name, index, prefix, "must not be empty")
            return nil
        }
        return text
    }

    private mutating func stringArray(
        _ table: TOMLTable,
        _ key: String,
        table name: String,
        index: Int,
        prefix: String
    )
        -> [String]?
    {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            report(key, name, index, prefix, "must be an array of strings, e.g. [\"a\", \"b\"]")
            return nil
        }
        var strings: [String] = []
        for element in array {
            guard let text = element.string else {
                report(key, name, index, prefix, "must be an array of strings, e.g. [\"a\", \"b\"]")
                return nil
            }
            strings.append(text)
        }
        return strings
    }

    private mutating func integer(
        _ table: TOMLTable,
        _ key: String,
        range: ClosedRange<Int>,
        table name: String? = nil,
        index: Int = 0,
        prefix: String = ""
    ) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else {
            report(key, name, index, prefix, "must be a whole number")
            return nil
        }
        guard range.contains(number) else {
            report(
                key,
                name,
                index,
                prefix,
                "\(number) is out of range; allowed: \(range.lowerBound) to \(range.upperBound)"
            )
            return nil
        }
        return number
    }

    private mutating func duration(
        _ table: TOMLTable,
        _ key: String,
        minimum: Duration,
        table name: String? = nil,
        index: Int = 0,
        prefix: String = ""
    ) -> Duration? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            report(key, name, index, prefix, "must be a duration string such as \"90s\", \"15m\", \"2h\" or \"1d\"")
            return nil
        }
        guard let parsed = DurationText.parse(text) else {
            report(
                key,
                name,
                index,
                prefix,
                "\"\(text)\" is not a duration; write a whole number and a unit (ms, s, m, h, d): \"90s\", \"15m\""
            )
            return nil
        }
        guard parsed >= minimum else {
            let why = minimum == Self.minimumNetworkInterval ? ", to be polite to the publisher's server" : ""
            report(
                key,
                name,
                index,
                prefix,
                "\"\(text)\" is too short; the minimum is \(DurationText.format(minimum))\(why)"
            )
            return nil
        }
        return parsed
    }

    /// Edit distance between two keys (case and `-`/`_` ignored), to suggest the key a typo meant.
    static func distance(_ typed: String, _ known: String) -> Int {
        let a = Array(typed.lowercased().replacingOccurrences(of: "-", with: "_"))
        let b = Array(known)
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1]
            for (j, right) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// A webhook's URL and its signing secret, read now from the named environment variable or file. Errors name
    /// the variable or file, never the secret.
    private mutating func readWebhook(
        _ entry: TOMLTable,
        index: Int,
        prefix: String,
        environment: [String: String]
    ) -> Webhook? {
        guard let url = string(entry, "url", table: "hook", index: index, prefix: prefix) else { return nil }
        var secret: String?
        let variable = string(entry, "secret_env", table: "hook", index: index, prefix: prefix)
        let file = string(entry, "secret_file", table: "hook", index: index, prefix: prefix).map(resolvePath)
        if variable != nil, file != nil {
            report("secret_file", "hook", index, prefix, "give secret_env or secret_file, not both")
        } else if let variable {
            if let value = environment[variable], !value.isEmpty {
                secret = value
            } else {
                report("secret_env", "hook", index, prefix, "the environment variable \(variable) is not set or empty")
            }
        } else if let file {
            if let text = try? String(contentsOfFile: file, encoding: .utf8) {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty {
                    report("secret_file", "hook", index, prefix, "\(file) is empty")
                } else {
                    secret = trimmed
                }
            } else {
                report(
                    "secret_file",
                    "hook",
                    index,
                    prefix,
                    "cannot read \(file) (missing, or not readable by factwatch)"
                )
            }
        }
        return Webhook(url: url, secret: secret)
    }

    /// Two-letter country codes, e.g. `["RU", "US"]`.
    private mutating func countryCodes(
        _ table: TOMLTable,
        _ key: String,
        index: Int,
        prefix: String
    ) -> Set<CountryCode> {
        var codes: Set<CountryCode> = []
        for text in stringArray(table, key, table: "hook", index: index, prefix: prefix) ?? [] {
            if let code = CountryCode(rawValue: text) {
                codes.insert(code)
            } else {
                report(
                    key,
                    "hook",
                    index,
                    prefix,
                    "\"\(text)\" is not a two-letter ISO 3166-1 country code such as \"RU\""
                )
            }
        }
        return codes
    }

    /// An array of duration strings, e.g. `["24h", "2h"]`.
    private mutating func durations(_ table: TOMLTable, _ key: String) -> [Duration]? {
        guard table[key] != nil else { return nil }
        guard let texts = stringArray(table, key, table: "", index: 0, prefix: "") else { return nil }
        var parsed: [Duration] = []
        for text in texts {
            guard let value = DurationText.parse(text), value > .zero else {
                report(key, nil, 0, "", "\"\(text)\" is not a duration such as \"24h\" or \"90m\"")
                return nil
            }
            parsed.append(value)
        }
        return parsed
    }

    private func tables(_ table: TOMLTable, _ key: String) -> [TOMLTable]? {
        guard let value = table[key] else { return nil }
        if let array = value.array {
            return array.compactMap { $0.table }
        }
        return value.table.map { [$0] }
    }

    private func resolvePath(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let expanded = path.hasPrefix("~/") ? NSString(string: path).expandingTildeInPath : path
        guard !expanded.hasPrefix("/") else { return expanded }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(expanded).standardizedFileURL.path
    }
}
