import Foundation

/// The app scoped to the selection: keys become its actions, with the ids they need from the
/// list, and what it answers becomes messages.
extension Reducer {
    static func toggleSelection(_ state: inout AppState) {
        guard let email = state.cursorRow else { return }
        reduceSelection(.toggled(email.id), state: &state)
        moveCursor(&state, by: 1)
    }

    /// Selects the listed emails that resolve would attach to a deal without asking.
    static func selectSuggested(_ state: inout AppState) {
        let rows = state.current.rows
        let suggestions = state.suggestions
        let suggested = state.visible.lazy.map { rows[$0] }.filter { $0.hasSuggestion(in: suggestions) }.map(\.id)
        reduceSelection(.suggestedChosen(Set(suggested)), state: &state)
    }

    static func selectAll(_ state: inout AppState) {
        reduceSelection(.allChosen(listedIDs(state)), state: &state)
    }

    /// Everything listed that was not selected, and nothing that was.
    static func invertSelection(_ state: inout AppState) {
        reduceSelection(.inverted(listed: listedIDs(state)), state: &state)
    }

    /// Keys while a selection pattern is typed.
    static func selectionPrompt(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .promptSubmit:
            let matching = patternMatches(state.selectionPattern?.text ?? "", state)
            reduceSelection(.patternSubmitted(matching: matching), state: &state)
        case .promptCancel: reduceSelection(.patternCancelled, state: &state)
        case .promptDeleteBackward: reduceSelection(.patternErased, state: &state)
        case .quit: return quit(&state)
        default: break
        }
        return []
    }

    /// Runs an action in the selection and says what it answers.
    static func reduceSelection(_ action: Selection.Action, state: inout AppState) {
        for outcome in state.selected.reduce(action) {
            switch outcome {
            case .countMatches(let pattern):
                let count = patternMatches(pattern, state).count
                _ = state.selected.reduce(.patternCounted(matches: count))
            case .selectedSuggested(let count):
                state.status = count == 0
                    ? StatusMessage("No email listed here has a suggested deal.", kind: .error)
                    : StatusMessage("Selected \(RequestCost.grouped(count)) \(emails(count)) with a suggested deal.")
            case .selectedAll(let count):
                state.status = StatusMessage("Selected \(RequestCost.grouped(count)) emails.")
            case .inverted(let count):
                state.status = StatusMessage("Selected \(RequestCost.grouped(count)) \(emails(count)): \(count == 1 ? "the one that was" : "the ones that were") not.")
            case .cleared:
                state.status = StatusMessage("Selection cleared.")
            case .addedMatches(let added, let pattern, let matchedAny, let count):
                state.status = StatusMessage("Selected \(RequestCost.grouped(added)) more \(emails(added)) matching “\(pattern)”; \(RequestCost.grouped(count)) selected.", kind: matchedAny ? .info : .error)
            }
        }
    }

    private static func emails(_ count: Int) -> String { count == 1 ? "email" : "emails" }

    private static func listedIDs(_ state: AppState) -> Set<String> {
        let tab = state.current
        if state.visible.count == tab.count { return tab.ids }
        let rows = tab.rows
        return Set(state.visible.lazy.map { rows[$0].id })
    }

    /// The listed emails whose sender or subject hold every word of `pattern`, as search finds them.
    static func patternMatches(_ pattern: String, _ state: AppState) -> Set<String> {
        let matcher = SearchMatcher(pattern)
        guard !matcher.isEmpty else { return [] }
        let rows = state.current.rows
        return Set(matcher.matching(state.visible, in: rows, senders: state.sharedText.senders).lazy.map { rows[$0].id })
    }
}
