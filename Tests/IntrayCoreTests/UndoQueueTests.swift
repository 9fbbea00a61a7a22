import Foundation
import Testing
@testable import IntrayCore

/// The undo queue on its own: plans, elapsed windows, undo and room to send in; what waits
/// and what the app must start, send or put back out.
@Suite struct UndoQueueTests {
    static func request(_ id: Int, batch: Int, _ kind: TriageRequest.Kind = .dismiss) -> TriageRequest {
        TriageRequest(id: id, kind: kind, email: EmailRow(Fixture.email(id)), from: .unresolved, batch: batch)
    }

    let first = [request(2, batch: 1), request(3, batch: 1)]
    let second = [request(5, batch: 4, .delete)]

    @Test func aBatchWaitsOutItsWindowThenJoinsTheOutboxAndIsSentAsThereIsRoom() {
        var queue = UndoQueue()
        #expect(queue.reduce(.planned(first, batch: 1, undoWindow: .seconds(5))) == [.windowStarted(batch: 1, duration: .seconds(5))])
        #expect(queue.queued == [2: first[0], 3: first[1]] && queue.outbox.isEmpty)
        #expect(queue.reduce(.windowElapsed(batch: 1)) == [.readyToSend])
        #expect(queue.queued.isEmpty && Array(queue.outbox.waiting) == first)
        #expect(queue.reduce(.roomToSend(1)) == [.send(first[0])])
        #expect(queue.reduce(.roomToSend(0)) == [])
        #expect(queue.reduce(.roomToSend(6)) == [.send(first[1])])
        #expect(queue.outbox.isEmpty)
    }

    @Test func withoutAWindowABatchGoesStraightToTheOutbox() {
        var queue = UndoQueue()
        #expect(queue.reduce(.planned(first, batch: 1, undoWindow: .zero)) == [.readyToSend])
        #expect(queue.queued.isEmpty && Array(queue.outbox.waiting) == first)
    }

    @Test func undoTakesBackTheLatestBatchInItsWindow() {
        var queue = UndoQueue()
        _ = queue.reduce(.planned(first, batch: 1, undoWindow: .seconds(5)))
        _ = queue.reduce(.planned(second, batch: 4, undoWindow: .seconds(5)))
        #expect(queue.reduce(.undoRequested) == [.takenBack(second, batch: 4)])
        #expect(queue.reduce(.undoRequested) == [.takenBack(first, batch: 1)])
        #expect(queue.reduce(.undoRequested) == [.nothingToUndo])
        #expect(queue == UndoQueue())
    }

    @Test func undoStopsWhatOfABatchIsNotSentYet() {
        var queue = UndoQueue()
        _ = queue.reduce(.planned(first, batch: 1, undoWindow: .zero))
        _ = queue.reduce(.roomToSend(1))
        #expect(queue.reduce(.undoRequested) == [.stopped([first[1]], batch: 1)])
        #expect(queue.outbox.isEmpty)
    }

    @Test func leavingClosesEveryWindowOldestBatchFirst() {
        var queue = UndoQueue()
        #expect(queue.reduce(.leaving) == [], "nothing waits, so nothing is sent")
        _ = queue.reduce(.planned(second, batch: 4, undoWindow: .seconds(5)))
        _ = queue.reduce(.planned(first, batch: 1, undoWindow: .seconds(5)))
        #expect(queue.reduce(.leaving) == [.readyToSend])
        #expect(queue.queued.isEmpty && Array(queue.outbox.waiting) == first + second)
    }

    @Test func aRetryGoesBeforeWhatHasNotBeenTriedAndAnEarlierSessionsActionsJoinTheLine() {
        var queue = UndoQueue()
        _ = queue.reduce(.planned(first, batch: 1, undoWindow: .zero))
        #expect(queue.reduce(.retryDue(second[0])) == [.readyToSend])
        #expect(queue.reduce(.adopted([Self.request(9, batch: 8)])) == [.readyToSend])
        #expect(queue.outbox.waiting.map(\.id) == [5, 2, 3, 9])
    }
}
