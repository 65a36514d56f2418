public import Core
public import Foundation

/// The life of one (change, hook) delivery in the outbox.
public enum DeliveryState: String, Hashable, Codable, Sendable, CaseIterable {
    /// Not delivered yet; due at `nextAttemptAt`.
    case pending
    case delivered
    /// Gave up after the retry policy's last attempt; `factwatch deliveries retry` puts it back.
    case dead
}

/// A delivery that is due, with the change it carries.
public struct PendingDelivery: Sendable {
    public var id: Int64
    public var hook: String
    public var attempts: Int
    public var change: Change

    public init(id: Int64, hook: String, attempts: Int, change: Change) {
        self.id = id
        self.hook = hook
        self.attempts = attempts
        self.change = change
    }
}

/// One row of the outbox, for `factwatch deliveries`.
public struct DeliveryRecord: Hashable, Codable, Sendable {
    public var id: Int64
    public var changeID: Int64
    public var hook: String
    public var state: DeliveryState
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    public var updatedAt: Date
    public var changeKind: ChangeKind
    public var facilityKey: FacilityKey

    public init(
        id: Int64,
        changeID: Int64,
        hook: String,
        state: DeliveryState,
        attempts: Int,
        nextAttemptAt: Date?,
        lastError: String?,
        updatedAt: Date,
        changeKind: ChangeKind,
        facilityKey: FacilityKey
    ) {
        self.id = id
        self.changeID = changeID
        self.hook = hook
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.updatedAt = updatedAt
        self.changeKind = changeKind
        self.facilityKey = facilityKey
    }

    enum CodingKeys: String, CodingKey {
        case id
        case changeID = "change_id"
        case hook
        case state
        case attempts
        case nextAttemptAt = "next_attempt_at"
        case lastError = "last_error"
        case updatedAt = "updated_at"
        case changeKind = "change_kind"
        case facilityKey = "facility_key"
    }
}

/// What an attempt at a delivery came to.
public enum DeliveryUpdate: Sendable {
    case delivered(at: Date)
    /// Failed; try again at the given time.
    case retry(at: Date, error: String, attemptedAt: Date)
    /// Failed for the last time.
    case dead(error: String, attemptedAt: Date)
}
