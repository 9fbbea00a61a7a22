import Foundation
import Testing
@testable import ProductiveAPI

/// A clock that moves only when the test says so. Sleepers wake when `advance` reaches their deadline.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration = .zero
    private var sleepers: [(id: Int, deadline: Duration, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID = 0

    var now: Duration { lock.withLock { current } }
    var sleeperCount: Int { lock.withLock { sleepers.count } }

    var apiClock: APIClock {
        APIClock(
            now: { self.now },
            sleepUntil: { try await self.sleep(until: $0) },
            date: { Date(timeIntervalSince1970: 1_750_000_000 + self.now.seconds) }
        )
    }

    func sleep(until deadline: Duration) async throws {
        let id = lock.withLock { nextID += 1; return nextID }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Bool = lock.withLock {
                    if Task.isCancelled { return true }
                    if deadline <= current { return true }
                    sleepers.append((id, deadline, continuation))
                    return false
                }
                if resumeNow {
                    if Task.isCancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume() }
                }
            }
        } onCancel: {
            let sleeper = lock.withLock { () -> CheckedContinuation<Void, any Error>? in
                guard let index = sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return sleepers.remove(at: index).continuation
            }
            sleeper?.resume(throwing: CancellationError())
        }
    }

    func advance(by duration: Duration) {
        let due = lock.withLock { () -> [CheckedContinuation<Void, any Error>] in
            current += duration
            let ready = sleepers.filter { $0.deadline <= current }
            sleepers.removeAll { $0.deadline <= current }
            return ready.map(\.continuation)
        }
        for continuation in due { continuation.resume() }
    }
}

/// A clock whose sleeps return at once and move time forward by what was slept, recording each.
final class SkippingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration = .zero
    private var slept: [Duration] = []

    var sleeps: [Duration] { lock.withLock { slept } }

    var apiClock: APIClock {
        APIClock(
            now: { self.lock.withLock { self.current } },
            sleepUntil: { deadline in
                try Task.checkCancellation()
                self.lock.withLock {
                    guard deadline > self.current else { return }
                    self.slept.append(deadline - self.current)
                    self.current = deadline
                }
                await Task.yield()
            },
            date: { Date(timeIntervalSince1970: 1_750_000_000 + self.lock.withLock { self.current }.seconds) }
        )
    }
}

/// Polls until `condition` holds, for up to `timeout` of real time.
func eventually(
    timeout: Duration = .seconds(60), _ condition: @Sendable () async -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) async {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return }
        try? await Task.sleep(for: .milliseconds(2))
    }
    Issue.record("condition not met within \(timeout)", sourceLocation: sourceLocation)
}
