/// The knobs tests turn at runtime (latency, failure rate, rate limit), the per-token rate
/// windows, and the counters. One actor owns them, so concurrent requests see one window and
/// one deterministic failure sequence.
actor SandboxControls {
    private(set) var latency: Duration
    private var failureRate: Double
    private var rateLimit: SandboxRateLimit?
    private var windows: [String: RateWindow] = [:]
    private var failureDraws: DemoRandom
    private(set) var statistics = SandboxStatistics()

    init(_ configuration: SandboxConfiguration) {
        latency = configuration.latency
        failureRate = configuration.failureRate
        rateLimit = configuration.rateLimit
        failureDraws = DemoRandom(seed: configuration.seed ^ 0xFA11_0000_FA11)
    }

    func setLatency(_ latency: Duration) { self.latency = max(latency, .zero) }
    func setFailureRate(_ rate: Double) { failureRate = min(max(rate, 0), 1) }
    func setRateLimit(_ limit: SandboxRateLimit?) {
        rateLimit = limit
        windows = [:]
    }

    /// The 429 to answer when `token` is over the rate limit, else nil (and the request counts).
    func throttle(token: String, at now: ContinuousClock.Instant) -> APIFailure? {
        guard let rateLimit, let wait = windows[token, default: RateWindow()].admit(at: now, limit: rateLimit) else {
            return nil
        }
        statistics.rateLimited += 1
        return .rateLimited(retryAfter: RateWindow.retryAfterSeconds(wait))
    }

    /// The 500 or 503 to answer instead of performing the request, drawn at the failure rate.
    func injectedFailure() -> APIFailure? {
        // Draw for every request, not only while failing, so which requests fail depends on the
        // seed and the request count alone, whenever the rate is changed.
        let draw = failureDraws.nextUnitInterval()
        let unavailable = failureDraws.next() & 1 == 0
        guard draw < failureRate else { return nil }
        statistics.injectedFailures += 1
        return unavailable ? .injectedUnavailable : .injectedInternalError
    }

    func record(route: String, status: Int) {
        statistics.requestsServed += 1
        statistics.byRoute[route, default: 0] += 1
        statistics.byStatus[status, default: 0] += 1
    }
}
