/// Whole emails (body, HTML, recipients) for the detail pane: the one under the cursor and its
/// neighbours, fetched with `GET /emails/{id}` and kept within a bound. Emails never change
/// their body, so a kept one is never stale; status always comes from the list's row.
public struct EmailDetails: Sendable, Equatable {
    public enum Entry: Sendable, Equatable {
        case loading
        case loaded(Email)
        case failed(APIError)
    }

    /// How many whole emails are kept; the least recently shown go first.
    public static let capacity = 48

    private var entries: [String: Entry] = [:]
    /// Loaded ids, least recently used first.
    private var recency: [String] = []
    /// Tags the latest fetch: its ids are the ones shown as loading.
    public private(set) var tag = 0

    public init() {}

    public subscript(id: String) -> Entry? { entries[id] }

    public func email(_ id: String) -> Email? {
        if case .loaded(let email) = entries[id] { return email }
        return nil
    }

    public var loadedCount: Int { recency.count }

    /// The ids a fetch is under way for.
    public var loadingIDs: Set<String> {
        Set(entries.compactMap { id, entry in entry == .loading ? id : nil })
    }

    public mutating func store(_ email: Email) {
        entries[email.id] = .loaded(email)
        touch(email.id)
    }

    /// Marks the most recently shown email, so it is the last to be dropped.
    public mutating func touch(_ id: String) {
        guard case .loaded = entries[id] else { return }
        recency.removeAll { $0 == id }
        recency.append(id)
        while recency.count > Self.capacity {
            entries[recency.removeFirst()] = nil
        }
    }

    /// A new fetch replaces the one under way: its ids are loading, the old ones' marks go,
    /// since the runner cancels that fetch. Answers the new tag.
    public mutating func startFetch(_ ids: [String]) -> Int {
        for id in loadingIDs where !ids.contains(id) { entries[id] = nil }
        for id in ids where email(id) == nil { entries[id] = .loading }
        tag += 1
        return tag
    }

    /// A fetch failed; only the latest fetch's failures are kept (older ones were cancelled).
    public mutating func fail(_ id: String, _ error: APIError, tag: Int) {
        guard tag == self.tag, entries[id] == .loading else { return }
        entries[id] = .failed(error)
    }

    /// Forgets a failure so that showing the email again asks once more.
    public mutating func forgetFailure(_ id: String) {
        if case .failed = entries[id] { entries[id] = nil }
    }
}
