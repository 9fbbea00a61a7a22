/// At most `requests` requests in any sliding window of `window`.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    public var requests: Int
    public var window: Duration

    public init(requests: Int, per window: Duration) {
        precondition(requests > 0, "a rate limit allows at least one request")
        precondition(window > .zero, "a rate limit window is longer than zero")
        self.requests = requests
        self.window = window
    }

    /// Productive's limits per token: 100 requests per 10 seconds and 4,000 per 30 minutes.
    public static let productive: [RateLimit] = [
        RateLimit(requests: 100, per: .seconds(10)),
        RateLimit(requests: 4_000, per: .seconds(30 * 60)),
    ]

    public var description: String { "\(requests) per \(window)" }
}
