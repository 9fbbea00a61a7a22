import Foundation

extension Reducer {
    static func moveCursor(_ state: inout AppState, by delta: Int, wrapping: Bool = false) {
        guard !state.visible.isEmpty else { return }
        var target = state.cursor + delta
        if wrapping {
            target = ((target % state.visible.count) + state.visible.count) % state.visible.count
        }
        moveCursor(&state, to: target)
    }

    static func moveCursor(_ state: inout AppState, to index: Int) {
        guard !state.visible.isEmpty else {
            state.cursor = 0
            state.listTop = 0
            return
        }
        let clamped = min(max(index, 0), state.visible.count - 1)
        if clamped != state.cursor {
            state.detailScroll = 0
            state.detailLineCount = 0
        }
        state.cursor = clamped
        if let id = state.cursorRow?.id {
            state.details.forgetFailure(id)
            state.newIDs.remove(id)
        }
        scrollListToCursor(&state)
    }

    /// Keeps the cursor row inside the list pane, moving the window as little as possible.
    static func scrollListToCursor(_ state: inout AppState) {
        let height = state.listHeight
        if state.cursor < state.listTop { state.listTop = state.cursor }
        if state.cursor >= state.listTop + height { state.listTop = state.cursor - height + 1 }
        let maxTop = max(state.visible.count - height, 0)
        state.listTop = min(max(state.listTop, 0), maxTop)
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
        state.activeTab = status
        reduceSelection(.listReplaced, state: &state)
        state.focus = .list
        state.cursor = 0
        state.listTop = 0
        state.detailScroll = 0
        recomputeVisible(&state, keepingCursorOn: nil)
        // After the list: a kept search's message counts what this tab shows.
        var effects = reduceSearch(.tabShown(status, tag: state.nextSerial), state: &state)
        guard case .notLoaded = state.current.load else { return effects }
        effects += startLoading(status, state: &state)
        return effects
    }

    /// Rebuilds the list of visible rows after the active tab's emails or the search changed,
    /// keeping the cursor on the same email when it is still there.
    static func recomputeVisible(_ state: inout AppState, keepingCursorOn id: String?) {
        let rows = state.current.rows
        let matcher = SearchMatcher(state.search.text)
        if matcher.isEmpty {
            state.visible = Array(rows.indices)
        } else {
            let byBody = state.search.bodies?.status == state.activeTab ? state.search.bodies!.matches : []
            state.visible = matcher.matching(rows.indices, in: rows, senders: state.sharedText.senders, orIn: byBody)
        }
        if let row = id.flatMap({ visiblePosition(of: $0, state) }) {
            state.cursor = row
        } else {
            state.cursor = min(state.cursor, max(state.visible.count - 1, 0))
        }
        scrollListToCursor(&state)
    }

    /// Keeps only the visible rows that still match the search, the cursor on the same email.
    static func narrowVisible(_ state: inout AppState) {
        let cursorID = state.cursorRow?.id
        let rows = state.current.rows
        let matcher = SearchMatcher(state.search.text)
        state.visible = matcher.matching(state.visible, in: rows, senders: state.sharedText.senders)
        if let row = cursorID.flatMap({ visiblePosition(of: $0, state) }) {
            state.cursor = row
        } else {
            state.cursor = min(state.cursor, max(state.visible.count - 1, 0))
        }
        scrollListToCursor(&state)
    }

    /// Where an email stands among the visible rows; `visible` is in tab order, so a binary search.
    static func visiblePosition(of id: String, _ state: AppState) -> Int? {
        guard let index = state.current.index(of: id) else { return nil }
        let position = state.visible.partitionIndex { $0 >= index }
        return position < state.visible.count && state.visible[position] == index ? position : nil
    }
}
