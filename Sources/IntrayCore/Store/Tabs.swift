/// The three tabs: what each has listed and counted, which one is on screen, the order every
/// tab is sorted in, and the emails that arrived while the app was open. A child of the store:
/// the app hands it rows already built, and counts already corrected for actions the server
/// has not confirmed; it answers what changed.
public struct Tabs: Sendable, Equatable {
    /// Unresolved, resolved and dismissed, in that order (`slot`): views read the tab on
    /// screen many times a frame, and reading one out of an array lends it without a copy.
    private var tabs = [InboxTab(), InboxTab(), InboxTab()]
    public private(set) var active: EmailStatus = .unresolved
    /// How every tab is sorted; the server's order until the user picks another.
    public private(set) var order: ListOrder = .newestFirst
    /// Emails that arrived while the app was open, marked until the cursor visits them.
    public private(set) var newIDs: Set<String> = []

    public init() {}

    public subscript(status: EmailStatus) -> InboxTab {
        _read { yield tabs[Self.slot(status)] }
    }

    public var current: InboxTab {
        _read { yield tabs[Self.slot(active)] }
    }

    private static func slot(_ status: EmailStatus) -> Int {
        switch status {
        case .unresolved: 0
        case .resolved: 1
        case .dismissed: 2
        }
    }

    public var isListingAny: Bool { tabs.contains { $0.load.isLoading } }

    /// Whether an answer for `generation` belongs to the listing of the tab that runs now.
    public func isCurrent(_ status: EmailStatus, generation: Int) -> Bool { self[status].generation == generation }

    enum Action: Sendable, Equatable {
        case shown(EmailStatus)
        /// A new listing of the tab starts; answers of earlier ones are ignored from now on.
        case listingStarted(EmailStatus)
        /// A page of that listing came, as rows; `total` is the server's count less the emails
        /// already taken out of the tab here.
        case pageListed(EmailStatus, generation: Int, rows: [EmailRow], total: Int, totalPages: Int?)
        /// A tab not listed yet learnt its count.
        case counted(EmailStatus, total: Int)
        case listingFinished(EmailStatus, generation: Int)
        case listingFailed(EmailStatus, generation: Int, APIError)
        /// New mail was found in a listed tab.
        case arrived([EmailRow], in: EmailStatus)
        /// The cursor visited the email: it is not new any more.
        case visited(String)
        /// The filter changed: every tab is empty and unlisted until asked again.
        case filterChanged
        case sorted(ListOrder)
        /// Emails left the tab for an action; the count follows with `countChanged`.
        case taken(Set<String>, from: EmailStatus)
        /// Emails came back to the tab: an undo, a refusal, or the server's answer placing one.
        case returned([EmailRow], to: EmailStatus)
        /// Emails moved in or out locally, before the server's count could say so.
        case countChanged(EmailStatus, by: Int)
    }

    enum Outcome: Sendable, Equatable {
        case done
        /// The action belonged to an earlier listing, or to nothing this tab holds.
        case ignored
        case listing(generation: Int)
        /// The first page replaced whatever the tab held.
        case firstPageListed
        /// A later page went at the end, at these indices.
        case appended(Range<Int>)
        /// A later page was merged into a sorted tab, moving rows already held.
        case merged
        /// The emails taken, in the tab's order.
        case took([EmailRow])
    }

    @discardableResult
    mutating func reduce(_ action: Action) -> Outcome {
        switch action {
        case .shown(let status):
            active = status
        case .listingStarted(let status):
            tabs[Self.slot(status)].generation += 1
            tabs[Self.slot(status)].load = .loading(pagesLoaded: 0, totalPages: nil)
            return .listing(generation: tabs[Self.slot(status)].generation)
        case .pageListed(let status, let generation, let rows, let total, let totalPages):
            guard isCurrent(status, generation: generation) else { return .ignored }
            return listed(rows, into: status, total: total, totalPages: totalPages)
        case .counted(let status, let total):
            guard case .notLoaded = self[status].load else { return .ignored }
            tabs[Self.slot(status)].totalCount = max(total, 0)
        case .listingFinished(let status, let generation):
            guard isCurrent(status, generation: generation) else { return .ignored }
            tabs[Self.slot(status)].load = .loaded
        case .listingFailed(let status, let generation, let error):
            guard isCurrent(status, generation: generation) else { return .ignored }
            tabs[Self.slot(status)].load = .failed(error)
        case .arrived(let rows, let status):
            tabs[Self.slot(status)].insert(contentsOf: rows)
            newIDs.formUnion(rows.lazy.map(\.id))
            return reduce(.countChanged(status, by: rows.count))
        case .visited(let id):
            newIDs.remove(id)
        case .filterChanged:
            newIDs = []
            for status in EmailStatus.allCases {
                tabs[Self.slot(status)].reset()
                tabs[Self.slot(status)].totalCount = nil
                tabs[Self.slot(status)].generation += 1
                tabs[Self.slot(status)].load = .notLoaded
            }
        case .sorted(let order):
            self.order = order
            for status in EmailStatus.allCases { tabs[Self.slot(status)].sort(by: order) }
        case .taken(let ids, let status):
            return .took(tabs[Self.slot(status)].remove(ids: ids))
        case .returned(let rows, let status):
            tabs[Self.slot(status)].insert(contentsOf: rows)
        case .countChanged(let status, let delta):
            guard let count = self[status].totalCount else { return .ignored }
            tabs[Self.slot(status)].totalCount = max(count + delta, 0)
        }
        return .done
    }

    // Changed in place through the dictionary: a local copy would copy every listed row per page.
    private mutating func listed(_ rows: [EmailRow], into status: EmailStatus, total: Int, totalPages: Int?) -> Outcome {
        var pagesLoaded = 1
        if case .loading(let loaded, _) = self[status].load { pagesLoaded = loaded + 1 }
        if pagesLoaded == 1 { tabs[Self.slot(status)].reset(expecting: total) }
        let appended = tabs[Self.slot(status)].append(page: rows)
        // The listing's first page gives the count; later ones were asked for before actions
        // confirmed since (the rate limit can hold them back for seconds), so their totals may be
        // stale, and the count already follows those actions.
        let count = pagesLoaded == 1 ? total : self[status].totalCount ?? 0
        tabs[Self.slot(status)].totalCount = max(count, self[status].count)
        tabs[Self.slot(status)].load = .loading(pagesLoaded: pagesLoaded, totalPages: totalPages)
        if pagesLoaded == 1 { return .firstPageListed }
        return appended.map(Outcome.appended) ?? .merged
    }
}
