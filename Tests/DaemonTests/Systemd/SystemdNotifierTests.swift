import Daemon
import Foundation
import Glibc
import TestSupport
import Testing

@Suite struct SystemdNotifierTests {
    @Test func messagesReachASocketBoundToAPath() async throws {
        try await TemporaryDirectory.with { directory in
            let listener = try DatagramListener(address: directory.file("notify"))
            let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
            #expect(notifier.isEnabled)

            try notifier.ready(status: "42 sources, next poll 14:05")
            #expect(listener.receive() == "READY=1\nSTATUS=42 sources, next poll 14:05")
            try notifier.status("polling\nmultiline")
            #expect(listener.receive() == "STATUS=polling multiline")
            try notifier.watchdog()
            #expect(listener.receive() == "WATCHDOG=1")
            try notifier.stopping()
            #expect(listener.receive() == "STOPPING=1")
        }
    }

    @Test func messagesReachAnAbstractSocket() throws {
        let listener = try DatagramListener(address: "@factwatch-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        try notifier.ready()
        #expect(listener.receive() == "READY=1")
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let listener = try DatagramListener(address: "@factwatch-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        let before = Self.monotonicMicroseconds()
        try notifier.reloading()
        let after = Self.monotonicMicroseconds()
        let lines = try #require(listener.receive()).split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst(15)) })
        #expect(stamp >= before && stamp <= after)
    }

    @Test func withoutNotifySocketEverythingIsANoOp() throws {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        try notifier.ready(status: "ignored")
        try notifier.watchdog()
        try notifier.stopping()
        #expect(notifier.watchdogInterval == nil)
    }

    @Test func sendingToAMissingSocketIsAnErrorNamingIt() throws {
        let path = "/nonexistent-\(UUID().uuidString)/notify"
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        let error = try #require(throws: SystemdNotifierError.self) { try notifier.ready() }
        #expect(error.code == .sendFailed)
        #expect(error.errno == ENOENT)
        #expect(error.description.contains(path))
    }

    @Test(arguments: ["relative/notify", "vsock:2:1234", "/" + String(repeating: "x", count: 200), "@"])
    func unusableAddressesAreRejected(address: String) throws {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": address])
        let error = try #require(throws: SystemdNotifierError.self) { try notifier.watchdog() }
        #expect(error.code == .invalidAddress)
    }

    @Test func watchdogIntervalIsHalfOfWatchdogUSec() {
        let plain = SystemdNotifier(environment: ["WATCHDOG_USEC": "30000000"], processID: 100)
        #expect(plain.watchdogInterval == .seconds(15))
        let ours = SystemdNotifier(environment: ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "100"], processID: 100)
        #expect(ours.watchdogInterval == .milliseconds(1500))
        let defaultPID = SystemdNotifier(environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "\(getpid())"])
        #expect(defaultPID.watchdogInterval == .seconds(1))
    }

    @Test(arguments: [
        ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "101"],
        ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "not-a-pid"],
        ["WATCHDOG_USEC": "0"],
        ["WATCHDOG_USEC": "soon"],
        ["WATCHDOG_PID": "100"],
    ])
    func watchdogIsOffWhenNotMeantForThisProcess(environment: [String: String]) {
        #expect(SystemdNotifier(environment: environment, processID: 100).watchdogInterval == nil)
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}
