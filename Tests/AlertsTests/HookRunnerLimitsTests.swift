import Alerts
import Core
import Foundation
import Glibc
import TestSupport
import Testing

@testable import Alerts

/// Hooks that misbehave: hang, ignore SIGTERM, leave children behind, flood their output, ignore their input.
///
/// Timeouts here are a couple of seconds and the assertions allow many times that, because the machine is shared.
@Suite struct HookRunnerLimitsTests {
    @Test func aHangingHookIsKilledWithItsGrandchildAtTheTimeout() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script("sleep 61 &\necho $! > \"$1\"\nwait", in: directory)
            let pidFile = directory.file("grandchild.pid")
            let outcome = await HookTestSupport.runner(grace: .seconds(3)).run(
                HookConfiguration(name: "hangs", command: [script, pidFile], timeout: .seconds(2)),
                change: ChangeFixtures.statusChange()
            )
            #expect(outcome.timedOut)
            #expect(!outcome.succeeded)
            #expect(outcome.signal == SIGTERM, "SIGTERM to the group ends the shell: \(outcome.summary)")
            #expect(outcome.duration >= .seconds(2) && outcome.duration < .seconds(30))
            #expect(outcome.summary.contains("timed out"))
            let grandchild = try await HookTestSupport.pid(at: pidFile)
            #expect(await HookTestSupport.waitUntilGone(grandchild, running: ["sleep", "61"]))
        }
    }

    @Test func aHookIgnoringSIGTERMIsKilledAfterTheGracePeriod() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script(
                "trap '' TERM\nsleep 62 &\necho $! > \"$1\"\nwait\nwait",
                in: directory
            )
            let pidFile = directory.file("grandchild.pid")
            let outcome = await HookTestSupport.runner(grace: .seconds(1)).run(
                HookConfiguration(name: "stubborn", command: [script, pidFile], timeout: .seconds(2)),
                change: ChangeFixtures.statusChange()
            )
            #expect(outcome.timedOut)
            #expect(outcome.signal == SIGKILL, "\(outcome.summary)")
            #expect(outcome.duration >= .seconds(3) && outcome.duration < .seconds(40))
            let grandchild = try await HookTestSupport.pid(at: pidFile)
            #expect(await HookTestSupport.waitUntilGone(grandchild, running: ["sleep", "62"]))
        }
    }

    @Test func childrenThatSurviveTheMainProcessAreKilledToo() async throws {
        try await TemporaryDirectory.with { directory in
            // The shell dies of SIGTERM at once; its child ignores SIGTERM and must still not outlive the hook.
            let script = try HookTestSupport.script(
                "sh -c 'trap \"\" TERM; echo $$ > \"$1\"; exec sleep 63' child \"$1\" &\nwait",
                in: directory
            )
            let pidFile = directory.file("grandchild.pid")
            let outcome = await HookTestSupport.runner(grace: .seconds(20)).run(
                HookConfiguration(name: "leaves-child", command: [script, pidFile], timeout: .seconds(2)),
                change: ChangeFixtures.statusChange()
            )
            #expect(outcome.timedOut)
            #expect(outcome.signal == SIGTERM)
            #expect(outcome.duration < .seconds(15), "no need to wait out the grace period once the hook is dead")
            let grandchild = try await HookTestSupport.pid(at: pidFile)
            #expect(await HookTestSupport.waitUntilGone(grandchild, running: ["sleep", "63"]))
        }
    }

    @Test func aHookThatClosesItsOutputsIsStillWaitedForAndTimedOut() async throws {
        try await TemporaryDirectory.with { directory in
            let quiet = try HookTestSupport.script("exec >&- 2>&-\nsleep 0.5\nexit 5", in: directory, named: "quiet")
            let finished = await HookTestSupport.runner().run(
                HookConfiguration(name: "quiet", command: [quiet], timeout: .seconds(20)),
                change: ChangeFixtures.statusChange()
            )
            #expect(finished.exitStatus == 5, "the real exit status, after the streams closed: \(finished.summary)")
            #expect(finished.duration >= .milliseconds(500))

            let silent = try HookTestSupport.script(
                "exec >&- 2>&-\necho $$ > \"$1\"\nexec sleep 66",
                in: directory,
                named: "silent"
            )
            let pidFile = directory.file("silent.pid")
            let hung = await HookTestSupport.runner(grace: .seconds(2)).run(
                HookConfiguration(name: "silent", command: [silent, pidFile], timeout: .seconds(2)),
                change: ChangeFixtures.statusChange()
            )
            #expect(hung.timedOut)
            #expect(hung.signal == SIGTERM)
            #expect(hung.duration < .seconds(30))
            let pid = try await HookTestSupport.pid(at: pidFile)
            #expect(await HookTestSupport.waitUntilGone(pid, running: ["sleep", "66"]))
        }
    }

    @Test func hugeOutputIsTruncatedNotFatal() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script(
                "head -c 1000000 /dev/zero | tr '\\0' 'x'\necho\necho 'the last line'\necho 'noise on stderr' >&2",
                in: directory
            )
            let limit = 64 * 1024
            let outcome = await HookTestSupport.runner(outputLimit: limit).run(
                HookConfiguration(name: "loud", command: [script]),
                change: ChangeFixtures.statusChange()
            )
            #expect(outcome.succeeded, "\(outcome.summary)")
            let total = 1_000_000 + "\nthe last line\n".utf8.count
            #expect(outcome.stdoutBytes == total)
            #expect(outcome.stdout.hasPrefix(OutputTail.truncationMarker(omittedBytes: total - limit)))
            #expect(outcome.stdout.hasSuffix("xxxx\nthe last line\n"))
            #expect(
                outcome.stdout.utf8.count == OutputTail.truncationMarker(omittedBytes: total - limit).utf8.count + limit
            )
            #expect(outcome.stderr == "noise on stderr\n")
        }
    }

    @Test func aHookThatExitsWithoutReadingStdinDoesNotHangOrCrash() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script("exit 0", in: directory)
            // Larger than a pipe buffer, so the write cannot complete before the hook is gone.
            let change = ChangeFixtures.statusChange(sentence: String(repeating: "embassy ", count: 200_000))
            let outcome = await HookTestSupport.runner().run(
                HookConfiguration(name: "ignores-stdin", command: [script], timeout: .seconds(20)),
                change: change
            )
            #expect(outcome.succeeded, "\(outcome.summary)")
            #expect(outcome.duration < .seconds(15))
        }
    }

    @Test func aHookThatClosesStdinGetsEPIPEHandledNotSIGPIPE() async throws {
        try await TemporaryDirectory.with { directory in
            // Closes stdin while the runner is still writing, then keeps running: the write fails with EPIPE.
            let script = try HookTestSupport.script("exec 0<&-\nsleep 0.3\necho done\nexit 4", in: directory)
            let change = ChangeFixtures.statusChange(sentence: String(repeating: "consulate ", count: 200_000))
            let outcome = await HookTestSupport.runner().run(
                HookConfiguration(name: "closes-stdin", command: [script], timeout: .seconds(20)),
                change: change
            )
            #expect(outcome.exitStatus == 4, "the exit status decides, not the failed write: \(outcome.summary)")
            #expect(outcome.stdout == "done\n")
            #expect(BrokenPipeSignal.isIgnored)
        }
    }

    @Test func hooksStillSeeTheDefaultSIGPIPEDisposition() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script("cat /proc/self/status > \"$1\"", in: directory)
            let runner = HookTestSupport.runner()
            #expect(BrokenPipeSignal.isIgnored, "creating a runner protects this process")
            let outcome = await runner.run(
                HookConfiguration(name: "status", command: [script, directory.file("status")]),
                change: ChangeFixtures.statusChange()
            )
            #expect(outcome.succeeded, "\(outcome.summary)")
            let status = try String(contentsOfFile: directory.file("status"), encoding: .utf8)
            let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("SigIgn:") })
            let mask = try #require(
                UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16)
            )
            #expect(mask & (1 << UInt64(SIGPIPE - 1)) == 0, "hooks must not inherit the daemon's ignored SIGPIPE")
        }
    }

    @Test func aBackgroundChildHoldingStdoutDoesNotDelayTheOutcome() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script("sleep 64 &\necho $! > \"$1\"\necho delivered", in: directory)
            let pidFile = directory.file("background.pid")
            let outcome = await HookTestSupport.runner().run(
                HookConfiguration(name: "background", command: [script, pidFile], timeout: .seconds(30)),
                change: ChangeFixtures.statusChange()
            )
            let background = try await HookTestSupport.pid(at: pidFile)
            defer { kill(background, SIGKILL) }
            #expect(outcome.succeeded, "\(outcome.summary)")
            #expect(outcome.stdout == "delivered\n")
            #expect(outcome.duration < .seconds(20), "must not wait for the background child's copy of stdout")
        }
    }

    @Test func cancellingTheCallerTerminatesTheHook() async throws {
        try await TemporaryDirectory.with { directory in
            let script = try HookTestSupport.script("sleep 65 &\necho $! > \"$1\"\nwait", in: directory)
            let pidFile = directory.file("grandchild.pid")
            let runner = HookTestSupport.runner(grace: .seconds(2))
            let task = Task {
                await runner.run(
                    HookConfiguration(name: "cancelled", command: [script, pidFile], timeout: .seconds(120)),
                    change: ChangeFixtures.statusChange()
                )
            }
            let grandchild = try await HookTestSupport.pid(at: pidFile)
            task.cancel()
            let outcome = await task.value
            #expect(outcome.cancelled)
            #expect(!outcome.succeeded)
            #expect(!outcome.timedOut)
            #expect(outcome.duration < .seconds(60))
            #expect(await HookTestSupport.waitUntilGone(grandchild, running: ["sleep", "65"]))
        }
    }
}
