import Foundation

/// Time as the client sees it: a monotonic `now`, sleeping, and the wall clock (for
/// `Retry-After` dates). A struct of closures so tests can run on a manual clock.
public struct APIClock: Sendable {
    /// Monotonic time since an arbitrary origin.
    public var now: @Sendable () -> Duration
    /// Sleeps for the duration; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The wall clock.
    public var date: @Sendable () -> Date

    public init(
        now: @escaping @Sendable () -> Duration,
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        date: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.now = now
        self.sleep = sleep
        self.date = date
    }

    private static let origin = ContinuousClock.now

    /// The real clock: `ContinuousClock` and `Task.sleep`.
    public static let continuous = APIClock(
        now: { ContinuousClock.now - origin },
        sleep: { duration in
            if duration > .zero { try await Task.sleep(for: duration) } else { try Task.checkCancellation() }
        }
    )
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
