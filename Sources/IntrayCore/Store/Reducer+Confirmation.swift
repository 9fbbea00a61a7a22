import Foundation

/// A yes/no question standing between a key and an action that deletes, or that costs many
/// requests: the plan it would carry out.
public struct Confirmation: Sendable, Equatable {
    public enum Subject: Sendable, Equatable {
        case delete(TriagePlan)
        /// A plan large enough that its cost in requests is worth a question.
        case bulk(TriagePlan)
    }
    public var subject: Subject
    public var question: String

    public init(subject: Subject, question: String) {
        self.subject = subject
        self.question = question
    }
}

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

    static func confirm(_ command: Command, state: inout AppState) -> [Effect] {
        guard let confirmation = state.confirmation else { return [] }
        switch command {
        case .confirmYes:
            state.confirmation = nil
            switch confirmation.subject {
            case .delete(let plan), .bulk(let plan): return start(plan, state: &state)
            }
        case .confirmNo, .pickerCancel, .promptCancel, .focusList:
            state.confirmation = nil
            if case .delete = confirmation.subject {
                state.status = StatusMessage("Nothing deleted.")
            } else {
                state.status = StatusMessage("Nothing sent: every email is where it was.")
            }
        case .quit:
            return quit(&state)
        default:
            break
        }
        return []
    }
}
