/// The sliding-window accounting behind `RequestPacer`: which requests count against each
/// limit right now, and when the next one may start. A value type without a clock: every
/// call is given the time.
///
/// A request counts from the moment it is started until `window` after it finished. The
/// server counts it when it arrives, which is somewhere between those two moments, so the
/// server never sees more than the limit in any window however long the request took.
struct RequestBudget: Sendable {
    let limits: [RateLimit]
    private(set) var inFlight: Set<Int> = []
    /// Finish times, oldest first (time only moves forward, so appending keeps the order).
    private var finished: [Duration] = []
    private var pausedUntil: Duration?

    init(limits: [RateLimit]) {
        precondition(!limits.isEmpty, "a pacer needs at least one limit")
        self.limits = limits
    }

    enum Availability: Equatable {
        case now
        /// Nothing may start before this time.
        case at(Duration)
        /// Requests still running hold every slot; a finish will tell.
        case afterAFinish
    }

    /// When the next request may start, seen from `now`.
    func availability(at now: Duration) -> Availability {
        var earliest = now
        var needsFinish = false
        if let pausedUntil, pausedUntil > now { earliest = pausedUntil }
        for limit in limits {
            let firstInWindow = firstIndex(finishedAfter: now - limit.window)
            let recent = finished.count - firstInWindow
            let occupied = inFlight.count + recent
            guard occupied >= limit.requests else { continue }
            // This many of the recent ones must leave the window before one more fits.
            let mustExpire = occupied - limit.requests + 1
            if mustExpire > recent {
                needsFinish = true
            } else {
                earliest = max(earliest, finished[firstInWindow + mustExpire - 1] + limit.window)
            }
        }
        if needsFinish { return .afterAFinish }
        return earliest > now ? .at(earliest) : .now
    }

    mutating func start(_ id: Int) {
        inFlight.insert(id)
    }

    /// Marks a started request finished at `now`; unknown or repeated ids are ignored.
    mutating func finish(_ id: Int, at now: Duration) {
        guard inFlight.remove(id) != nil else { return }
        finished.append(max(now, finished.last ?? now))
        prune(at: now)
    }

    /// Nothing starts before `until` (the server asked to wait).
    mutating func pause(until: Duration) {
        pausedUntil = max(pausedUntil ?? until, until)
    }

    var finishedCount: Int { finished.count }

    private mutating func prune(at now: Duration) {
        let longest = limits.map(\.window).max()!
        let keep = firstIndex(finishedAfter: now - longest)
        // Dropping in batches keeps the cost per request constant.
        if keep > 64, keep * 2 > finished.count { finished.removeFirst(keep) }
    }

    /// The index of the first finish time later than `time` (binary search).
    private func firstIndex(finishedAfter time: Duration) -> Int {
        var low = 0, high = finished.count
        while low < high {
            let mid = (low + high) / 2
            if finished[mid] > time { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
