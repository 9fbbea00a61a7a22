/// Actions whose undo window has closed, in the order they are to be sent. The store sends
/// only `concurrency` at a time and takes the next as each answer comes, so a bulk action on
/// 60,000 emails holds 60,000 small values here rather than 60,000 requests or tasks, and the
/// part not yet sent can still be stopped.
public struct Outbox: Sendable, Equatable {
    /// Requests in flight at once; the pacer spaces them under the rate limit.
    public static let concurrency = 6

    private var items: [TriageRequest] = []
    private var head = 0

    public init() {}

    public static func == (a: Outbox, b: Outbox) -> Bool { a.waiting.elementsEqual(b.waiting) }

    public var count: Int { items.count - head }
    public var isEmpty: Bool { count == 0 }

    /// What waits, oldest first.
    public var waiting: ArraySlice<TriageRequest> { items[head...] }

    public mutating func append(contentsOf actions: some Sequence<TriageRequest>) {
        items.append(contentsOf: actions)
    }

    /// Puts an action at the front: a retry goes before what has not been tried.
    public mutating func pushFront(_ action: TriageRequest) {
        if head > 0 {
            head -= 1
            items[head] = action
        } else {
            items.insert(action, at: 0)
        }
    }

    public mutating func popFirst() -> TriageRequest? {
        guard head < items.count else { return nil }
        let first = items[head]
        head += 1
        if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return first
    }

    /// Takes out every waiting action of `batch`, oldest first.
    public mutating func remove(batch: Int) -> [TriageRequest] {
        var removed: [TriageRequest] = []
        var kept: [TriageRequest] = []
        for action in waiting {
            if action.batch == batch { removed.append(action) } else { kept.append(action) }
        }
        items = kept
        head = 0
        return removed
    }

    /// The newest batch with actions still waiting here.
    public var latestBatch: Int? { waiting.last?.batch }
}
