/// Whole emails (body, HTML, recipients) for the detail pane: the one under the cursor and the
/// ones around it, taken from list pages or fetched with `GET /emails/{id}`, and kept within a
/// bound. Emails never change their body, so a kept one is never stale; status always comes
/// from the list's row.
public struct EmailDetails: Sendable, Equatable {
    public enum Entry: Sendable, Equatable {
        case loading
        case loaded(Email)
        case failed(APIError)
    }

    /// How many whole emails are kept; the least recently shown go first. Room for the page
    /// being read, the next one and the way back.
    public static let capacity = 128

    private var emails: [String: Email] = [:]
    private var failures: [String: APIError] = [:]
    /// The ids a fetch is under way for.
    public private(set) var loadingIDs: Set<String> = []
    /// Loaded ids, least recently used first.
    private var recency: [String] = []
    /// Tags the latest fetch: its ids are the ones shown as loading.
    public private(set) var tag = 0
    /// List pages that answered without some of the emails expected on them (the server's
    /// listing has shifted since): their emails are then fetched one by one, not by asking
    /// the page again.
    private var shiftedPages: Set<ListedPage> = []
    /// Emails shown at least once.
    private var shown: Set<String> = []

    public init() {}

    public subscript(id: String) -> Entry? {
        if let email = emails[id] { return .loaded(email) }
        if let error = failures[id] { return .failed(error) }
        return loadingIDs.contains(id) ? .loading : nil
    }

    public func email(_ id: String) -> Email? { emails[id] }

    /// Whether showing `id` needs a fetch: it is neither kept nor known to have failed. Looks
    /// at ids only, so it is cheap enough for every action.
    public func needsFetch(_ id: String) -> Bool {
        emails.index(forKey: id) == nil && (failures.isEmpty || failures.index(forKey: id) == nil)
    }

    /// Whether `id` is in the fetch under way; most of the time none is, and then no id is hashed.
    public func isLoading(_ id: String) -> Bool {
        !loadingIDs.isEmpty && loadingIDs.contains(id)
    }

    public func isKept(_ id: String) -> Bool { emails.index(forKey: id) != nil }

    public var loadedCount: Int { recency.count }

    public mutating func store(_ email: Email) {
        let wasKept = emails.updateValue(email, forKey: email.id) != nil
        failures[email.id] = nil
        loadingIDs.remove(email.id)
        // A new one is not in `recency` yet: no need to look for it there.
        if wasKept { touch(email.id) } else { keepMostRecent(email.id) }
    }

    /// Marks the most recently shown email, so it is the last to be dropped.
    public mutating func touch(_ id: String) {
        guard isKept(id) else { return }
        if recency.last == id { return }
        // Ids are in it once; a shown email was most often kept a few moves ago, near the end.
        if let index = recency.lastIndex(of: id) { recency.remove(at: index) }
        keepMostRecent(id)
    }

    private mutating func keepMostRecent(_ id: String) {
        recency.append(id)
        while recency.count > Self.capacity {
            emails[recency.removeFirst()] = nil
        }
    }

    /// A new fetch replaces the one under way: its ids are loading, the old ones' marks go,
    /// since the runner cancels that fetch. Answers the new tag.
    public mutating func startFetch(_ ids: [String]) -> Int {
        loadingIDs = Set(ids.filter { !isKept($0) })
        for id in loadingIDs { failures[id] = nil }
        tag += 1
        return tag
    }

    /// A fetch failed; only the latest fetch's failures are kept (older ones were cancelled).
    public mutating func fail(_ id: String, _ error: APIError, tag: Int) {
        guard tag == self.tag, loadingIDs.contains(id) else { return }
        loadingIDs.remove(id)
        failures[id] = error
    }

    /// A list page fetched for its whole emails answered: they are kept, and the ids it was
    /// expected to hold but did not (`unanswered`) are no longer loading.
    public mutating func listed(_ emails: [Email], unanswered: [String], from page: ListedPage, tag: Int) {
        for email in emails { store(email) }
        guard !unanswered.isEmpty else { return }
        shiftedPages.insert(page)
        guard tag == self.tag else { return }
        loadingIDs.subtract(unanswered)
    }

    /// Notes that `id` is shown; answers whether it is for the first time.
    public mutating func showsFirstTime(_ id: String) -> Bool { shown.insert(id).inserted }

    /// Whether `page` was asked for before and did not hold what was expected on it.
    public func hasShifted(_ page: ListedPage) -> Bool { shiftedPages.contains(page) }

    /// Forgets a failure so that showing the email again asks once more.
    public mutating func forgetFailure(_ id: String) {
        failures[id] = nil
    }
}

/// One page of a tab's listing as it was listed: its place in `generation` of that tab.
public struct ListedPage: Sendable, Hashable {
    public var status: EmailStatus
    public var generation: Int
    public var number: Int
    public var size: Int

    public init(status: EmailStatus, generation: Int, number: Int, size: Int) {
        self.status = status
        self.generation = generation
        self.number = number
        self.size = size
    }

    public var request: PageRequest { PageRequest(number: number, size: size) }
}
