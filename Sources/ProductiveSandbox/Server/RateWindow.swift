/// A sliding-window rate limit for one token: at most `limit.requests` admitted requests in any
/// span of `limit.per`. Refused requests do not count, as a client that waits must get through.
struct RateWindow: Sendable {
    private var admitted: [ContinuousClock.Instant] = []

    /// Records the request and answers nil when it is within the limit; otherwise answers how long
    /// until the oldest admitted request leaves the window.
    mutating func admit(at now: ContinuousClock.Instant, limit: SandboxRateLimit) -> Duration? {
        let windowStart = now - limit.per
        admitted.removeAll { $0 <= windowStart }
        guard admitted.count >= limit.requests, let oldest = admitted.first else {
            admitted.append(now)
            return nil
        }
        return oldest + limit.per - now
    }

    /// `Retry-After` in whole seconds, never 0 so a client does not retry at once.
    static func retryAfterSeconds(_ wait: Duration) -> Int {
        let (seconds, attoseconds) = wait.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
