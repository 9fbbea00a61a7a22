import Foundation

extension Reducer {
    static func askToDelete(_ state: inout AppState) {
        let ids = state.targetIDs
        let count = state.targetCount
        guard count > 0 else {
            state.status = StatusMessage(noEmail(to: .delete), kind: .error)
            return
        }
        let what = if count == 1, let only = ids.lazy.compactMap(state.current.row).first {
            "“\(subjectLine(only))” from \(only.from?.displayName ?? "unknown sender")"
        } else {
            "\(RequestCost.grouped(count)) selected emails"
        }
        var question = state.undoWindow > .zero
            ? "Delete \(what) for good once sent (\(RequestCost.duration(Int(state.undoWindow.components.seconds))) to undo)?"
            : "Delete \(what) for good? It cannot be undone."
        if count > bulkQuestionThreshold {
            question += " That is \(RequestCost.grouped(count)) requests, \(RequestCost.sentence(for: count))."
        }
        state.confirmation = Confirmation(subject: .delete(TriagePlan(.delete, ids: ids, count: count)), question: question)
    }

    /// A key while a question stands.
    static func confirm(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .confirmYes: return answer(.answeredYes, state: &state)
        case .confirmNo, .pickerCancel, .promptCancel, .focusList: return answer(.answeredNo, state: &state)
        case .quit: return quit(&state)
        default: return []
        }
    }

    private static func answer(_ action: Confirmation.Action, state: inout AppState) -> [Effect] {
        guard let confirmation = state.confirmation else { return [] }
        state.confirmation = nil
        switch confirmation.reduce(action) {
        case .confirmed(let plan):
            return start(plan, state: &state)
        case .declined(.delete):
            state.status = StatusMessage("Nothing deleted.")
        case .declined(.bulk):
            state.status = StatusMessage("Nothing sent: every email is where it was.")
        }
        return []
    }
}
