/// One time expression in a text, normalised the TimeML way (a TIMEX3 tag): its span, its type and its value.
///
/// Values follow TimeML: `2008-09-19`, `2008-09`, `2008`, `2008-W35`, `2009-Q1`, `2009-SP`, `2010-07-16TMO`,
/// `2008-09-17T16:08Z`, `P33Y`, `PT48H`, `PXY`, `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`. An unknown part is written
/// with `X` ("XXXX-04-03" when there is no reference date to infer the year from).
public struct Timex: Hashable, Sendable, Codable {
    /// The four TIMEX3 types.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A calendar date or period: "Friday", "April 3", "last week", "2009-Q1", "now".
        case date = "DATE"
        /// A time of day: "16:08 UTC", "Friday morning".
        case time = "TIME"
        /// A length of time: "33 years", "within 48 hours", "a 12-hour".
        case duration = "DURATION"
        /// A recurrence: "weekly", "twice a year".
        case set = "SET"
    }

    /// Unicode scalar offsets into the text, end exclusive.
    public var start: Int
    public var end: Int
    public var text: String
    public var type: Kind
    public var value: String

    public init(start: Int, end: Int, text: String, type: Kind, value: String) {
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.value = value
    }
}
