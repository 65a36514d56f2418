import Alerts
import Core
import Daemon
import Foundation
import TestSupport
import Testing

@Suite struct ConfigurationTests {
    static func parse(_ text: String, environment: [String: String] = [:]) throws(ConfigurationError) -> Configuration {
        try Configuration.parse(text: text, path: "/etc/factwatch/factwatch.toml", environment: environment)
    }

    static func issues(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.issues.map { "\($0.line.map(String.init) ?? "-") \($0)" }
        }
    }

    @Test func aCompleteFileParsesWithDefaultsAndRelativePathsResolved() throws {
        let configuration = try Self.parse(
            """
            database = "state/factwatch.sqlite"
            interval = "10m"
            timeout = "20s"

            [[source]]
            name = "ledger"
            url = "https://example.org/story"

            [[source]]
            name = "drop"
            url = "inbox/latest.html"
            kind = "page"
            interval = "5s"

            [[source]]
            name = "wire"
            url = "file:///var/lib/factwatch/wire.xml"
            kind = "feed"
            interval = "1h30m"

            [[hook]]
            name = "notify"
            command = ["hooks/notify.sh", "--urgent"]
            kinds = ["status_changed", "deadline_set"]
            timeout = "5s"
            environment = { TOKEN = "secret" }
            """
        )
        #expect(configuration.database == "/etc/factwatch/state/factwatch.sqlite")
        #expect(configuration.interval == .seconds(600))
        #expect(configuration.fetch.timeout == .seconds(20))
        #expect(configuration.sources.map(\.name) == ["ledger", "drop", "wire"])
        #expect(
            configuration.sources.map(\.url) == [
                "https://example.org/story", "/etc/factwatch/inbox/latest.html", "/var/lib/factwatch/wire.xml",
            ]
        )
        #expect(configuration.sources.map(\.kind) == [.page, .page, .feed])
        #expect(configuration.sources.map(\.interval) == [.seconds(600), .seconds(5), .seconds(5400)])
        let hook = try #require(configuration.hooks.first)
        #expect(hook.command == ["/etc/factwatch/hooks/notify.sh", "--urgent"])
        #expect(hook.kinds == [.statusChanged, .deadlineSet])
        #expect(hook.timeout == .seconds(5))
        #expect(hook.environment == ["TOKEN": "secret"])
    }

    @Test func theDatabaseDefaultsToTheStateDirectoryThenVarLibThenTheWorkingDirectory() throws {
        let underSystemd = try Self.parse("", environment: ["STATE_DIRECTORY": "/var/lib/private/factwatch"])
        #expect(underSystemd.database == "/var/lib/private/factwatch/factwatch.sqlite")
        #expect(
            Configuration.defaultDatabase(environment: [:], isWritableDirectory: { $0 == "/var/lib/factwatch" })
                == "/var/lib/factwatch/factwatch.sqlite"
        )
        #expect(
            Configuration.defaultDatabase(environment: [:], isWritableDirectory: { _ in false }) == "factwatch.sqlite"
        )
    }

    @Test func logLevelAndShutdownGraceAreReadAndChecked() throws {
        let configuration = try Self.parse("log_level = \"info\"\nshutdown_grace = \"10s\"")
        #expect(configuration.logLevel == "info")
        #expect(configuration.shutdownGrace == .seconds(10))
        #expect(try Self.parse("").shutdownGrace == .seconds(30))
        let issues = Self.issues("log_level = \"loud\"")
        #expect(issues.first?.contains("\"loud\" is not a log level") == true)
    }

    @Test func hookFiltersDeadlineLeadsDeliveryLimitsAndTheLogFileAreRead() throws {
        let configuration = try Self.parse(
            """
            deadline_leads = ["48h", "1h"]
            delivery_concurrency = 2
            delivery_attempts = 5
            [log]
            file = "changes.jsonl"
            [[hook]]
            name = "consulates"
            command = ["/bin/true"]
            facility_kinds = ["consulate", "annex"]
            operators = ["ru"]
            countries = ["US"]
            minimum_confidence = 0.7
            working_directory = "/srv/alerts"
            """
        )
        #expect(configuration.deadlineLeads == [.seconds(48 * 3600), .seconds(3600)])
        #expect(configuration.deliveryConcurrency == 2)
        #expect(configuration.deliveryAttempts == 5)
        #expect(configuration.changeLogFile == "/etc/factwatch/changes.jsonl")
        let hook = try #require(configuration.hooks.first)
        #expect(hook.facilityKinds == [.consulate, .annex])
        #expect(hook.operators == [CountryCode(rawValue: "RU")!])
        #expect(hook.countries == [CountryCode(rawValue: "US")!])
        #expect(hook.minimumConfidence == 0.7)
        #expect(hook.workingDirectory == "/srv/alerts")

        let issues = Self.issues(
            """
            deadline_leads = ["soon"]
            [log]
            path = "x"
            [[hook]]
            name = "h"
            command = ["/bin/true"]
            operators = ["Russia"]
            minimum_confidence = 3
            """
        )
        #expect(issues.contains { $0.contains("deadline_leads: \"soon\" is not a duration") })
        #expect(issues.contains { $0.contains("log.path: unknown key") })
        #expect(issues.contains { $0.contains("hook[1].operators: \"Russia\" is not a two-letter") })
        #expect(issues.contains { $0.contains("hook[1].minimum_confidence: must be a number from 0 to 1") })
    }

    @Test func webhooksTakeAURLAndASecretFromTheEnvironmentOrAFile() throws {
        try TemporaryDirectory.withSync { directory in
            let secretFile = try directory.write("file-secret\n", to: "webhook.secret")
            let configuration = try Configuration.parse(
                text: """
                    [[hook]]
                    name = "chat"
                    url = "https://hooks.example.org/factwatch"
                    secret_env = "CHAT_SECRET"
                    [[hook]]
                    name = "archive"
                    url = "https://archive.example.org/in"
                    secret_file = "webhook.secret"
                    """,
                path: directory.file("factwatch.toml"),
                environment: ["CHAT_SECRET": "env-secret"]
            )
            #expect(
                configuration.hooks.map(\.webhook?.url) == [
                    "https://hooks.example.org/factwatch", "https://archive.example.org/in",
                ]
            )
            #expect(configuration.hooks.map(\.webhook?.secret) == ["env-secret", "file-secret"])
            #expect(configuration.hooks.allSatisfy { $0.command.isEmpty })
            _ = secretFile
        }
        let issues = Self.issues(
            """
            [[hook]]
            name = "both"
            command = ["/bin/true"]
            url = "https://example.org/x"
            [[hook]]
            name = "unset"
            url = "https://example.org/y"
            secret_env = "NOT_SET_ANYWHERE"
            [[hook]]
            name = "ftp"
            url = "ftp://example.org/z"
            """
        )
        #expect(issues.contains { $0.contains("hook[1].url: give either command (a program) or url (a webhook)") })
        #expect(
            issues.contains { $0.contains("hook[2].secret_env: the environment variable NOT_SET_ANYWHERE is not set") }
        )
        #expect(issues.contains { $0.contains("url must be an http or https URL") })
        #expect(!issues.joined().contains("env-secret"))
    }

    @Test func withoutConfigTheServiceDirectoryComesBeforeEtc() {
        #expect(
            ConfigurationLocator.candidates(environment: ["CONFIGURATION_DIRECTORY": "/srv/factwatch/etc"]) == [
                "/srv/factwatch/etc/factwatch.toml", "/etc/factwatch/factwatch.toml",
            ]
        )
        #expect(ConfigurationLocator.candidates(environment: [:]) == ["/etc/factwatch/factwatch.toml"])
        #expect(
            ConfigurationLocator.candidates(environment: ["CONFIGURATION_DIRECTORY": "/etc/factwatch"]) == [
                "/etc/factwatch/factwatch.toml"
            ]
        )
        #expect(ConfigurationLocator.find(explicit: "/x/y.toml", environment: [:]) == "/x/y.toml")
    }

    @Test func everyProblemIsReportedWithItsLineAndWhatIsAllowed() {
        let issues = Self.issues(
            """
            interval = "15x"
            colour = "blue"

            [[source]]
            name = "a"
            url = "ftp://example.org/x"
            kind = "blog"

            [[source]]
            name = "a"
            url = "https://example.org/y"
            interval = "5s"

            [[hook]]
            name = "h"
            command = "notify.sh"
            kinds = ["status_change"]
            """
        )
        #expect(issues.count == 8)
        #expect(issues.contains { $0.hasPrefix("1 interval: \"15x\" is not a duration") })
        #expect(issues.contains { $0.hasPrefix("2 colour: unknown key") && $0.contains("allowed here: database") })
        #expect(Self.issues("intervl = \"15m\"").first?.contains("did you mean \"interval\"?") == true)
        #expect(
            Self.issues("[[source]]\nname = \"a\"\nurl = \"/x\"\nInterval = \"1m\"").first?.contains(
                "did you mean \"interval\"?"
            ) == true
        )
        #expect(issues.contains { $0.hasPrefix("6 source[1].url: the scheme \"ftp\" is not supported") })
        #expect(issues.contains { $0.hasPrefix("7 source[1].kind: \"blog\" is not a source kind") })
        #expect(issues.contains { $0.hasPrefix("10 source[2].name: duplicate name \"a\"; source[1] has it too") })
        #expect(issues.contains { $0.hasPrefix("12 source[2].interval: \"5s\" is too short; the minimum is 30s") })
        #expect(issues.contains { $0.hasPrefix("16 hook[1].command: must be an array of strings") })
        #expect(issues.contains { $0.hasPrefix("17 hook[1].kinds: \"status_change\" is not a change kind") })
    }

    @Test func missingRequiredKeysAndBadURLsAreNamed() {
        let issues = Self.issues(
            """
            [[source]]
            url = "https://"

            [[hook]]
            name = "x"
            """
        )
        #expect(issues.contains { $0.hasPrefix("1 source[1].name: is required") })
        #expect(issues.contains { $0.contains("source[1].url: \"https://\" is not a valid URL") })
        #expect(issues.contains { $0.hasPrefix("4 hook[1].command: a hook needs a command") })
    }

    @Test func aSyntaxErrorKeepsTOMLsLineNumber() {
        let issues = Self.issues("interval = \"15m\"\n\n[[source]\nname = \"x\"\n")
        #expect(issues.count == 1)
        #expect(issues.first?.hasPrefix("3 TOML syntax") == true)
    }

    @Test func aMissingFileSaysWhatToDo() {
        #expect(throws: ConfigurationError.self) {
            try Configuration.load(path: "/nonexistent/factwatch.toml", environment: [:])
        }
        do {
            _ = try Configuration.load(path: "/nonexistent/factwatch.toml", environment: [:])
        } catch {
            #expect(error.description.contains("no such file; pass --config FILE"))
        }
    }

    @Test func theBundledExampleConfigurationsAreValid() throws {
        for name in ["factwatch.toml", "demo.toml"] {
            let path = RepositoryPaths.config.appendingPathComponent(name).path
            let configuration = try Configuration.load(path: path, environment: [:])
            #expect(!configuration.sources.isEmpty, "\(name)")
            _ = try configuration.loadLexicon()
        }
    }

    @Test(arguments: [
        ("1m30s", Duration.seconds(90)), ("15m", .seconds(900)), ("2h", .seconds(7200)), ("1d", .seconds(86_400)),
        ("1h30m", .seconds(5400)), ("250ms", .milliseconds(250)),
    ])
    func durationsParseAndPrintBack(text: String, duration: Duration) {
        #expect(DurationText.parse(text) == duration)
        #expect(DurationText.format(duration) == text)
    }

    @Test func secondsAreAcceptedAsWritten() {
        #expect(DurationText.parse("90s") == .seconds(90))
        #expect(DurationText.parse(" 2m ") == .seconds(120))
    }

    @Test(arguments: ["", "15", "m", "15 minutes", "1.5h", "-5m", "15x"])
    func malformedDurationsAreRejected(text: String) {
        #expect(DurationText.parse(text) == nil)
    }
}
