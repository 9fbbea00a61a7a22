import Foundation

/// Who is waiting: the user's own actions go before background page loading.
public enum RequestPriority: Int, Sendable, Hashable, CaseIterable {
    /// A user action or a single read the user waits for.
    case interactive
    /// Prefetching later pages.
    case background

    /// A listing's first page is waited for; later pages are read ahead.
    public static func forPage(_ number: Int) -> RequestPriority {
        number <= 1 ? .interactive : .background
    }
}

/// A permission to send one request, handed back with `RequestPacer.finish(_:)`.
public struct PacerSlot: Sendable, Hashable {
    let id: Int
}

/// Keeps every request made with one token under the rate limits (by default Productive's
/// 100 per 10 s and 4,000 per 30 min) with sliding windows.
///
/// Callers wait their turn and are never dropped: first come first served within a
/// priority, every `.interactive` caller before any `.background` one. A caller whose task
/// is cancelled while waiting leaves the queue and gets `CancellationError`.
///
/// With a `SharedBudgetFile`, requests of other processes on the same token count too: a
/// request starts only when both this process's budget and the shared ledger allow it, and
/// its start, finish and any server-requested pause are written for the others to see.
///
/// State lives in the actor; a single timer task wakes it when the window next opens.
public actor RequestPacer {
    public nonisolated let limits: [RateLimit]
    private let clock: APIClock
    private var budget: RequestBudget
    private let shared: (file: SharedBudgetFile, owner: UInt64)?
    private var queues: [RequestPriority: [Int]] = [.interactive: [], .background: []]
    private var waiting: [Int: CheckedContinuation<PacerSlot, any Error>] = [:]
    private var nextID = 0
    private var timer: (deadline: Duration, task: Task<Void, Never>)?

    /// How soon to look at the shared ledger again when only other processes' running requests
    /// hold the budget: their finishes send this process no signal.
    static let sharedRecheck: Duration = .milliseconds(50)

    public init(limits: [RateLimit] = RateLimit.productive, clock: APIClock = .continuous, sharedBudget: SharedBudgetFile? = nil) {
        self.limits = limits
        self.clock = clock
        self.budget = RequestBudget(limits: limits)
        self.shared = sharedBudget.map { ($0, UInt64.random(in: 1...UInt64.max)) }
    }

    /// Waits until a request may be sent. Call `finish(_:)` with the slot once the answer is in
    /// (or the request failed), whatever happened; a slot never finished holds its place for good.
    public func acquire(_ priority: RequestPriority = .interactive) async throws -> PacerSlot {
        try Task.checkCancellation()
        nextID += 1
        let id = nextID
        if waiting.isEmpty, admission(for: id) == .now {
            budget.start(id)
            return PacerSlot(id: id)
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // Runs on the actor before any cancellation handler's hop can, so a task
                // cancelled before this point is caught here and one cancelled after finds its entry.
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                waiting[id] = continuation
                queues[priority, default: []].append(id)
                grantWhatFits()
            }
        } onCancel: {
            Task { await self.leave(id) }
        }
    }

    /// Hands back a slot when its request is over. Unknown or repeated slots are ignored.
    public func finish(_ slot: PacerSlot) {
        budget.finish(slot.id, at: clock.now())
        if let shared {
            let now = wallMilliseconds()
            _ = shared.file.update { $0.finish(owner: shared.owner, request: slot.id, at: now) }
        }
        grantWhatFits()
    }

    /// Holds every request for `duration` from now: the server asked for it (`Retry-After`).
    public func pause(for duration: Duration) {
        budget.pause(until: clock.now() + duration)
        if let shared {
            let until = wallMilliseconds() + Int64((duration.seconds * 1000).rounded(.up))
            _ = shared.file.update { $0.pause(until: until) }
        }
        grantWhatFits()
    }

    /// Callers waiting for a slot.
    public var waitingCount: Int { waiting.count }
    /// Slots handed out and not yet finished.
    public var inFlightCount: Int { budget.inFlight.count }

    private func leave(_ id: Int) {
        guard let continuation = waiting.removeValue(forKey: id) else { return }
        for priority in RequestPriority.allCases { queues[priority]?.removeAll { $0 == id } }
        continuation.resume(throwing: CancellationError())
        grantWhatFits()
    }

    private func grantWhatFits() {
        while let next = nextInLine() {
            let (priority, id) = next
            guard waiting[id] != nil else {
                queues[priority]!.removeFirst()
                continue
            }
            switch admission(for: id) {
            case .now:
                queues[priority]!.removeFirst()
                let continuation = waiting.removeValue(forKey: id)!
                budget.start(id)
                continuation.resume(returning: PacerSlot(id: id))
            case .at(let deadline):
                wake(at: deadline)
                return
            case .afterAFinish:
                if shared != nil { wake(at: clock.now() + Self.sharedRecheck) }
                return
            }
        }
    }

    /// Whether request `id` may start now: this process's budget first, then the shared
    /// ledger, which records the start when it allows it.
    private func admission(for id: Int) -> RequestBudget.Availability {
        let now = clock.now()
        let local = budget.availability(at: now)
        guard local == .now, let shared else { return local }
        let wallNow = wallMilliseconds()
        let answer = shared.file.update { [limits] in $0.admit(owner: shared.owner, request: id, at: wallNow, limits: limits) }
        switch answer {
        case nil, .now?: return .now
        case .afterAFinish?: return .afterAFinish
        case .at(let time)?: return .at(now + (time - .milliseconds(wallNow)))
        }
    }

    private func wallMilliseconds() -> Int64 {
        Int64((clock.date().timeIntervalSince1970 * 1000).rounded())
    }

    private func nextInLine() -> (RequestPriority, Int)? {
        for priority in RequestPriority.allCases {
            if let id = queues[priority]?.first { return (priority, id) }
        }
        return nil
    }

    private func wake(at deadline: Duration) {
        if let timer, timer.deadline <= deadline { return }
        timer?.task.cancel()
        let clock = self.clock
        let task = Task {
            do { try await clock.sleepUntil(deadline) } catch { return }
            self.timerFired(deadline)
        }
        timer = (deadline, task)
    }

    private func timerFired(_ deadline: Duration) {
        guard timer?.deadline == deadline else { return }
        timer = nil
        grantWhatFits()
    }
}

extension RequestPacer {
    private static let registry = PacerRegistry()

    /// The one pacer for this token in this process, created with `limits` on first use
    /// (later calls get the existing pacer whatever limits they name).
    /// With `sharedBudget`, the pacer also shares the budget with other processes through that file.
    public static func shared(token: String, limits: [RateLimit] = RateLimit.productive, sharedBudget: SharedBudgetFile? = nil) -> RequestPacer {
        registry.pacer(for: token, limits: limits, sharedBudget: sharedBudget)
    }
}

/// The process-wide pacers by token. The token is already held in memory by every
/// configuration that uses it; it is only compared here, never shown.
private final class PacerRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var pacers: [String: RequestPacer] = [:]

    func pacer(for token: String, limits: [RateLimit], sharedBudget: SharedBudgetFile?) -> RequestPacer {
        lock.withLock {
            if let pacer = pacers[token] { return pacer }
            let pacer = RequestPacer(limits: limits, sharedBudget: sharedBudget)
            pacers[token] = pacer
            return pacer
        }
    }
}
