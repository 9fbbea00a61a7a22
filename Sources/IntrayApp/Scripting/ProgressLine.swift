/// The line an action shows on a terminal while it works: `dismiss 12/40 · 1 failed · about
/// 3 s left`. The time left is what the remaining requests need at the rate limit, the least
/// they can take.
public struct ProgressLine: Sendable, Equatable {
    public var verb: String
    public var total: Int
    public var done = 0
    public var failed = 0
    /// Requests each remaining item still needs (2 for resolve: read, then attach).
    public var requestsPerItem = 1

    public init(verb: String, total: Int, requestsPerItem: Int = 1) {
        self.verb = verb
        self.total = total
        self.requestsPerItem = requestsPerItem
    }

    public func text(limits: [(requests: Int, seconds: Double)]) -> String {
        var parts = ["\(verb) \(done)/\(total)"]
        if failed > 0 { parts.append("\(failed) failed") }
        let remaining = (total - done) * requestsPerItem
        if remaining > 0 {
            let seconds = Self.secondsLeft(requests: remaining, limits: limits)
            parts.append(seconds < 1 ? "under 1 s left" : "about \(Self.format(seconds)) left")
        }
        return parts.joined(separator: " · ")
    }

    /// The time `requests` need when each limit lets `requests` through per `seconds`.
    static func secondsLeft(requests: Int, limits: [(requests: Int, seconds: Double)]) -> Double {
        limits.map { limit in
            // The first window's worth goes at once.
            Double(max(requests - 1, 0) / limit.requests) * limit.seconds
        }.max() ?? 0
    }

    static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\((whole + 59) / 60) min" }
        return "\(whole / 3600) h \((whole % 3600 + 59) / 60) min"
    }
}
