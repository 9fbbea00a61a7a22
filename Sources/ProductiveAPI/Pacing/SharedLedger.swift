/// The requests every process on one token made recently, as the shared budget file holds
/// them, and the decision drawn from them: may this process start one now? A value type
/// without a clock: times are wall-clock milliseconds given by the caller, because several
/// processes compare them.
///
/// The file is text, one line per request: `OWNER REQUEST STARTED FINISHED` (FINISHED is `-`
/// while the request runs), and `pause UNTIL` when the server asked everyone to wait.
/// Lines it cannot read are dropped, so a damaged file costs at most some accuracy.
struct SharedLedger: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        /// A random number per pacer, so two processes never claim each other's lines.
        var owner: UInt64
        var request: Int
        var started: Int64
        var finished: Int64?
    }

    private(set) var entries: [Entry] = []
    private(set) var pausedUntil: Int64?

    /// A running request whose process has not finished it after this long is taken to have
    /// finished then: its process died, or will soon give up on it (requests time out sooner).
    static let staleAfterMilliseconds: Int64 = 60_000

    init() {}

    init(text: String) {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, fields[0] == "pause", let until = Int64(fields[1]) {
                pausedUntil = max(pausedUntil ?? until, until)
            } else if fields.count == 4, let owner = UInt64(fields[0]), let request = Int(fields[1]), let started = Int64(fields[2]) {
                let finished = Int64(fields[3])
                guard fields[3] == "-" || finished != nil else { continue }
                entries.append(Entry(owner: owner, request: request, started: started, finished: finished))
            }
        }
    }

    var text: String {
        var lines = pausedUntil.map { ["pause \($0)"] } ?? []
        for entry in entries {
            lines.append("\(entry.owner) \(entry.request) \(entry.started) \(entry.finished.map(String.init) ?? "-")")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// When the next request may start, under every limit, counting every process's requests
    /// as `RequestBudget` counts one process's: from its start until `window` after its finish.
    func availability(at now: Int64, limits: [RateLimit]) -> RequestBudget.Availability {
        var budget = RequestBudget(limits: limits)
        var finishes: [Duration] = []
        for (index, entry) in entries.enumerated() {
            if let finish = effectiveFinish(entry, now: now) {
                finishes.append(.milliseconds(finish))
            } else {
                budget.start(-1 - index)
            }
        }
        for finish in finishes.sorted() { budget.record(finishedAt: finish) }
        if let pausedUntil { budget.pause(until: .milliseconds(pausedUntil)) }
        return budget.availability(at: .milliseconds(now))
    }

    /// Records the start when `availability` allows it now; answers the availability.
    mutating func admit(owner: UInt64, request: Int, at now: Int64, limits: [RateLimit]) -> RequestBudget.Availability {
        prune(at: now, limits: limits)
        let availability = availability(at: now, limits: limits)
        if availability == .now { entries.append(Entry(owner: owner, request: request, started: now, finished: nil)) }
        return availability
    }

    /// Marks the owner's request finished; unknown ones are ignored (they aged out).
    mutating func finish(owner: UInt64, request: Int, at now: Int64) {
        guard let index = entries.lastIndex(where: { $0.owner == owner && $0.request == request && $0.finished == nil }) else { return }
        entries[index].finished = max(now, entries[index].started)
    }

    /// Nobody starts before `until` (the server answered 429 with `Retry-After`).
    mutating func pause(until: Int64) {
        pausedUntil = max(pausedUntil ?? until, until)
    }

    /// Forgets what no limit counts any more, and what lies further ahead than any process
    /// could have written: the wall clock was set back since.
    mutating func prune(at now: Int64, limits: [RateLimit]) {
        let longest = limits.map { Int64(($0.window.seconds * 1000).rounded(.up)) }.max() ?? 0
        let stale = Self.staleAfterMilliseconds
        entries.removeAll { entry in
            (entry.finished ?? entry.started + stale) <= now - longest || entry.started > now + stale
        }
        if let pausedUntil, pausedUntil <= now || pausedUntil > now + Self.longestPauseMilliseconds { self.pausedUntil = nil }
    }

    /// Longer than any `Retry-After` the client waits for (`RetryPolicy.maxRetryAfter`).
    static let longestPauseMilliseconds: Int64 = 10 * 60_000

    private func effectiveFinish(_ entry: Entry, now: Int64) -> Int64? {
        if let finished = entry.finished { return finished }
        let stale = entry.started + Self.staleAfterMilliseconds
        return now >= stale ? stale : nil
    }
}
