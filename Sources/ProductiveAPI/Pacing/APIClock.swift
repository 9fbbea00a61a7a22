import Foundation

/// Time as the client sees it: a monotonic `now`, sleeping, and the wall clock (for
/// `Retry-After` dates). A struct of closures so tests can run on a manual clock.
public struct APIClock: Sendable {
    /// Monotonic time since an arbitrary origin.
    public var now: @Sendable () -> Duration
    /// Sleeps until `now()` reaches the deadline (at once when it has); throws
    /// `CancellationError` when the task is cancelled. A deadline rather than a duration, so a
    /// sleeper that starts late still wakes on time.
    public var sleepUntil: @Sendable (_ deadline: Duration) async throws -> Void
    /// The wall clock.
    public var date: @Sendable () -> Date

    public init(
        now: @escaping @Sendable () -> Duration,
        sleepUntil: @escaping @Sendable (_ deadline: Duration) async throws -> Void,
        date: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.now = now
        self.sleepUntil = sleepUntil
        self.date = date
    }

    private static let origin = ContinuousClock.now

    /// The real clock: `ContinuousClock` and `Task.sleep`.
    public static let continuous = APIClock(
        now: { ContinuousClock.now - origin },
        sleepUntil: { deadline in
            try await Task.sleep(until: origin + deadline, clock: .continuous)
        }
    )

    /// Sleeps for `duration` from now.
    public func sleep(for duration: Duration) async throws {
        try await sleepUntil(now() + duration)
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
