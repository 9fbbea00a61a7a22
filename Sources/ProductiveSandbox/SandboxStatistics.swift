/// What the sandbox has answered since it started.
public struct SandboxStatistics: Sendable, Hashable {
    /// Every request answered, whatever the status.
    public var requestsServed: Int = 0
    /// Requests refused with 429 by the rate limit knob.
    public var rateLimited: Int = 0
    /// Requests answered with an injected 500 or 503 by the failure rate knob.
    public var injectedFailures: Int = 0
    /// Requests by route: "GET /emails", "GET /emails/{id}", "PATCH /emails/{id}/attach",
    /// "PATCH /emails/{id}/dismiss", "DELETE /emails/{id}", "GET /deals", "GET /deals/{id}",
    /// or "other" for anything else.
    public var byRoute: [String: Int] = [:]
    /// Requests by the HTTP status answered.
    public var byStatus: [Int: Int] = [:]

    public init() {}

    /// Requests to one route, e.g. `requests(to: "PATCH /emails/{id}/attach")`.
    public func requests(to route: String) -> Int { byRoute[route] ?? 0 }
}
