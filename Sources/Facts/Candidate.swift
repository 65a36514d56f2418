import Core

/// A fact as first read from one sentence, before the article's mentions are resolved into one claim per facility.
struct Candidate: Sendable {
    let facility: Facility
    var status: Status
    var modality: Fact.Modality
    var sentence: Int
    var cue: Int
    /// The deadline expression the cue's clause gives, if any.
    var expression: TemporalExpression?
    var superseded = false
    var staff: Int?
    var staffLimit: Int?
    var relocatedTo: String?
    var confidence: Double
    /// The city came from the gazetteer (not an unknown capitalised name).
    var knownCity: Bool
    /// Read through a plural reference ("these closures", "the three buildings").
    var viaAnaphor = false
    /// Where the mention stands: the body, the headline, page furniture, or background to the news.
    var place: Support.Place = .body
    /// `expression` resolved against the article's reference date, once (the resolver reads it several times).
    var deadline: Deadline?
    /// The clause names the earlier step this one requires ("resumed services after a two-month suspension").
    var priorStated = false
    /// A bare noun ("the closure of X") that no order, modal or date governs: it names an event without telling
    /// whether it was ordered, done or only talked about, so a clause about the same facility outweighs it.
    var looseNoun = false

    /// The facility's key, computed once (slugging a city name is not free).
    let facilityKey: String
    /// Merge identity: kind, operator, city and status; the host can differ when it was only inferred.
    let mergeKey: String
    /// The facility alone: operator, kind and city (one claim per facility is resolved from these).
    let facilityMergeKey: String

    init(
        facility: Facility,
        status: Status,
        modality: Fact.Modality,
        sentence: Int,
        cue: Int,
        expression: TemporalExpression?,
        superseded: Bool = false,
        staff: Int? = nil,
        staffLimit: Int? = nil,
        relocatedTo: String? = nil,
        confidence: Double,
        knownCity: Bool,
        facilityKey: String? = nil
    ) {
        self.facility = facility
        self.status = status
        self.modality = modality
        self.sentence = sentence
        self.cue = cue
        self.expression = expression
        self.superseded = superseded
        self.staff = staff
        self.staffLimit = staffLimit
        self.relocatedTo = relocatedTo
        self.confidence = confidence
        self.knownCity = knownCity
        let key = facilityKey ?? FacilityKeyText.make(facility)
        self.facilityKey = key
        facilityMergeKey = Self.facilityMergeKey(key: key)
        mergeKey = facilityMergeKey + ":" + status.rawValue
    }

    static func mergeKey(_ facility: Facility, _ status: Status) -> String {
        mergeKey(key: FacilityKeyText.make(facility), status)
    }

    /// operator:kind:host:city → operator:kind:city:status (the host is left out: it may only be inferred).
    private static func mergeKey(key: String, _ status: Status) -> String {
        facilityMergeKey(key: key) + ":" + status.rawValue
    }

    /// operator:kind:host:city → operator:kind:city, cutting the host out of the key's bytes.
    private static func facilityMergeKey(key: String) -> String {
        let bytes = Array(key.utf8)
        var colons: [Int] = []
        for (index, byte) in bytes.enumerated() where byte == 0x3A {
            colons.append(index)
            if colons.count == 3 { break }
        }
        guard colons.count == 3 else { return key }
        return String(decoding: bytes[..<colons[1]] + bytes[colons[2]...], as: UTF8.self)
    }

    var family: String { Self.family(of: status) }

    /// Statuses that one plural reference can pick up together: an order and the closure it ordered.
    static func family(of status: Status) -> String {
        status == .orderedClosed || status == .closed ? "close" : status.rawValue
    }

    /// Statuses whose deadline is one date: the day a closure (ordered, done or temporary) takes effect, or the
    /// day a mission opens again.
    static func deadlineFamily(of status: Status) -> String {
        switch status {
        case .orderedClosed, .closed, .suspended: "close"
        case .reopened, .restored, .opened: "open"
        default: status.rawValue
        }
    }
}
