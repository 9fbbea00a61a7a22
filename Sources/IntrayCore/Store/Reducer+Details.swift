import Foundation

extension Reducer {
    /// A short pause before fetching the email under the cursor, so holding `j` asks only for
    /// the email it stops on.
    static let detailDebounce: Duration = .milliseconds(30)
    /// Neighbours are fetched ahead one by one only once the cursor rests.
    static let prefetchDebounce: Duration = .milliseconds(150)
    /// How many emails a list page fetched for the detail pane holds.
    static let detailPageSize = 50
    /// How far from the cursor, either way, whole emails are wanted before it gets there.
    static let detailLookahead = 10

    /// After every action: the email under the cursor and those around it are fetched whole
    /// when they are not kept yet. While the list shows the tab as the server lists it, they
    /// come a page at a time; otherwise the cursor's email and its neighbours one by one.
    static func fetchDetails(_ state: inout AppState) -> [Effect] {
        guard !state.isQuitting, !state.layout.isTooSmall, let cursor = state.cursorRow else { return [] }
        state.details.touch(cursor.id)
        var kept: [Effect] = []
        if state.keepsShownEmails, let email = state.details.email(cursor.id), state.details.showsFirstTime(cursor.id) {
            kept = [.keepEmail(email)]
        }
        return kept + fetchAround(cursor, state: &state)
    }

    private static func fetchAround(_ cursor: EmailRow, state: inout AppState) -> [Effect] {
        let around = [state.cursor, state.cursor + 1, state.cursor - 1].compactMap { state.row(atVisible: $0)?.id }
        let wanted = around.filter(state.details.needsFetch)
        if let places = ListingPlaces(state), let effect = listDetails(wanted: wanted, cursor: cursor, places: places, state: &state) {
            return effect
        }
        guard !wanted.isEmpty, !wanted.allSatisfy(state.details.isLoading) else { return [] }
        let cursorMissing = wanted.contains(cursor.id)
        let tag = state.details.startFetch(wanted)
        return [.loadDetails(ids: wanted, tag: tag, debounce: cursorMissing ? detailDebounce : prefetchDebounce)]
    }

    /// The page of the listing that holds the nearest email within the look-ahead not kept, or
    /// nil when that page was asked before and had shifted (then the neighbours are fetched by
    /// id). `[]` when nothing is missing or a fetch for the look-ahead is under way.
    private static func listDetails(wanted: [String], cursor: EmailRow, places: ListingPlaces, state: inout AppState) -> [Effect]? {
        let details = state.details
        let tab = state.current, visible = state.visible
        var missing: Int?
        // Nearest first: the cursor, one below, one above, two below...
        for step in 0...(2 * detailLookahead) {
            let position = state.cursor + (step % 2 == 1 ? (step + 1) / 2 : -(step / 2))
            guard visible.indices.contains(position) else { continue }
            let id = tab.rows[visible[position]].id
            // A fetch under way for these rows lands before the next is asked, not cancelled by it.
            if details.isLoading(id) { return [] }
            if missing == nil, details.needsFetch(id) { missing = position }
        }
        guard let missing else { return [] }
        let offset = places.offset(ofIndex: state.visible[missing])
        let page = ListedPage(status: state.activeTab, generation: tab.generation, number: offset / detailPageSize + 1, size: detailPageSize)
        guard !details.hasShifted(page) else { return nil }
        let firstOffset = (page.number - 1) * page.size
        let onPage = (firstOffset..<firstOffset + page.size).compactMap { offset -> String? in
            let index = places.index(ofOffset: offset)
            return tab.rows.indices.contains(index) ? tab.rows[index].id : nil
        }
        let expected = onPage.filter(details.needsFetch)
        let cursorMissing = wanted.contains(cursor.id)
        let tag = state.details.startFetch(Array(Set(expected).union(wanted)))
        return [.listDetails(page, filter: state.filter.filter, expected: expected, needed: wanted, tag: tag, debounce: cursorMissing ? detailDebounce : .zero)]
    }

    static func detailLoaded(id: String, tag: Int, _ result: Result<Email, APIError>, state: inout AppState) {
        switch result {
        case .success(let email): state.details.store(email)
        case .failure(let error): state.details.fail(id, error, tag: tag)
        }
    }
}

/// Where the rows of the tab on screen sit in the server's listing, while the list shows all
/// of them in the server's order (newest first) or in its reverse once all are listed.
struct ListingPlaces {
    private let count: Int
    private let reversed: Bool

    init?(_ state: AppState) {
        let tab = state.current
        guard state.search.text.isEmpty, state.visible.count == tab.count, tab.count > 0 else { return nil }
        switch tab.order {
        case .newestFirst: reversed = false
        case .oldestFirst:
            guard case .loaded = tab.load else { return nil }
            reversed = true
        case .bySender: return nil
        }
        count = tab.count
    }

    func offset(ofIndex index: Int) -> Int { reversed ? count - 1 - index : index }

    func index(ofOffset offset: Int) -> Int { reversed ? count - 1 - offset : offset }
}
