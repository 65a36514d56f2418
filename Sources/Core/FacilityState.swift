/// What is known about a facility at one moment: its status and the details that come with it.
///
/// This is the `before` and `after` of a change, and the current state kept per facility.
public struct FacilityState: Hashable, Sendable {
    public var status: Status
    public var deadline: Deadline?
    /// For `staff_cut`: how many staff must go, when stated.
    public var staff: Int?
    /// For `staff_cut`: the ceiling the mission must cut to, when the text states one instead.
    public var staffLimit: Int?
    /// For `relocated`: the city the facility moves to.
    public var relocatedTo: String?

    public init(
        status: Status,
        deadline: Deadline? = nil,
        staff: Int? = nil,
        staffLimit: Int? = nil,
        relocatedTo: String? = nil
    ) {
        self.status = status
        self.deadline = deadline
        self.staff = staff
        self.staffLimit = staffLimit
        self.relocatedTo = relocatedTo
    }
}

extension FacilityState: Codable {
    enum CodingKeys: String, CodingKey {
        case status
        case deadline
        case deadlineText = "deadline_text"
        case deadlineAnchor = "deadline_anchor"
        case staff
        case staffLimit = "staff_limit"
        case relocatedTo = "relocated_to"
    }

    /// Flat fields, so that a hook script reads `.after.deadline` directly; `deadline` is `null` when the phrase
    /// could not be resolved, and `deadline_text` still carries it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(deadline?.value, forKey: .deadline)
        try container.encode(deadline?.phrase, forKey: .deadlineText)
        try container.encode(deadline?.anchor, forKey: .deadlineAnchor)
        try container.encodeIfPresent(staff, forKey: .staff)
        try container.encodeIfPresent(staffLimit, forKey: .staffLimit)
        try container.encodeIfPresent(relocatedTo, forKey: .relocatedTo)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(Status.self, forKey: .status)
        let value = try container.decodeIfPresent(LocalDateTime.self, forKey: .deadline)
        if let phrase = try container.decodeIfPresent(String.self, forKey: .deadlineText) {
            let anchor =
                try container.decodeIfPresent(Deadline.Anchor.self, forKey: .deadlineAnchor)
                ?? (value == nil ? .unresolved : .absolute)
            deadline = Deadline(value: value, phrase: phrase, anchor: anchor)
        } else if let value {
            deadline = Deadline(value: value, phrase: value.iso, anchor: .absolute)
        } else {
            deadline = nil
        }
        staff = try container.decodeIfPresent(Int.self, forKey: .staff)
        staffLimit = try container.decodeIfPresent(Int.self, forKey: .staffLimit)
        relocatedTo = try container.decodeIfPresent(String.self, forKey: .relocatedTo)
    }
}
