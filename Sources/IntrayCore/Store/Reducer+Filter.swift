import Foundation

/// The app scoped to the filter: keys and the email under the cursor become the filter's
/// actions, and a changed filter lists every tab again.
extension Reducer {
    /// A key while the filter line is open.
    static func filterPrompt(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .promptSubmit: return reduceFilter(.submitted(now: state.now), state: &state)
        case .promptCancel: return reduceFilter(.cancelled, state: &state)
        case .promptDeleteBackward: return reduceFilter(.erased, state: &state)
        case .quit: return quit(&state)
        default: return []
        }
    }

    /// Narrows every tab to the sender of the email under the cursor, keeping the dates.
    static func filterBySender(_ state: inout AppState) -> [Effect] {
        guard let row = state.cursorRow else {
            state.status = StatusMessage("No email to take the sender from.", kind: .error)
            return []
        }
        guard let id = row.creatorID else {
            state.status = StatusMessage("Productive did not say who sent this email as a person, so there is no sender to filter by.", kind: .error)
            return []
        }
        var filter = state.filter.filter
        filter.creatorIDs = [id]
        filter.senderOrRecipientIDs = []
        return reduceFilter(.chosen(line: FilterLine.text(for: filter), filter), state: &state)
    }

    /// Runs an action in the filter and does what it answers.
    static func reduceFilter(_ action: FilterState.Action, state: inout AppState) -> [Effect] {
        state.filter.reduce(action).flatMap { outcome -> [Effect] in
            switch outcome {
            case .changed(let line): listAgain(filteredBy: line, state: &state)
            }
        }
    }

    /// Every tab is asked again with the filter: the one on screen is listed, the others
    /// counted, and listed when first shown.
    private static func listAgain(filteredBy line: String, state: inout AppState) -> [Effect] {
        reduceSelection(.listReplaced, state: &state)
        var effects = reduceSearch(.filterChanged, state: &state)
        state.tabs.reduce(.filterChanged)
        recomputeVisible(&state, keepingCursorOn: nil)
        effects += startLoadingEverything(&state)
        state.status = StatusMessage(line.isEmpty ? "Filter cleared: every email is listed." : "Filtered by \(line).")
        return effects
    }
}
