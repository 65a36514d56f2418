public import Core
import Foundation

/// The `FACTWATCH_*` variables a hook receives next to the JSON on stdin.
///
/// They carry the headline of a change so that a one-line shell hook (`notify-send "$FACTWATCH_FACILITY_NAME"`)
/// needs no JSON parser. Absent values are empty strings rather than missing variables, so `set -u` scripts work.
public enum HookEnvironment {
    /// Variables with this prefix belong to factwatch; a hook's own configuration may not set them.
    public static let reservedPrefix = "FACTWATCH_"

    /// The variables for running `hook` on `change`.
    ///
    /// NUL bytes, which cannot be passed through `execve`, are removed from values taken from scraped text.
    public static func variables(for change: Change, hook: HookConfiguration) -> [String: String] {
        let values: [String: String] = [
            "FACTWATCH_CHANGE_ID": change.id.map { String($0) } ?? "",
            "FACTWATCH_KIND": change.kind.rawValue,
            "FACTWATCH_FACILITY_KEY": change.facilityKey.rawValue,
            "FACTWATCH_FACILITY_NAME": change.facility.name,
            "FACTWATCH_STATUS": change.after?.status.rawValue ?? "",
            "FACTWATCH_PREVIOUS_STATUS": change.before?.status.rawValue ?? "",
            "FACTWATCH_DEADLINE": change.after?.deadline?.value?.iso ?? "",
            "FACTWATCH_SOURCE": change.evidence?.source ?? "",
            "FACTWATCH_URL": change.evidence?.url ?? "",
            "FACTWATCH_HOOK": hook.name,
        ]
        return values.mapValues { $0.contains("\0") ? $0.replacingOccurrences(of: "\0", with: "") : $0 }
    }
}
