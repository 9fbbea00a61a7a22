import Dispatch
import Synchronization

/// Bounds one whole exchange, answer head and body alike, by cancelling it when time is up.
///
/// A dispatch timer, not SwiftNIO's `scheduleTask`: an event loop re-arms its timer only for
/// an earlier deadline, so a cancelled 30 s deadline still wakes the idle app up to 30 s
/// after its last request. A cancelled dispatch timer is taken out of the timer heap and
/// never fires.
enum RequestDeadline {
    private static let queue = DispatchQueue(label: "intray.request-deadline")

    /// Runs `work` in a child task; answers `nil` when `timeout` passed first (the work was cancelled).
    static func run<T: Sendable>(
        within timeout: Duration,
        _ work: @escaping @Sendable () async -> T
    ) async -> T? {
        let expired = Atomic(false)
        let task = Task(operation: work)
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .nanoseconds(Int(timeout.seconds * 1e9)))
        timer.setEventHandler {
            expired.store(true, ordering: .sequentiallyConsistent)
            task.cancel()
        }
        timer.activate()
        let value = await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
        timer.cancel()
        return expired.load(ordering: .sequentiallyConsistent) ? nil : value
    }
}
