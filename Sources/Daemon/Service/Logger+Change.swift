import Core
import Logging

extension Logger {
    /// Logs one stored change at notice level, the same fields whichever service produced it,
    /// so a journal reader can filter on `kind` or `facility` for polls and timers alike.
    func logChange(_ change: Change, url: String? = nil) {
        var metadata: Logger.Metadata = [
            "change.id": "\(change.id ?? 0)", "kind": "\(change.kind.rawValue)",
            "facility": "\(change.facilityKey)", "status": "\(change.after?.status.rawValue ?? "-")",
            "deadline": "\(change.after?.deadline?.value?.iso ?? "-")",
        ]
        if let url { metadata["url"] = "\(url)" }
        notice("Change", metadata: metadata)
    }
}
