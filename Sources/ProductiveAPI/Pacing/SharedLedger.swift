/// The requests every process on one token made recently, as the shared budget file holds
/// them, and the decision drawn from them: may this process start one now? A value type
/// without a clock: times are wall-clock milliseconds given by the caller, because several
/// processes compare them.
///
/// A request counts as `RequestBudget` counts one process's: from its start until `window`
/// after its finish. Requests that only the longer limits still count (30 minutes) are kept
/// as counts per 10-second bucket, their finish rounded up to the bucket's end, which counts
/// them a little longer, never shorter; so the file stays a few hundred lines.
///
/// The file is text, one line each: `OWNER REQUEST STARTED FINISHED` for a request (FINISHED
/// is `-` while it runs), `b FINISHED COUNT` for a bucket, `pause UNTIL` when the server asked
/// everyone to wait. Lines it cannot read are dropped, so a damaged file costs at most some accuracy.
struct SharedLedger: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        /// A random number per pacer, so two processes never claim each other's lines.
        var owner: UInt64
        var request: Int
        var started: Int64
        var finished: Int64?
    }

    struct Bucket: Sendable, Equatable {
        var finished: Int64
        var count: Int
    }

    private(set) var entries: [Entry] = []
    /// Oldest first.
    private(set) var history: [Bucket] = []
    private(set) var pausedUntil: Int64?

    /// A running request whose process has not finished it after this long is taken to have
    /// finished then: its process died, or will soon give up on it (requests time out sooner).
    static let staleAfterMilliseconds: Int64 = 60_000
    static let bucketMilliseconds: Int64 = 10_000
    /// Longer than any `Retry-After` the client waits for (`RetryPolicy.maxRetryAfter`).
    static let longestPauseMilliseconds: Int64 = 10 * 60_000

    init() {}

    // MARK: - Decisions

    /// When the next request may start, under every limit and any pause.
    func availability(at now: Int64, limits: [RateLimit]) -> RequestBudget.Availability {
        var running = 0
        var finishes: [Int64] = []
        for entry in entries {
            if let finish = Self.effectiveFinish(entry, now: now) { finishes.append(finish) } else { running += 1 }
        }
        finishes.sort()
        let singles = finishes.map { Bucket(finished: $0, count: 1) }
        let all = merged(history, finishes)
        let foldAge = Self.foldAge(limits)
        var earliest = max(now, pausedUntil ?? now)
        var needsFinish = false
        for limit in limits {
            let window = Self.milliseconds(limit.window)
            // A bucket holds requests that finished at least `foldAge` ago: out of any shorter
            // window, however its rounded-up time reads.
            let counted = window > foldAge ? all : singles
            let inWindow = counted.drop { $0.finished <= now - window }
            let recent = inWindow.reduce(0) { $0 + $1.count }
            let occupied = running + recent
            guard occupied >= limit.requests else { continue }
            // This many of the recent ones must leave the window before one more fits.
            let mustExpire = occupied - limit.requests + 1
            guard mustExpire <= recent else {
                needsFinish = true
                continue
            }
            var expired = 0
            for bucket in inWindow {
                expired += bucket.count
                if expired >= mustExpire {
                    earliest = max(earliest, bucket.finished + window)
                    break
                }
            }
        }
        if needsFinish { return .afterAFinish }
        return earliest > now ? .at(.milliseconds(earliest)) : .now
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
    /// could have written (the wall clock was set back since); folds what only the longer
    /// limits still count into buckets.
    mutating func prune(at now: Int64, limits: [RateLimit]) {
        let windows = limits.map { Self.milliseconds($0.window) }
        let longest = windows.max() ?? 0
        let stale = Self.staleAfterMilliseconds
        entries.removeAll { entry in
            (entry.finished ?? entry.started + stale) <= now - longest || entry.started > now + stale
        }
        history.removeAll { $0.finished <= now - longest || $0.finished > now + stale + Self.bucketMilliseconds }
        if let pausedUntil, pausedUntil <= now || pausedUntil > now + Self.longestPauseMilliseconds { self.pausedUntil = nil }

        let foldBefore = now - Self.foldAge(limits)
        var folded: [Int64: Int] = [:]
        entries.removeAll { entry in
            guard let finish = Self.effectiveFinish(entry, now: now), finish <= foldBefore else { return false }
            let size = Self.bucketMilliseconds
            folded[(finish + size - 1) / size * size, default: 0] += 1
            return true
        }
        guard !folded.isEmpty else { return }
        for bucket in history { folded[bucket.finished, default: 0] += bucket.count }
        history = folded.map { Bucket(finished: $0.key, count: $0.value) }.sorted { $0.finished < $1.finished }
    }

    private static func effectiveFinish(_ entry: Entry, now: Int64) -> Int64? {
        if let finished = entry.finished { return finished }
        let stale = entry.started + Self.staleAfterMilliseconds
        return now >= stale ? stale : nil
    }

    /// Buckets and single finishes (both sorted) as one sorted list.
    private func merged(_ buckets: [Bucket], _ finishes: [Int64]) -> [Bucket] {
        var result: [Bucket] = []
        result.reserveCapacity(buckets.count + finishes.count)
        var b = 0, f = 0
        while b < buckets.count || f < finishes.count {
            if f == finishes.count || (b < buckets.count && buckets[b].finished <= finishes[f]) {
                result.append(buckets[b])
                b += 1
            } else {
                result.append(Bucket(finished: finishes[f], count: 1))
                f += 1
            }
        }
        return result
    }

    /// How long ago a request must have finished to be folded into a bucket: only limits
    /// with longer windows still count it.
    static func foldAge(_ limits: [RateLimit]) -> Int64 {
        max(limits.map { milliseconds($0.window) }.min() ?? 0, bucketMilliseconds)
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        Int64((duration.seconds * 1000).rounded(.up))
    }

    // MARK: - Text

    var text: String {
        var out = ""
        out.reserveCapacity(24 + (entries.count + history.count) * 48)
        if let pausedUntil { out += "pause \(pausedUntil)\n" }
        for bucket in history { out += "b \(bucket.finished) \(bucket.count)\n" }
        for entry in entries {
            out += "\(entry.owner) \(entry.request) \(entry.started) \(entry.finished.map(String.init) ?? "-")\n"
        }
        return out
    }

    /// Reads the text byte by byte: it is read twice per request, by every process.
    init(text: String) {
        var text = text
        text.withUTF8 { bytes in
            var lineStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                let words = bytes[lineStart..<index].split(separator: UInt8(ascii: " "))
                lineStart = index + 1
                read(words)
            }
        }
    }

    private mutating func read(_ words: [Slice<UnsafeBufferPointer<UInt8>>]) {
        let numbers = words.map { Self.number($0) }
        func int64(_ index: Int) -> Int64? { numbers[index].flatMap { $0 <= UInt64(Int64.max) ? Int64($0) : nil } }
        if words.count == 2, words[0].elementsEqual("pause".utf8), let until = int64(1) {
            pause(until: until)
        } else if words.count == 3, words[0].elementsEqual("b".utf8), let finished = int64(1), let count = numbers[2], (1..<1_000_000).contains(count) {
            history.append(Bucket(finished: finished, count: Int(count)))
            if history.count > 1, history[history.count - 2].finished > finished { history.sort { $0.finished < $1.finished } }
        } else if words.count == 4, let owner = numbers[0], let request = int64(1), let started = int64(2) {
            let running = words[3].elementsEqual("-".utf8)
            guard running || int64(3) != nil else { return }
            entries.append(Entry(owner: owner, request: Int(request), started: started, finished: running ? nil : int64(3)))
        }
    }

    /// Digits as a number; nil for `-` and anything else.
    private static func number(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard (48...57).contains(byte) else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt64(byte - 48))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }
}
