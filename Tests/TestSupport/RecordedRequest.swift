/// One request as the ``LoopbackHTTPServer`` received it, kept so tests can assert on what a client really sent.
public struct RecordedRequest: Sendable, CustomStringConvertible {
    public var method: String
    /// The request target as sent, e.g. `/feed.xml?page=2`.
    public var target: String
    /// Headers in the order received, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body, de-chunked when it was sent chunked.
    public var body: [UInt8]

    public init(method: String, target: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The target without its query string.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The query string after `?`, if any.
    public var query: String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        return String(target[target.index(after: mark)...])
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    public var description: String { "\(method) \(target)" }
}
