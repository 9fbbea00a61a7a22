import Foundation
import Testing
@testable import IntrayCore

@Suite struct UndoTests {
    func loaded() -> AppState {
        var state = Fixture.loaded(Fixture.emails(1...4))
        state.undoWindow = .seconds(5)
        return state
    }

    @Test func anActionWaitsOutTheUndoWindowThenIsSent() throws {
        var state = loaded()
        let effects = Reducer.reduce(&state, .commandIssued(.dismiss)).sansJournal
        let queued = try #require(state.queued.values.first)
        #expect(effects == [.startUndoWindow(batch: queued.batch, duration: .seconds(5))])
        #expect(state.inFlight.isEmpty)
        #expect(state.visibleIDs == ["3", "2", "1"])
        #expect(state.status == StatusMessage("Dismissed “Subject 4”."))

        #expect(Reducer.reduce(&state, .undoWindowElapsed(batch: queued.batch)) == [.send(queued.sent)])
        #expect(state.queued.isEmpty && state.inFlight[queued.id] == queued.sent)
        #expect(Reducer.reduce(&state, .undoWindowElapsed(batch: queued.batch)) == [])
    }

    @Test func undoPutsTheWholeBatchBackAndSendsNothing() throws {
        var state = loaded()
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(state.visibleIDs == ["4", "1"])
        #expect(state.tab(.unresolved).totalCount == 2)
        let batch = try #require(state.queued.values.first?.batch)

        #expect(Reducer.reduce(&state, .commandIssued(.undo)).sansJournal == [.cancelUndoWindow(batch: batch)])
        #expect(state.queued.isEmpty && state.inFlight.isEmpty)
        #expect(state.visibleIDs == ["4", "3", "2", "1"])
        #expect(state.tab(.unresolved).totalCount == 4)
        #expect(state.cursorRow?.id == "3")
        #expect(state.status == StatusMessage("Undone: 2 emails are back in Unresolved.", kind: .success))
    }

    @Test func undoTakesBackOnlyTheLatestBatch() throws {
        var state = loaded()
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        _ = Reducer.reduce(&state, .commandIssued(.delete))
        _ = Reducer.reduce(&state, .commandIssued(.confirmYes))
        #expect(state.queued.count == 2)
        _ = Reducer.reduce(&state, .commandIssued(.undo))
        #expect(state.queued.count == 1)
        #expect(state.queued.values.first?.kind == .dismiss)
        #expect(state.status == StatusMessage("Undone: “Subject 3” is back in Unresolved.", kind: .success))
    }

    @Test func nothingToUndoOnceSent() {
        var state = loaded()
        state.undoWindow = .zero
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(Reducer.reduce(&state, .commandIssued(.undo)) == [])
        #expect(state.inFlight.count == 1)
        #expect(state.status == StatusMessage("Nothing to undo: actions already sent to Productive cannot be taken back.", kind: .error))
    }

    @Test func quittingSendsWhatWaitsAndStaysForTheAnswers() throws {
        var state = loaded()
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        let queued = try #require(state.queued.values.first)
        #expect(Reducer.reduce(&state, .commandIssued(.quit)) == [.send(queued.sent)])
        #expect(state.status?.text == "Quitting when Productive confirms “\(queued.email.displaySubject)”.")
        #expect(Reducer.reduce(&state, .triageAnswered(actionID: queued.id, .success(nil))).sansJournal == [.exit])
    }

    @Test func pagesArrivingDuringTheWindowDoNotBringTheEmailBack() {
        var state = loaded()
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        _ = Reducer.reduce(&state, .commandIssued(.refresh))
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 2, Fixture.page(Fixture.emails(1...4))))
        #expect(state.visibleIDs == ["3", "2", "1"])
    }
}
