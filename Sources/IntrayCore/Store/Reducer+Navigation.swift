import Foundation

extension Reducer {
    static func moveCursor(_ state: inout AppState, by delta: Int, wrapping: Bool = false) {
        guard !state.visible.isEmpty else { return }
        reduceList(.moved(by: delta, wrapping: wrapping, height: state.listHeight), state: &state)
    }

    static func moveCursor(_ state: inout AppState, to position: Int) {
        reduceList(.movedTo(position: position, height: state.listHeight), state: &state)
    }

    /// Keeps the cursor row inside the list pane after the pane changed height.
    static func scrollListToCursor(_ state: inout AppState) {
        reduceList(.laidOut(height: state.listHeight), state: &state)
    }

    /// Runs an action in the list. The detail pane starts at the top of an email the cursor
    /// comes to, and the email the cursor rests on is seen: no longer new, and its failed
    /// fetch may be tried again.
    private static func reduceList(_ action: VisibleList.Action, state: inout AppState) {
        if state.list.reduce(action) == .cursorMoved {
            state.detailScroll = 0
            state.detailLineCount = 0
        }
        if let id = state.cursorRow?.id {
            state.details.forgetFailure(id)
            state.tabs.reduce(.visited(id))
        }
    }

    static func scrollDetail(_ state: inout AppState, by delta: Int) {
        state.detailScroll = max(state.detailScroll + delta, 0)
        clampDetailScroll(&state)
    }

    static func clampDetailScroll(_ state: inout AppState) {
        let maxScroll = max(state.detailLineCount - state.detailBodyHeight, 0)
        state.detailScroll = min(max(state.detailScroll, 0), maxScroll)
    }

    static func switchTab(to status: EmailStatus, state: inout AppState) -> [Effect] {
        guard status != state.activeTab else { return [] }
        state.tabs.reduce(.shown(status))
        reduceSelection(.listReplaced, state: &state)
        state.focus = .list
        state.detailScroll = 0
        state.list.reduce(.replaced(visibleRows(state), height: state.listHeight))
        // After the list: a kept search's message counts what this tab shows.
        var effects = reduceSearch(.tabShown(status, tag: state.nextSerial), state: &state)
        guard case .notLoaded = state.current.load else { return effects }
        effects += startLoading(status, state: &state)
        return effects
    }

    /// Rebuilds the list of visible rows after the active tab's emails or the search changed,
    /// keeping the cursor on the same email when it is still there.
    static func recomputeVisible(_ state: inout AppState, keepingCursorOn id: String?) {
        let index = id.flatMap(state.current.index(of:))
        state.list.reduce(.shown(visibleRows(state), keeping: index, height: state.listHeight))
    }

    /// The rows of the active tab that the search lets through, by sender or subject or by a
    /// body search of this tab.
    private static func visibleRows(_ state: AppState) -> [Int] {
        let rows = state.current.rows
        let matcher = SearchMatcher(state.search.text)
        guard !matcher.isEmpty else { return Array(rows.indices) }
        let byBody = state.search.bodies?.status == state.activeTab ? state.search.bodies!.matches : []
        return matcher.matching(rows.indices, in: rows, senders: state.sharedText.senders, orIn: byBody)
    }

    /// Keeps only the visible rows that still match the search, the cursor on the same email.
    static func narrowVisible(_ state: inout AppState) {
        let index = state.cursorRow.flatMap { state.current.index(of: $0.id) }
        let matcher = SearchMatcher(state.search.text)
        let narrowed = matcher.matching(state.visible, in: state.current.rows, senders: state.sharedText.senders)
        state.list.reduce(.shown(narrowed, keeping: index, height: state.listHeight))
    }
}
