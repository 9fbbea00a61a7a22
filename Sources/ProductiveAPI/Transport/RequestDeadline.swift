import Dispatch
import Synchronization

/// Bounds one whole exchange, answer head and body alike, by cancelling it when time is up.
///
/// A dispatch timer, not SwiftNIO's `scheduleTask`: an event loop re-arms its timer only for
/// an earlier deadline, so a cancelled 30 s deadline still wakes the idle app up to 30 s
/// after its last request. A cancelled dispatch timer is taken out of the timer heap and
/// never fires.
enum RequestDeadline {
    /// The time ran out before the exchange ended.
    struct Expired: Error {}

    private static let queue = DispatchQueue(label: "intray.request-deadline")

    /// Runs `work` in a child task, cancelled when `timeout` has passed since it started.
    /// Throws `Expired` when it failed after that; an answer it finished with stands.
    static func run<T: Sendable>(
        within timeout: Duration,
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let exchange = Exchange()
        let task = Task {
            // From when the exchange starts, not from when its task was queued.
            exchange.arm(after: timeout, on: queue)
            defer { exchange.disarm() }
            return try await work()
        }
        exchange.attach { task.cancel() }
        do {
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch where exchange.expired {
            throw Expired()
        }
    }
}

/// The timer of one exchange and how to cancel its task, which the timer may need before
/// `attach` has handed it over.
private final class Exchange: Sendable {
    private struct State {
        var timer: (any DispatchSourceTimer)?
        var cancel: (@Sendable () -> Void)?
        var expired = false
    }

    private let state = Mutex(State())

    var expired: Bool { state.withLock { $0.expired } }

    func attach(_ cancel: @escaping @Sendable () -> Void) {
        let expired = state.withLock { state in
            state.cancel = cancel
            return state.expired
        }
        if expired { cancel() }
    }

    func arm(after timeout: Duration, on queue: DispatchQueue) {
        state.withLock { state in
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + .nanoseconds(Int(timeout.seconds * 1e9)))
            timer.setEventHandler { [self] in
                let cancel = self.state.withLock { state in
                    state.expired = true
                    return state.cancel
                }
                cancel?()
            }
            state.timer = timer
            timer.activate()
        }
    }

    /// Cancels the timer and lets go of it: its handler holds this exchange.
    func disarm() {
        state.withLock { state in
            state.timer?.cancel()
            state.timer = nil
        }
    }
}
