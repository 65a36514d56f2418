extension Lexicon {
    /// The signal phrases in front of a time expression that make it a deadline, by what they say of it
    /// (`[deadlines]`): "by Friday", "on or around June 22", "as of October 1", "within 48 hours".
    public struct Deadlines: Hashable, Sendable {
        /// The time is the last moment: "by", "before", "no later than", "ahead of".
        public var by: [String] = []
        /// The event happens on the time: "on", "around", "on or about".
        public var on: [String] = []
        /// The status starts at the time: "as of", "effective", "starting from".
        public var starting: [String] = []
        /// A period counted from the order: "within".
        public var within: [String] = []

        public init() {}
    }
}
