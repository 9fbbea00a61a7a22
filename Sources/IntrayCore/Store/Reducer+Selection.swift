import Foundation

/// A pattern typed to select by: the status bar counts what it matches as it is typed, and
/// Enter adds those emails to the selection.
public struct SelectionPattern: Sendable, Equatable {
    public var text = ""
    /// The listed emails it matches, counted when the text changes rather than per frame.
    public var matchCount = 0
}


/// The selection: which emails the next triage action applies to.
extension Reducer {
    static func toggleSelection(_ state: inout AppState) {
        guard let email = state.cursorRow else { return }
        if state.selection.remove(email.id) == nil { state.selection.insert(email.id) }
        moveCursor(&state, by: 1)
    }

    /// Selects the listed emails that resolve would attach to a deal without asking.
    static func selectSuggested(_ state: inout AppState) {
        let rows = state.current.rows
        let suggestions = state.suggestions
        let suggested = state.visible.lazy.map { rows[$0] }.filter { $0.hasSuggestion(in: suggestions) }.map(\.id)
        state.selection = Set(suggested)
        state.status = state.selection.isEmpty
            ? StatusMessage("No email listed here has a suggested deal.", kind: .error)
            : StatusMessage("Selected \(RequestCost.grouped(state.selection.count)) \(state.selection.count == 1 ? "email" : "emails") with a suggested deal.")
    }

    static func selectAll(_ state: inout AppState) {
        let rows = state.current.rows
        state.selection = Set(state.visible.map { rows[$0].id })
        state.status = StatusMessage("Selected \(RequestCost.grouped(state.selection.count)) emails.")
    }

    /// Everything listed that was not selected, and nothing that was.
    static func invertSelection(_ state: inout AppState) {
        let rows = state.current.rows
        let selected = state.selection
        state.selection = Set(state.visible.lazy.map { rows[$0].id }.filter { !selected.contains($0) })
        state.status = StatusMessage("Selected \(RequestCost.grouped(state.selection.count)) \(state.selection.count == 1 ? "email" : "emails"): the ones that were not.")
    }

    /// Keys while a selection pattern is typed.
    static func selectionPrompt(_ command: Command, state: inout AppState) -> [Effect] {
        guard let pattern = state.selectionPattern?.text else { return [] }
        switch command {
        case .promptSubmit:
            state.selectionPattern = nil
            let matching = patternMatches(pattern, state)
            let added = matching.subtracting(state.selection).count
            state.selection.formUnion(matching)
            state.status = StatusMessage("Selected \(RequestCost.grouped(added)) more \(added == 1 ? "email" : "emails") matching “\(pattern)”; \(RequestCost.grouped(state.selection.count)) selected.", kind: matching.isEmpty ? .error : .info)
        case .promptCancel:
            state.selectionPattern = nil
        case .promptDeleteBackward:
            if !pattern.isEmpty { retypePattern(String(pattern.dropLast()), state: &state) }
        case .quit:
            return quit(&state)
        default:
            break
        }
        return []
    }

    static func retypePattern(_ text: String, state: inout AppState) {
        state.selectionPattern = SelectionPattern(text: text, matchCount: patternMatches(text, state).count)
    }

    /// The listed emails whose sender or subject hold every word of `pattern`, as search finds them.
    static func patternMatches(_ pattern: String, _ state: AppState) -> Set<String> {
        let matcher = SearchMatcher(pattern)
        guard !matcher.isEmpty else { return [] }
        let rows = state.current.rows
        return Set(matcher.matching(state.visible, in: rows).lazy.map { rows[$0].id })
    }
}
