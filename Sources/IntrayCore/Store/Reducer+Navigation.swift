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
        state.selection = []
        state.focus = .list
        state.cursor = 0
        state.listTop = 0
        state.detailScroll = 0
        recomputeVisible(&state, keepingCursorOn: nil)
        guard case .notLoaded = state.current.load else { return [] }
        return startLoading(status, state: &state)
    }

    /// Rebuilds the list of visible rows after the active tab's emails or the search changed,
    /// keeping the cursor on the same email when it is still there.
    static func recomputeVisible(_ state: inout AppState, keepingCursorOn id: String?) {
        let emails = state.current.emails
        let matcher = SearchMatcher(state.search.text)
        if matcher.isEmpty {
            state.visible = Array(emails.indices)
        } else {
            state.visible = emails.indices.filter { matcher.matches(emails[$0]) }
        }
        if let id, let row = state.visible.firstIndex(where: { emails[$0].id == id }) {
            state.cursor = row
        } else {
            state.cursor = min(state.cursor, max(state.visible.count - 1, 0))
        }
        scrollListToCursor(&state)
    }

    static func applySearch(_ state: inout AppState) {
        recomputeVisible(&state, keepingCursorOn: state.cursorEmail?.id)
        state.detailScroll = 0
    }

    static func prompt(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .promptSubmit:
            state.search.isEditing = false
            if !state.search.text.isEmpty {
                let count = state.visible.count
                state.status = StatusMessage("\(count) \(count == 1 ? "email matches" : "emails match") “\(state.search.text)”.")
            }
        case .promptCancel:
            state.search = SearchState()
            applySearch(&state)
        case .promptDeleteBackward:
            if !state.search.text.isEmpty {
                state.search.text.removeLast()
                applySearch(&state)
            }
        case .quit:
            return quit(&state)
        default:
            break
        }
        return []
    }

    static func toggleSelection(_ state: inout AppState) {
        guard let email = state.cursorEmail else { return }
        if state.selection.remove(email.id) == nil { state.selection.insert(email.id) }
        moveCursor(&state, by: 1)
    }

    static func selectAll(_ state: inout AppState) {
        let emails = state.current.emails
        state.selection = Set(state.visible.map { emails[$0].id })
        state.status = StatusMessage("Selected \(state.selection.count) emails.")
    }
}

/// Matches emails against the search text: every word must appear in the sender, the subject
/// or the body, ignoring case and diacritics.
public struct SearchMatcher: Sendable {
    private let words: [String]

    public init(_ text: String) {
        words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    public var isEmpty: Bool { words.isEmpty }

    public func matches(_ email: Email) -> Bool {
        let fields = [email.from?.fullDisplay, email.subject, email.body ?? email.bodyHTML, email.snippet]
        return words.allSatisfy { word in
            fields.contains { field in
                field?.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            }
        }
    }
}
