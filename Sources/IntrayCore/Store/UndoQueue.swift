import Foundation

/// Actions shown as done and not sent yet: batches in their undo window, then the outbox, where
/// they wait their turn to be sent. A child of the store: the app tells it what was planned,
/// what elapsed and how much room there is to send, and it answers what to start, send or put back.
public struct UndoQueue: Sendable, Equatable {
    /// Actions waiting out the undo window, by id.
    public private(set) var queued: [Int: TriageRequest] = [:]
    /// Actions whose undo window closed, waiting their turn to be sent, oldest first.
    public private(set) var outbox = Outbox()

    public init() {}

    enum Action: Sendable, Equatable {
        /// One key press took these emails out of the list, as one batch.
        case planned([TriageRequest], batch: Int, undoWindow: Duration)
        case windowElapsed(batch: Int)
        /// The app is leaving: every undo window closes now.
        case leaving
        case undoRequested
        /// A failed action waited out its backoff: it goes before what has not been tried.
        case retryDue(TriageRequest)
        /// An earlier session left these unconfirmed: they join the line.
        case adopted([TriageRequest])
        /// This many more requests may be in flight.
        case roomToSend(Int)
    }

    enum Outcome: Sendable, Equatable {
        /// Answer `windowElapsed` after `duration`, unless the batch is taken back.
        case windowStarted(batch: Int, duration: Duration)
        /// Actions wait in the outbox: answer `roomToSend` with the room there is.
        case readyToSend
        case send(TriageRequest)
        /// Undo took the batch back within its window.
        case takenBack([TriageRequest], batch: Int)
        /// Undo stopped the part of the batch not yet sent.
        case stopped([TriageRequest], batch: Int)
        case nothingToUndo
    }

    mutating func reduce(_ action: Action) -> [Outcome] {
        switch action {
        case .planned(let actions, let batch, let undoWindow):
            guard undoWindow > .zero else {
                outbox.append(contentsOf: actions)
                return [.readyToSend]
            }
            for action in actions { queued[action.id] = action }
            return [.windowStarted(batch: batch, duration: undoWindow)]
        case .windowElapsed(let batch):
            outbox.append(contentsOf: takeQueued(batch: batch))
            return [.readyToSend]
        case .leaving:
            guard !queued.isEmpty else { return [] }
            for batch in Set(queued.values.map(\.batch)).sorted() { outbox.append(contentsOf: takeQueued(batch: batch)) }
            return [.readyToSend]
        case .undoRequested:
            return [undo()]
        case .retryDue(let action):
            outbox.pushFront(action)
            return [.readyToSend]
        case .adopted(let actions):
            outbox.append(contentsOf: actions)
            return [.readyToSend]
        case .roomToSend(let room):
            var sent: [Outcome] = []
            while sent.count < room, let action = outbox.popFirst() { sent.append(.send(action)) }
            return sent
        }
    }

    /// Takes back the latest batch still waiting, in its undo window or in the outbox; what was
    /// sent cannot be.
    private mutating func undo() -> Outcome {
        let queuedBatch = queued.values.map(\.batch).max()
        guard let batch = [queuedBatch, outbox.latestBatch].compactMap({ $0 }).max() else { return .nothingToUndo }
        if batch == queuedBatch { return .takenBack(takeQueued(batch: batch), batch: batch) }
        return .stopped(outbox.remove(batch: batch), batch: batch)
    }

    /// The batch's actions in their undo window, oldest first, taken out of it.
    private mutating func takeQueued(batch: Int) -> [TriageRequest] {
        let actions = queued.values.filter { $0.batch == batch }.sorted { $0.id < $1.id }
        for action in actions { queued.removeValue(forKey: action.id) }
        return actions
    }
}
