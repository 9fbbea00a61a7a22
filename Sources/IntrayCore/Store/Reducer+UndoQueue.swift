import Foundation

/// The app scoped to the undo queue: plans, elapsed windows, undo and retries become its
/// actions, and what it answers becomes requests in flight, timers, emails put back and messages.
extension Reducer {
    static func undo(_ state: inout AppState) -> [Effect] {
        reduceUndoQueue(.undoRequested, state: &state)
    }

    /// A failed action's pause is over: it goes to the front of the outbox.
    static func retryDue(actionID: Int, state: inout AppState) -> [Effect] {
        guard let action = state.retrying.removeValue(forKey: actionID) else { return [] }
        return reduceUndoQueue(.retryDue(action), state: &state)
    }

    /// Sends from the outbox until `Outbox.concurrency` requests are in flight.
    static func pump(_ state: inout AppState) -> [Effect] {
        reduceUndoQueue(.roomToSend(Outbox.concurrency - state.inFlight.count), state: &state)
    }

    /// Runs an action in the undo queue and does what it answers.
    static func reduceUndoQueue(_ action: UndoQueue.Action, state: inout AppState) -> [Effect] {
        state.undoQueue.reduce(action).flatMap { outcome -> [Effect] in
            switch outcome {
            case .windowStarted(let batch, let duration):
                return [.startUndoWindow(batch: batch, duration: duration)]
            case .readyToSend:
                return pump(&state)
            case .send(var action):
                action.attempt += 1
                state.inFlight[action.id] = action
                return [.send(action)]
            case .takenBack(let actions, let batch):
                rollBack(actions, state: &state)
                if let first = actions.first {
                    let what = actions.count == 1 ? "“\(subjectLine(first.email))” is" : "\(RequestCost.grouped(actions.count)) emails are"
                    state.status = StatusMessage("Undone: \(what) back in \(first.from.title).", kind: .success)
                }
                return [.cancelUndoWindow(batch: batch), .journalForget(actions.map(\.id))]
            case .stopped(let stopped, let batch):
                rollBack(stopped, state: &state)
                let sent = state.inFlight.values.filter { $0.batch == batch }.count
                if let first = stopped.first {
                    state.status = StatusMessage("Stopped: \(RequestCost.grouped(stopped.count)) not yet sent \(stopped.count == 1 ? "is" : "are") back in \(first.from.title)\(sent > 0 ? "; \(sent) already sent finish" : "").", kind: .success)
                }
                return [.journalForget(stopped.map(\.id))]
            case .nothingToUndo:
                state.status = StatusMessage(nothingToUndo, kind: .error)
                return []
            }
        }
    }
}
