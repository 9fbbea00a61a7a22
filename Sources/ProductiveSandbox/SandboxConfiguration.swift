import Foundation

/// How to run a `Sandbox`: where it listens, what it stores, what data it starts with, and the
/// knobs tests turn to make it behave like a busy or failing Productive.
public struct SandboxConfiguration: Sendable {
    /// The address to bind; loopback by default.
    public var host: String
    /// The port to bind; 0 picks a free one (read it back from `Sandbox.baseURL`).
    public var port: Int
    /// nil keeps everything in memory. A path keeps state across restarts: the file is seeded
    /// only when it holds no data yet, and `emailCount`/`seed` are then ignored.
    public var databasePath: String?
    /// How many demo emails to create (10...100_000 supported).
    public var emailCount: Int
    /// The same seed (with the same `referenceDate`) gives the same data.
    public var seed: UInt64
    /// The only `X-Auth-Token` accepted.
    public var token: String
    /// The only `X-Organization-Id` accepted.
    public var organizationID: String
    /// nil: no limit. Otherwise requests beyond the limit are answered 429 with `Retry-After`.
    public var rateLimit: SandboxRateLimit?
    /// Added before every response.
    public var latency: Duration
    /// Fraction (0...1) of authenticated requests answered with an injected 500 or 503
    /// instead of being performed; which ones is deterministic from `seed`.
    public var failureRate: Double
    /// The demo data spans the 90 days before this instant; nil means the moment of seeding.
    public var referenceDate: Date?
    /// The organization's zone: timestamps carry its offset, and bare-date filters
    /// (`filter[before]=2025-07-24`) mean midnight there. Europe/Zagreb by default, like Productive.
    public var timeZone: TimeZone

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        databasePath: String? = nil,
        emailCount: Int = 500,
        seed: UInt64 = 1,
        token: String = "sandbox-token",
        organizationID: String = "1",
        rateLimit: SandboxRateLimit? = nil,
        latency: Duration = .zero,
        failureRate: Double = 0,
        referenceDate: Date? = nil,
        timeZone: TimeZone = TimeZone(identifier: "Europe/Zagreb") ?? TimeZone(secondsFromGMT: 7200)!
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.emailCount = emailCount
        self.seed = seed
        self.token = token
        self.organizationID = organizationID
        self.rateLimit = rateLimit
        self.latency = latency
        self.failureRate = failureRate
        self.referenceDate = referenceDate
        self.timeZone = timeZone
    }
}

/// At most `requests` requests per token in any window of length `per` (a sliding window).
/// Productive's own limit is 100 per 10 seconds.
public struct SandboxRateLimit: Sendable, Hashable {
    public var requests: Int
    public var per: Duration

    public init(requests: Int, per: Duration) {
        self.requests = requests
        self.per = per
    }

    /// Productive's general limit: 100 requests per 10 seconds.
    public static let productive = SandboxRateLimit(requests: 100, per: .seconds(10))
}
