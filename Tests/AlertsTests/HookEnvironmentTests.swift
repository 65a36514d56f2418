import Alerts
import Core
import Testing

@Suite struct HookEnvironmentTests {
    @Test func variablesCarryTheHeadlineOfTheChange() {
        let change = ChangeFixtures.statusChange()
        let hook = HookConfiguration(name: "pager", command: ["/bin/true"])
        let variables = HookEnvironment.variables(for: change, hook: hook)
        #expect(variables["FACTWATCH_CHANGE_ID"] == String(change.id!))
        #expect(variables["FACTWATCH_KIND"] == change.kind.rawValue)
        #expect(variables["FACTWATCH_FACILITY_KEY"] == change.facilityKey.rawValue)
        #expect(variables["FACTWATCH_FACILITY_NAME"] == change.facility.name)
        #expect(variables["FACTWATCH_STATUS"] == change.after?.status.rawValue)
        #expect(variables["FACTWATCH_PREVIOUS_STATUS"] == change.before?.status.rawValue)
        #expect(variables["FACTWATCH_DEADLINE"] == change.after?.deadline?.value?.iso)
        #expect(variables["FACTWATCH_SOURCE"] == change.evidence?.source)
        #expect(variables["FACTWATCH_URL"] == change.evidence?.url)
        #expect(variables["FACTWATCH_HOOK"] == "pager")
        #expect(variables.keys.allSatisfy { $0.hasPrefix(HookEnvironment.reservedPrefix) })
    }

    @Test func missingValuesAreEmptyNotAbsent() {
        let variables = HookEnvironment.variables(
            for: ChangeFixtures.firstSighting(),
            hook: HookConfiguration(name: "h", command: ["/bin/true"])
        )
        #expect(variables.count == 10)
        for key in ["FACTWATCH_CHANGE_ID", "FACTWATCH_PREVIOUS_STATUS", "FACTWATCH_DEADLINE", "FACTWATCH_URL"] {
            #expect(variables[key] == "", "\(key)")
        }
    }

    @Test func nulBytesFromScrapedTextAreRemoved() {
        var change = ChangeFixtures.statusChange()
        change.facility.name = "Bad\0Name"
        let variables = HookEnvironment.variables(for: change, hook: HookConfiguration(name: "h", command: ["x"]))
        #expect(variables["FACTWATCH_FACILITY_NAME"] == "BadName")
    }
}
