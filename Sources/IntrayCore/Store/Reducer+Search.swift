import Foundation

/// The app scoped to the search: keys, tabs and the server's answers become the search's
/// actions, and what it answers becomes the list shown, effects and messages.
extension Reducer {
    /// A key while the search prompt is open.
    static func prompt(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .promptSubmit: return reduceSearch(.submitted(tab: state.activeTab, tag: state.nextSerial), state: &state)
        case .promptCancel:
            state.status = nil
            return reduceSearch(.cancelled, state: &state)
        case .promptDeleteBackward: return reduceSearch(.erased, state: &state)
        case .quit: return quit(&state)
        default: return []
        }
    }

    /// Runs an action in the search and does what it answers.
    static func reduceSearch(_ action: SearchState.Action, state: inout AppState) -> [Effect] {
        let outcomes = state.search.reduce(action)
        return outcomes.flatMap { outcome -> [Effect] in
            switch outcome {
            case .textChanged(let narrowing):
                if narrowing {
                    narrowVisible(&state)
                } else {
                    recomputeVisible(&state, keepingCursorOn: state.cursorRow?.id)
                }
                state.detailScroll = 0
                return []
            case .stopBodySearch:
                return [.cancelBodySearch]
            case .searchBodies(let tab, let text, let tag):
                markUsed(serial: tag, &state)
                state.status = StatusMessage("\(matchCount(state)) “\(text)” by sender or subject; searching the bodies…")
                return [.searchBodies(tab, text: text, tag: tag, filter: state.filter.filter)]
            case .bodiesMatched(let tab):
                if tab == state.activeTab { recomputeVisible(&state, keepingCursorOn: state.cursorRow?.id) }
                return []
            case .bodySearchEnded(let error?):
                state.status = StatusMessage("Could not search the bodies: \(error.message) Sender and subject matches are shown.", kind: .error)
                return []
            case .bodySearchEnded(nil):
                state.status = StatusMessage("\(matchCount(state)) “\(state.search.text)” in sender, subject or body.")
                return []
            }
        }
    }

    /// "3 emails match", for the emails listed.
    private static func matchCount(_ state: AppState) -> String {
        let count = state.visible.count
        return "\(RequestCost.grouped(count)) \(count == 1 ? "email matches" : "emails match")"
    }
}
