import Foundation

extension Reducer {
    /// The Resolved tab's first page at start: its count, and the recent deal links that
    /// `resolve` suggests from, for one request instead of the whole history.
    static let suggestionPageSize = 200
    /// Whole emails kept from a list page for the rows at the top, so the first screen and
    /// the first moves show a body without asking again.
    static let detailsKeptFromFirstPage = detailPageSize

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
        guard case .listing(let generation) = state.tabs.reduce(.listingStarted(status)) else { return [] }
        return [.loadTab(status, generation: generation, pageSize: state.pageSize, filter: state.filter.filter)]
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
        guard state.tabs.isCurrent(status, generation: generation) else { return [] }
        let isActive = status == state.activeTab
        let cursorID = isActive ? state.cursorRow?.id : nil
        let pending = pendingMoves(of: status, state)
        let arriving = page.emails.filter { !pending.departed.contains($0.id) }
        let rows = arriving.map { state.sharedText.row(for: $0) }
        let listed = state.tabs.reduce(.pageListed(
            status, generation: generation, rows: rows, total: page.meta.totalCount - pending.departed.count, totalPages: page.meta.totalPages
        ))

        for email in arriving where email.status == .resolved { state.suggestions.learn(from: email) }
        guard isActive else { return [] }
        switch listed {
        case .firstPageListed:
            reduceSelection(.listingRestarted, state: &state)
            for email in arriving.prefix(detailsKeptFromFirstPage) { state.details.store(email) }
            recomputeVisible(&state, keepingCursorOn: cursorID)
            if state.status?.text.hasPrefix("Refreshing") == true { state.status = nil }
        case .appended(let appended):
            appendVisible(appended, state: &state)
        default:
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
        let pending = pendingMoves(of: status, state)
        state.tabs.reduce(.counted(status, total: page.meta.totalCount - pending.departed.count + pending.arriving))
        return []
    }

    /// Extends the visible rows by newly appended emails without rescanning the whole tab.
    static func appendVisible(_ appended: Range<Int>, state: inout AppState) {
        let rows = state.current.rows
        let matcher = SearchMatcher(state.search.text)
        let byBody = state.search.bodies?.matches ?? []
        state.list.reduce(.extended(matcher.isEmpty ? Array(appended) : matcher.matching(appended, in: rows, senders: state.sharedText.senders, orIn: byBody)))
    }

    /// A listing of the tab on screen ended, whole or not: the selection keeps only what it lists.
    static func listingEnded(_ status: EmailStatus, state: inout AppState) {
        guard status == state.activeTab, state.selected.mayNameUnlisted else { return }
        let tab = state.current
        reduceSelection(.listingEnded(stillListed: state.selection.filter(tab.contains)), state: &state)
    }

    static func pageFailed(_ error: APIError, tab status: EmailStatus, generation: Int, state: inout AppState) -> [Effect] {
        guard state.tabs.reduce(.listingFailed(status, generation: generation, error)) != .ignored else { return [] }
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
