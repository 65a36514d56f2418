import Alerts
import Core
import Foundation
import Glibc
import TestSupport
import Testing

/// A hook run end to end: real scripts, real processes, real pipes.
@Suite struct HookRunnerTests {
    @Test func hookReceivesTheChangeAsJSONOnStdinAndTheVariables() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script(
                """
                cat > "$1/stdin.json"
                env > "$1/env.txt"
                printf '%s\\n' "$0" "$@" > "$1/argv.txt"
                """,
                in: directory
            )
            let change = ChangeFixtures.statusChange()
            let hook = HookConfiguration(
                name: "record",
                command: [script, directory.path, "second argument; not $HOME"],
                environment: ["HOOK_SETTING": "configured value"]
            )
            let outcome = await HookTestSupport.runner().run(hook, change: change)
            #expect(outcome.succeeded, "\(outcome.summary)")
            #expect(outcome.exitStatus == 0)

            let expected = try JSONCoding.encoder().encode(change) + Data("\n".utf8)
            let received = try Data(contentsOf: directory.url.appendingPathComponent("stdin.json"))
            #expect(received == expected)
            let decoded = try JSONCoding.decoder().decode(Change.self, from: received)
            #expect(decoded == change)

            let env = try Self.parseEnvironment(at: directory.file("env.txt"))
            let headline = HookEnvironment.variables(for: change, hook: hook)
            for (key, value) in headline {
                #expect(env[key] == value, "\(key)")
            }
            #expect(env["FACTWATCH_DEADLINE"] == "2017-09-02")
            #expect(env["FACTWATCH_HOOK"] == "record")
            #expect(env["HOOK_SETTING"] == "configured value")
            #expect(env["PATH"] == ProcessInfo.processInfo.environment["PATH"], "the daemon's environment is inherited")

            let argv = try String(contentsOfFile: directory.file("argv.txt"), encoding: .utf8)
            #expect(argv == "\(script)\n\(directory.path)\nsecond argument; not $HOME\n", "argv passes without a shell")
        }
    }

    @Test func nonZeroExitIsAFailureWithStatusAndStderrInTheSummary() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script(
                "echo 'partial output'\necho 'endpoint refused the alert' >&2\nexit 3",
                in: directory
            )
            let outcome = await HookTestSupport.runner().run(
                HookConfiguration(name: "fails", command: [script]),
                change: ChangeFixtures.statusChange()
            )
            #expect(!outcome.succeeded)
            #expect(outcome.exitStatus == 3)
            #expect(outcome.signal == nil)
            #expect(outcome.error == nil)
            #expect(outcome.stdout == "partial output\n")
            #expect(outcome.stderr == "endpoint refused the alert\n")
            #expect(outcome.summary.contains("exit status 3"))
            #expect(outcome.summary.contains("endpoint refused the alert"))
            #expect(!outcome.summary.contains("\n"))
        }
    }

    @Test func missingExecutableIsReportedByPath() async {
        let path = "/nonexistent-\(UUID().uuidString)/hook"
        let outcome = await HookTestSupport.runner().run(
            HookConfiguration(name: "missing", command: [path]),
            change: ChangeFixtures.statusChange()
        )
        #expect(!outcome.succeeded)
        #expect(outcome.exitStatus == nil)
        #expect(outcome.error == "no such executable \(path)")
        #expect(outcome.summary == "no such executable \(path)")
    }

    @Test func missingBareNameIsReportedWithTheSearchPath() async {
        let name = "factwatch-no-such-hook-\(UUID().uuidString)"
        let outcome = await HookTestSupport.runner().run(
            HookConfiguration(name: "missing", command: [name], environment: ["PATH": "/usr/bin:/bin"]),
            change: ChangeFixtures.statusChange()
        )
        #expect(outcome.error == "no executable named \(name) in PATH (/usr/bin:/bin)")
    }

    @Test func nonExecutableFileIsPermissionDenied() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try directory.write("#!/bin/sh\nexit 0\n", to: "not-executable", executable: false)
            let outcome = await HookTestSupport.runner().run(
                HookConfiguration(name: "noexec", command: [path]),
                change: ChangeFixtures.statusChange()
            )
            #expect(!outcome.succeeded)
            #expect(outcome.exitStatus == nil)
            #expect(outcome.error?.contains("permission denied") == true)
            #expect(outcome.error?.contains(path) == true)
        }
    }

    @Test func bareNameIsFoundInTheHooksPath() async throws {
        try await TemporaryDirectory.with { directory in
            try HookTestSupport.script("echo found via PATH", in: directory, named: "factwatch-test-hook")
            let outcome = await HookTestSupport.runner().run(
                HookConfiguration(
                    name: "by-name",
                    command: ["factwatch-test-hook"],
                    environment: ["PATH": "\(directory.path):/usr/bin:/bin"]
                ),
                change: ChangeFixtures.statusChange()
            )
            #expect(outcome.succeeded, "\(outcome.summary)")
            #expect(outcome.stdout == "found via PATH\n")
        }
    }

    @Test func configuredSecretsAreRedactedFromOutputAndSummary() async throws {
        try await TemporaryDirectory.with { directory in
            let token = "tok-\(UUID().uuidString)"
            let script = try HookTestSupport.script(
                "echo \"using $API_TOKEN\"\necho \"401 for token $API_TOKEN\" >&2\nexit 1",
                in: directory
            )
            let outcome = await HookTestSupport.runner().run(
                HookConfiguration(name: "secret", command: [script], environment: ["API_TOKEN": token]),
                change: ChangeFixtures.statusChange()
            )
            #expect(outcome.exitStatus == 1)
            for text in [outcome.stdout, outcome.stderr, outcome.summary, "\(outcome.logMetadata)"] {
                #expect(!text.contains(token))
            }
            #expect(outcome.stderr.contains("401 for token [redacted]"))
        }
    }

    @Test func hooksDoNotInheritTheDaemonsNotifySocket() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script("env > \"$1\"", in: directory)
            let runner = HookRunner(
                logger: HookTestSupport.logger,
                baseEnvironment: [
                    "PATH": "/usr/bin:/bin",
                    "NOTIFY_SOCKET": "/run/systemd/notify",
                    "WATCHDOG_USEC": "30000000",
                    "WATCHDOG_PID": "1",
                    "LANG": "C.UTF-8",
                ]
            )
            let outcome = await runner.run(
                HookConfiguration(name: "env", command: [script, directory.file("env.txt")]),
                change: ChangeFixtures.statusChange()
            )
            #expect(outcome.succeeded, "\(outcome.summary)")
            let env = try Self.parseEnvironment(at: directory.file("env.txt"))
            for withheld in HookRunner.withheldVariables {
                #expect(env[withheld] == nil, "\(withheld)")
            }
            #expect(env["LANG"] == "C.UTF-8")
            #expect(env["PATH"] == "/usr/bin:/bin")
            #expect(env["FACTWATCH_HOOK"] == "env")
        }
    }

    @Test func invalidConfigurationFailsWithoutRunningAnything() async {
        let outcome = await HookTestSupport.runner().run(
            HookConfiguration(name: "bad", command: ["/bin/true"], timeout: .zero),
            change: ChangeFixtures.statusChange()
        )
        #expect(!outcome.succeeded)
        #expect(outcome.error?.contains("timeout") == true)
    }

    static func parseEnvironment(at path: String) throws -> [String: String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            result[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return result
    }
}
