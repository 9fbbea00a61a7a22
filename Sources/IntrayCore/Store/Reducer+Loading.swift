import Foundation

extension Reducer {
    /// The Resolved tab's first page at start: its count, and the recent deal links that
    /// `resolve` suggests from, for one request instead of the whole history.
    static let suggestionPageSize = 200
    /// Whole emails kept from a list page for the rows at the top, so the first screen and
    /// the first moves show a body without asking again.
    static let detailsKeptFromFirstPage = 4

    /// Lists the tab on screen and only counts the others; they are listed when first shown.
    static func startLoadingEverything(_ state: inout AppState) -> [Effect] {
        var effects = startLoading(state.activeTab, state: &state)
        for status in EmailStatus.allCases where status != state.activeTab {
            effects.append(.peekTab(status, pageSize: status == .resolved ? suggestionPageSize : 1, filter: state.filter.filter))
        }
        effects.append(.loadDeals)
        return effects
    }

    static func startLoading(_ status: EmailStatus, state: inout AppState) -> [Effect] {
        state.tabs[status]!.generation += 1
        state.tabs[status]!.load = .loading(pagesLoaded: 0, totalPages: nil)
        return [.loadTab(status, generation: state.tabs[status]!.generation, pageSize: state.pageSize, filter: state.filter.filter)]
    }

    static func refresh(_ state: inout AppState) -> [Effect] {
        state.status = StatusMessage("Refreshing \(state.activeTab.title)…")
        if let id = state.cursorRow?.id { state.details.forgetFailure(id) }
        return startLoading(state.activeTab, state: &state)
    }

    /// Emails shown as moved locally but not yet confirmed: the server still lists them where
    /// they were, so its pages and counts are corrected by them.
    static func pendingMoves(of status: EmailStatus, _ state: AppState) -> (departed: Set<String>, arriving: Int) {
        var departed: Set<String> = []
        var arriving = 0
        func note(_ action: TriageRequest) {
            if action.from == status { departed.insert(action.email.id) }
            if action.destination == status { arriving += 1 }
        }
        state.queued.values.forEach(note)
        state.outbox.waiting.forEach(note)
        state.inFlight.values.forEach(note)
        state.retrying.values.forEach(note)
        return (departed, arriving)
    }

    static func pageLoaded(_ page: EmailPage, into status: EmailStatus, generation: Int, state: inout AppState) -> [Effect] {
        guard state.tabs[status]?.generation == generation else { return [] }
        let isActive = status == state.activeTab
        let cursorID = isActive ? state.cursorRow?.id : nil
        let pagesLoaded: Int
        if case .loading(let loaded, _) = state.tabs[status]?.load { pagesLoaded = loaded + 1 } else { pagesLoaded = 1 }
        let pending = pendingMoves(of: status, state)
        let arriving = page.emails.filter { !pending.departed.contains($0.id) }
        // Changed in place through the dictionary: a local copy would copy every listed row per page.
        if pagesLoaded == 1 {
            state.tabs[status]!.reset(expecting: page.meta.totalCount)
            if isActive { reduceSelection(.listingRestarted, state: &state) }
        }
        let rows = arriving.map { state.sharedText.row(for: $0) }
        let appended = state.tabs[status]!.append(page: rows)
        // The listing's first page gives the count; later ones were asked for before actions
        // confirmed since (the rate limit can hold them back for seconds), so their totals may be
        // stale, and the count already follows those actions.
        let total = pagesLoaded == 1 ? page.meta.totalCount - pending.departed.count : state.tabs[status]!.totalCount ?? 0
        state.tabs[status]!.totalCount = max(total, state.tabs[status]!.count)
        state.tabs[status]!.load = .loading(pagesLoaded: pagesLoaded, totalPages: page.meta.totalPages)

        for email in arriving where email.status == .resolved { state.suggestions.learn(from: email) }
        guard isActive else { return [] }
        if pagesLoaded == 1 {
            for email in arriving.prefix(detailsKeptFromFirstPage) { state.details.store(email) }
            recomputeVisible(&state, keepingCursorOn: cursorID)
            if state.status?.text.hasPrefix("Refreshing") == true { state.status = nil }
        } else if let appended {
            appendVisible(appended, state: &state)
        } else {
            recomputeVisible(&state, keepingCursorOn: cursorID)
        }
        if let cursorID, let email = arriving.first(where: { $0.id == cursorID }), state.details.email(cursorID) == nil {
            state.details.store(email)
        }
        return []
    }

    /// A tab not yet listed learns its count, and Resolved teaches which deals senders use.
    static func tabPeeked(_ page: EmailPage, status: EmailStatus, state: inout AppState) -> [Effect] {
        for email in page.emails where email.status == .resolved { state.suggestions.learn(from: email) }
        guard case .notLoaded = state.tab(status).load else { return [] }
        let pending = pendingMoves(of: status, state)
        state.tabs[status]!.totalCount = max(page.meta.totalCount - pending.departed.count + pending.arriving, 0)
        return []
    }

    /// Extends the visible rows by newly appended emails without rescanning the whole tab.
    static func appendVisible(_ appended: Range<Int>, state: inout AppState) {
        let rows = state.current.rows
        let matcher = SearchMatcher(state.search.text)
        let byBody = state.search.bodies?.matches ?? []
        state.visible += matcher.isEmpty ? Array(appended) : matcher.matching(appended, in: rows, senders: state.sharedText.senders, orIn: byBody)
    }

    /// A listing of the tab on screen ended, whole or not: the selection keeps only what it lists.
    static func listingEnded(_ status: EmailStatus, state: inout AppState) {
        guard status == state.activeTab, state.selected.mayNameUnlisted else { return }
        let tab = state.current
        reduceSelection(.listingEnded(stillListed: state.selection.filter(tab.contains)), state: &state)
    }

    static func pageFailed(_ error: APIError, tab status: EmailStatus, generation: Int, state: inout AppState) -> [Effect] {
        guard state.tab(status).generation == generation else { return [] }
        state.tabs[status]?.load = .failed(error)
        listingEnded(status, state: &state)
        if !state.hasHeardFromServer, error.meansNoInbox {
            state.startFailure = error
            return [.exit]
        }
        let hint = status == state.activeTab ? StatusMessage.KeyHint(.refresh, "to retry") : nil
        state.status = StatusMessage("Could not load \(status.title.lowercased()) emails: \(error.message)", kind: .error, hint: hint)
        return []
    }
}
