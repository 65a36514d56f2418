import Alerts
import Core
import Testing

@Suite struct HookConfigurationTests {
    @Test func anEmptyKindSetAcceptsEverything() {
        let hook = HookConfiguration(name: "all", command: ["/bin/true"])
        #expect(hook.accepts(ChangeFixtures.statusChange()))
        #expect(hook.accepts(ChangeFixtures.firstSighting()))
        #expect(hook.timeout == .seconds(30))
    }

    @Test func kindsFilterChanges() {
        let hook = HookConfiguration(name: "status", command: ["/bin/true"], kinds: [.statusChanged, .deadlineSet])
        #expect(hook.accepts(ChangeFixtures.statusChange()))
        #expect(!hook.accepts(ChangeFixtures.firstSighting()))
    }

    @Test func validConfigurationPasses() throws {
        try HookConfiguration(name: "n", command: ["notify-send", "x"], environment: ["TOKEN": "abc"]).validate()
        try HookConfiguration(name: "n", command: ["/usr/local/bin/hook"]).validate()
    }

    @Test(arguments: [
        (HookConfiguration(name: " ", command: ["/bin/true"]), HookConfigurationError.Code.emptyName),
        (HookConfiguration(name: "n", command: []), .emptyCommand),
        (HookConfiguration(name: "n", command: [""]), .emptyCommand),
        (HookConfiguration(name: "n", command: ["bin/hook"]), .relativeCommand),
        (HookConfiguration(name: "n", command: ["/bin/true"], timeout: .zero), .nonPositiveTimeout),
        (HookConfiguration(name: "n", command: ["/bin/true"], environment: ["A=B": "x"]), .invalidEnvironment),
        (HookConfiguration(name: "n", command: ["/bin/true"], environment: ["1X": "x"]), .invalidEnvironment),
        (
            HookConfiguration(name: "n", command: ["/bin/true"], environment: ["FACTWATCH_KIND": "x"]),
            .invalidEnvironment
        ),
    ])
    func invalidConfigurationIsReported(hook: HookConfiguration, code: HookConfigurationError.Code) {
        #expect(throws: HookConfigurationError.self) { try hook.validate() }
        do {
            try hook.validate()
        } catch {
            #expect(error.code == code)
            #expect(error.description.hasPrefix("hook \"\(hook.name)\""))
        }
    }

    @Test func environmentValuesNeverAppearInErrors() {
        let hook = HookConfiguration(name: "n", command: ["/bin/true"], environment: ["TOKEN": "secret\0value"])
        do {
            try hook.validate()
            Issue.record("a NUL in a value must be rejected")
        } catch {
            #expect(error.code == .invalidEnvironment)
            #expect(!error.description.contains("secret"))
        }
    }
}
