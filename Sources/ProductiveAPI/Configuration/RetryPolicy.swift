/// When a failed request is tried again and how long the client waits first.
///
/// - GET retries server errors (5xx), timeouts and lost connections.
/// - Every method retries 429 and 503 (the server asked for a retry), honouring `Retry-After`.
/// - PATCH and DELETE otherwise retry only when the request cannot have reached the server
///   (the connection was never established), because repeating them is not harmless.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included, for failures other than rate limiting.
    public var maxAttempts: Int
    /// Attempts in all when the server keeps answering 429 or 503.
    public var maxRateLimitedAttempts: Int
    /// The first backoff; each later one doubles, up to `maxDelay`, with jitter.
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The most a single request waits between its attempts in all.
    public var maxTotalWait: Duration
    /// A `Retry-After` longer than this is not waited for; the 429 is reported instead.
    public var maxRetryAfter: Duration

    public init(
        maxAttempts: Int = 4,
        maxRateLimitedAttempts: Int = 8,
        baseDelay: Duration = .milliseconds(250),
        maxDelay: Duration = .seconds(8),
        maxTotalWait: Duration = .seconds(120),
        maxRetryAfter: Duration = .seconds(120)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxRateLimitedAttempts = max(1, maxRateLimitedAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalWait = maxTotalWait
        self.maxRetryAfter = maxRetryAfter
    }

    public static let standard = RetryPolicy()
    /// One attempt, no retries.
    public static let never = RetryPolicy(maxAttempts: 1, maxRateLimitedAttempts: 1)

    /// What happened to one attempt, as far as retrying is concerned.
    enum Outcome: Sendable, Hashable {
        case status(Int, retryAfter: Duration?)
        /// The connection was never established: the server cannot have seen the request.
        case notConnected
        /// Timed out or lost the connection after sending: the server may have acted.
        case interrupted
        /// Retrying will not help (TLS failure, cancellation, a body too large...).
        case permanent
    }

    /// How to wait before the next attempt.
    enum Wait: Sendable, Hashable {
        /// The server said how long (`Retry-After`): everyone using the token waits.
        case serverRequested(Duration)
        /// The client's own jittered backoff.
        case backoff(Duration)

        var duration: Duration {
            switch self {
            case .serverRequested(let d), .backoff(let d): d
            }
        }
    }

    /// The wait before attempt `attempt + 1`, or nil to give up and report the outcome.
    /// - Parameters:
    ///   - attempt: the attempt that just finished, from 1.
    ///   - waited: time already spent waiting between earlier attempts.
    ///   - random: a number in 0..<1 for the jitter.
    func wait(
        after outcome: Outcome, method: String, attempt: Int, waited: Duration, random: Double
    ) -> Wait? {
        let isGET = method == "GET"
        let wait: Wait
        switch outcome {
        case .status(let status, let retryAfter) where status == 429 || status == 503:
            guard attempt < maxRateLimitedAttempts else { return nil }
            if let retryAfter {
                guard retryAfter <= maxRetryAfter else { return nil }
                wait = .serverRequested(max(retryAfter, .zero))
            } else {
                wait = .backoff(backoff(attempt: attempt, random: random))
            }
        case .status(let status, _) where (500...599).contains(status) && isGET:
            guard attempt < maxAttempts else { return nil }
            wait = .backoff(backoff(attempt: attempt, random: random))
        case .notConnected:
            guard attempt < maxAttempts else { return nil }
            wait = .backoff(backoff(attempt: attempt, random: random))
        case .interrupted where isGET:
            guard attempt < maxAttempts else { return nil }
            wait = .backoff(backoff(attempt: attempt, random: random))
        default:
            return nil
        }
        return waited + wait.duration <= maxTotalWait ? wait : nil
    }

    /// Exponential backoff with "equal jitter": half fixed, half random, so retries of many
    /// clients spread out but never collapse to zero.
    func backoff(attempt: Int, random: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(baseDelay * (1 << exponent), maxDelay)
        let jitter = min(max(random, 0), 1)
        return ceiling * (0.5 + 0.5 * jitter)
    }
}
