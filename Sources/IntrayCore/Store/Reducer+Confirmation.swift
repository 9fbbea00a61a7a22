import Foundation

/// A yes/no question standing between a key and an action that deletes, or that costs many
/// requests: the emails it would act on, as they were when it was asked.
public struct Confirmation: Sendable, Equatable {
    public enum Subject: Sendable, Equatable {
        case delete([EmailRow])
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
        let targets = state.targetRows
        guard let first = targets.first else {
            state.status = StatusMessage(noEmail(to: .delete), kind: .error)
            return
        }
        let what = targets.count == 1
            ? "“\(subjectLine(first))” from \(first.from?.displayName ?? "unknown sender")"
            : "\(RequestCost.grouped(targets.count)) selected emails"
        var question = state.undoWindow > .zero
            ? "Delete \(what) for good once sent (\(RequestCost.duration(Int(state.undoWindow.components.seconds))) to undo)?"
            : "Delete \(what) for good? It cannot be undone."
        if targets.count > bulkQuestionThreshold {
            question += " That is \(RequestCost.grouped(targets.count)) requests, \(RequestCost.sentence(for: targets.count))."
        }
        state.confirmation = Confirmation(subject: .delete(targets), question: question)
    }

    static func confirm(_ command: Command, state: inout AppState) -> [Effect] {
        guard let confirmation = state.confirmation else { return [] }
        switch command {
        case .confirmYes:
            state.confirmation = nil
            switch confirmation.subject {
            case .delete(let emails): return start(TriagePlan(.delete, emails), state: &state)
            case .bulk(let plan): return start(plan, state: &state)
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
