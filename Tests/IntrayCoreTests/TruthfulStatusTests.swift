import Foundation
import Testing
@testable import IntrayCore

/// What the status bar and questions say matches what is so (issue 12).
@Suite struct TruthfulStatusTests {
    @Test func theNextKeyMovesOnFromAMessageSoItNeverContradictsTheScreen() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        _ = Reducer.reduce(&state, .commandIssued(.clearSelection))
        #expect(state.status?.text == "Selection cleared.")
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        #expect(state.status == nil)
        #expect(state.selection.count == 1)
        #expect(state.history.last?.text == "Selection cleared.")
    }

    @Test func aCancelledSearchTakesItsCountWithIt() throws {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("zzzqqq"))
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        let tag = try #require(state.search.bodies?.tag)
        _ = Reducer.reduce(&state, .bodySearchEnded(tag: tag, error: nil))
        #expect(state.status?.text == "0 emails match “zzzqqq” in sender, subject or body.")
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .commandIssued(.promptCancel))
        #expect(state.status == nil && state.search.text.isEmpty)
    }

    @Test func theDeleteQuestionSaysHowLongItCanBeUndone() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        state.undoWindow = .seconds(5)
        _ = Reducer.reduce(&state, .commandIssued(.delete))
        #expect(state.confirmation?.question == "Delete “Subject 2” from Anna for good once sent (5 s to undo)?")
    }

    @Test func resolveInResolvedSaysTheEmailIsAlreadyLinkedAndSendsNothing() throws {
        var state = Fixture.loaded(Fixture.emails(1...1))
        _ = Reducer.reduce(&state, .dealsLoaded([Deal(id: "386", name: "Globex rollout", number: "D-12")]))
        _ = Reducer.reduce(&state, .commandIssued(.showResolved))
        let generation = state.tab(.resolved).generation
        _ = Reducer.reduce(&state, .pageLoaded(.resolved, generation: generation, Fixture.page([Fixture.email(7, from: "bob@globex.example", linkedID: "386")])))
        let effects = Reducer.reduce(&state, .commandIssued(.resolve))
        #expect(effects.sansJournal.allSatisfy { if case .send = $0 { false } else { true } })
        #expect(state.queued.isEmpty && state.inFlight.isEmpty && state.outbox.isEmpty)
        #expect(state.visibleIDs == ["7"])
        #expect(state.status == StatusMessage("Already linked to Globex rollout (D-12): nothing to resolve.", kind: .error))
    }

    @Test func aSubjectEndingASentenceGetsNoSecondPeriod() {
        #expect(Reducer.sentence("Dismissed “Invoice due 31.12.2026.”") == "Dismissed “Invoice due 31.12.2026.”")
        #expect(Reducer.sentence("Dismissed “Are you there?”") == "Dismissed “Are you there?”")
        #expect(Reducer.sentence("Dismissed “Invoice”") == "Dismissed “Invoice”.")
        #expect(Reducer.sentence("Dismissed 3 emails") == "Dismissed 3 emails.")

        var state = Fixture.loaded([Fixture.email(1, subject: "Paid on 31.12.2026.")])
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(state.status?.text == "Dismissing “Paid on 31.12.2026.”…")
        _ = Reducer.reduce(&state, .triageAnswered(actionID: state.inFlight.keys.first!, .success(nil)))
        #expect(state.status?.text == "Dismissed “Paid on 31.12.2026.”")
    }

    @Test func aRefusedTokenBeforeAnyAnswerEndsTheAppWithItsReason() {
        var state = AppState()
        _ = Reducer.reduce(&state, .appStarted)
        let refused = APIError(.unauthorized, message: "Productive refused the API token (401).")
        #expect(Reducer.reduce(&state, .pageFailed(.unresolved, generation: 1, refused)) == [.exit])
        #expect(state.startFailure == refused)
    }

    @Test func anUnreachableServerBeforeAnyAnswerEndsTheAppToo() {
        var state = AppState()
        _ = Reducer.reduce(&state, .appStarted)
        let down = APIError(.connectionFailed, message: "Could not reach Productive.")
        #expect(Reducer.reduce(&state, .pageFailed(.unresolved, generation: 1, down)) == [.exit])
        #expect(state.startFailure == down)
    }

    @Test func aFailureAfterTheServerAnsweredStaysInTheAppAndNamesTheRetryKey() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.refresh))
        let generation = state.tab(.unresolved).generation
        let down = APIError(.connectionFailed, message: "Could not reach Productive.")
        #expect(Reducer.reduce(&state, .pageFailed(.unresolved, generation: generation, down)) == [])
        #expect(state.startFailure == nil)
        #expect(state.status == StatusMessage("Could not load unresolved emails: Could not reach Productive.", kind: .error, hint: .init(.refresh, "to retry")))
    }

    @Test func aFailedBackgroundTabDoesNotOfferTheRetryKeyOfTheTabShown() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        let generation = state.tab(.resolved).generation
        _ = Reducer.reduce(&state, .pageFailed(.resolved, generation: generation, APIError(.server(status: 502), message: "Productive had a problem (502).")))
        #expect(state.status?.hint == nil)
    }

    @Test func aTerminalTooSmallTakesNoKeyButQuit() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .terminalResized(columns: 20, rows: 5))
        #expect(Reducer.reduce(&state, .commandIssued(.dismiss)) == [])
        #expect(state.visibleIDs == ["2", "1"] && state.queued.isEmpty && state.inFlight.isEmpty)
        #expect(Reducer.reduce(&state, .commandIssued(.quit)) == [.exit])
    }

    @Test func helpScrollsBothWaysAndStopsAtItsEnd() {
        var state = Fixture.loaded(Fixture.emails(1...2), rows: 24)
        _ = Reducer.reduce(&state, .commandIssued(.help))
        _ = Reducer.reduce(&state, .overlayLaidOut(lineCount: 100))
        let end = 100 - state.overlayHeight
        _ = Reducer.reduce(&state, .commandIssued(.cursorBottom))
        #expect(state.overlay?.content == .help && state.overlay?.scroll == end)
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(state.overlay?.scroll == end)
        _ = Reducer.reduce(&state, .commandIssued(.scrollUp))
        #expect(state.overlay?.scroll == end - 1)
        _ = Reducer.reduce(&state, .commandIssued(.cursorTop))
        #expect(state.overlay?.scroll == 0)
        _ = Reducer.reduce(&state, .commandIssued(.scrollBottom))
        #expect(state.overlay?.scroll == end)
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(state.overlay == nil && state.queued.isEmpty && state.inFlight.isEmpty)
    }
}

/// A command that cannot run now says why, in one sentence (issue 12, as lazygit's bindings).
@Suite struct UnavailableCommandTests {
    @Test func withNoEmailTheTriageKeysSayThereIsNone() {
        var state = Fixture.loaded([])
        for (command, sentence) in [(Command.resolve, "No email to resolve."), (.attach, "No email to attach."), (.dismiss, "No email to dismiss."), (.delete, "No email to delete.")] {
            #expect(Reducer.unavailable(command, in: state) == sentence)
            #expect(Reducer.reduce(&state, .commandIssued(command)) == [])
            #expect(state.status == StatusMessage(sentence, kind: .error))
        }
    }

    @Test func undoWithNothingWaitingSaysSentActionsCannotBeTakenBack() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        #expect(Reducer.unavailable(.undo, in: state) == "Nothing to undo: actions already sent to Productive cannot be taken back.")
        state.undoWindow = .seconds(5)
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(Reducer.unavailable(.undo, in: state) == nil)
    }

    @Test func dismissInDismissedIsAlreadyDone() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.showDismissed))
        _ = Reducer.reduce(&state, .pageLoaded(.dismissed, generation: state.tab(.dismissed).generation, Fixture.page([Fixture.email(7, dismissed: true)])))
        #expect(Reducer.unavailable(.dismiss, in: state) == "Already dismissed.")
        #expect(Reducer.unavailable(.resolve, in: state) == nil)
    }
}

@Suite struct CopyIDTests {
    @Test func copyingSendsTheIdToTheClipboardAndSaysItMayNotArrive() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        #expect(Reducer.reduce(&state, .commandIssued(.copyID)) == [.copyToClipboard("2")])
        #expect(state.status?.text == "Email id 2 sent to the clipboard, if the terminal allows OSC 52.")
    }

    @Test func withNoEmailThereIsNothingToCopy() {
        var state = Fixture.loaded([])
        #expect(Reducer.reduce(&state, .commandIssued(.copyID)) == [])
        #expect(state.status == StatusMessage("No email here.", kind: .error))
    }
}
