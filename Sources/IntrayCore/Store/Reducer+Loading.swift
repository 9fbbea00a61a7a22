import Foundation

extension Reducer {
    static func startLoadingEverything(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        let order = [state.activeTab] + EmailStatus.allCases.filter { $0 != state.activeTab }
        for status in order {
            effects += startLoading(status, state: &state)
        }
        effects.append(.loadDeals)
        return effects
    }

    static func startLoading(_ status: EmailStatus, state: inout AppState) -> [Effect] {
        var tab = state.tab(status)
        tab.generation += 1
        tab.load = .loading(pagesLoaded: 0, totalPages: nil)
        state.tabs[status] = tab
        return [.loadTab(status, generation: tab.generation, pageSize: state.pageSize)]
    }

    static func refresh(_ state: inout AppState) -> [Effect] {
        state.status = StatusMessage("Refreshing \(state.activeTab.title)…")
        return startLoading(state.activeTab, state: &state)
    }

    static func pageLoaded(_ page: EmailPage, into status: EmailStatus, generation: Int, state: inout AppState) -> [Effect] {
        guard state.tabs[status]?.generation == generation else { return [] }
        let isActive = status == state.activeTab
        let cursorID = isActive ? state.cursorEmail?.id : nil
        let pagesLoaded: Int
        if case .loading(let loaded, _) = state.tabs[status]?.load { pagesLoaded = loaded + 1 } else { pagesLoaded = 1 }
        let departed = Set((Array(state.inFlight.values) + Array(state.queued.values)).filter { $0.from == status }.map(\.email.id))
        let arriving = page.emails.filter { !departed.contains($0.id) }
        // Changed in place through the dictionary: a local copy would copy every loaded email per page.
        if pagesLoaded == 1 { state.tabs[status]!.reset() }
        let appended = state.tabs[status]!.append(page: arriving)
        state.tabs[status]!.totalCount = max(page.meta.totalCount - departed.count, state.tabs[status]!.count)
        state.tabs[status]!.load = .loading(pagesLoaded: pagesLoaded, totalPages: page.meta.totalPages)

        for email in arriving where email.status == .resolved { state.suggestions.learn(from: email) }
        guard isActive else { return [] }
        if pagesLoaded == 1 {
            recomputeVisible(&state, keepingCursorOn: cursorID)
            if state.status?.text.hasPrefix("Refreshing") == true { state.status = nil }
        } else {
            appendVisible(appended, state: &state)
        }
        return []
    }

    /// Extends the visible rows by newly appended emails without rescanning the whole tab.
    static func appendVisible(_ appended: Range<Int>, state: inout AppState) {
        let emails = state.current.emails
        let matcher = SearchMatcher(state.search.text)
        state.visible += appended.filter { matcher.isEmpty || matcher.matches(emails[$0]) }
    }

    static func pageFailed(_ error: APIError, tab status: EmailStatus, generation: Int, state: inout AppState) -> [Effect] {
        guard state.tab(status).generation == generation else { return [] }
        state.tabs[status]?.load = .failed(error)
        state.status = StatusMessage("Could not load \(status.title.lowercased()) emails: \(error.message)", kind: .error)
        return []
    }
}
