import Foundation
import Testing
@testable import IntrayCore

@Suite struct TriageTests {
    @Test func dismissTakesTheEmailOutAtOnceAndSendsIt() throws {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .tabPeeked(.dismissed, Fixture.page([], totalCount: 0)))
        let effects = Reducer.reduce(&state, .commandIssued(.dismiss)).sansJournal
        let action = try #require(state.inFlight.values.first)
        #expect(effects == [.send(action)])
        #expect(action.kind == .dismiss && action.email.id == "3" && action.from == .unresolved)
        #expect(state.visibleIDs == ["2", "1"])
        #expect(state.cursorRow?.id == "2")
        #expect(state.tab(.unresolved).totalCount == 2)
        #expect(state.tab(.dismissed).totalCount == 1)
        #expect(state.status == StatusMessage("Dismissing “Subject 3”…"))

        var answered = Fixture.email(3)
        answered.dismissedAt = Fixture.base
        _ = Reducer.reduce(&state, .triageAnswered(actionID: state.onlyInFlightID, .success(answered)))
        #expect(state.inFlight.isEmpty)
        #expect(state.tab(.dismissed).rows.isEmpty, "Dismissed is listed when first shown, not filled by answers")
        #expect(state.tab(.dismissed).totalCount == 1)
        #expect(state.status == StatusMessage("Dismissed “Subject 3”.", kind: .success))
    }

    @Test func aRefusedActionPutsTheEmailBackWhereItWasWithTheServersReason() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(state.visibleIDs == ["3", "1"])
        let error = APIError(.invalid(detail: "can't be blank", pointer: "data/attributes/deal"), message: "Productive refused it: deal can't be blank.")
        _ = Reducer.reduce(&state, .triageAnswered(actionID: state.onlyInFlightID, .failure(error)))
        #expect(state.visibleIDs == ["3", "2", "1"])
        #expect(state.tab(.unresolved).totalCount == 3)
        #expect(state.status == StatusMessage("Could not dismiss “Subject 2”: Productive refused it: deal can't be blank. It is back in Unresolved.", kind: .error))
    }

    @Test func aLateAnswerForAnEmailNoLongerShownStillLandsInItsTab() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.showDismissed))
        _ = Reducer.reduce(&state, .pageLoaded(.dismissed, generation: 1, Fixture.page([], totalCount: 0)))
        _ = Reducer.reduce(&state, .commandIssued(.showUnresolved))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        _ = Reducer.reduce(&state, .commandIssued(.showResolved))
        var answered = Fixture.email(3)
        answered.dismissedAt = Fixture.base
        let id = state.onlyInFlightID
        _ = Reducer.reduce(&state, .triageAnswered(actionID: id, .success(answered)))
        #expect(state.tab(.dismissed).contains("3"))
        #expect(state.visible.isEmpty)
        #expect(Reducer.reduce(&state, .triageAnswered(actionID: id, .success(answered))) == [])
    }

    @Test func deleteAsksFirstNamingTheEmail() throws {
        var state = Fixture.loaded(Fixture.emails(1...2))
        #expect(Reducer.reduce(&state, .commandIssued(.delete)) == [])
        #expect(state.confirmation?.question == "Delete “Subject 2” from Anna for good? It cannot be undone.")
        #expect(Reducer.keyContext(of: state) == .confirm)
        _ = Reducer.reduce(&state, .commandIssued(.confirmNo))
        #expect(state.confirmation == nil && state.visibleIDs == ["2", "1"])
        #expect(state.status == StatusMessage("Nothing deleted."))

        _ = Reducer.reduce(&state, .commandIssued(.delete))
        let effects = Reducer.reduce(&state, .commandIssued(.confirmYes)).sansJournal
        let action = try #require(state.inFlight.values.first)
        #expect(effects == [.send(action)] && action.kind == .delete)
        #expect(state.visibleIDs == ["1"])
        _ = Reducer.reduce(&state, .triageAnswered(actionID: action.id, .success(nil)))
        #expect(state.status == StatusMessage("Deleted “Subject 2”.", kind: .success))
        #expect(state.tab(.unresolved).totalCount == 1)
    }

    @Test func deletingAnEmailTheServerNoLongerHasCountsAsDone() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.delete))
        _ = Reducer.reduce(&state, .commandIssued(.confirmYes))
        _ = Reducer.reduce(&state, .triageAnswered(actionID: state.onlyInFlightID, .failure(APIError(.notFound, message: "Not found."))))
        #expect(state.visibleIDs == ["1"])
        #expect(state.status?.kind == .success)
    }

    @Test func selectionActsInBulkAndClears() {
        var state = Fixture.loaded(Fixture.emails(1...4))
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        #expect(state.selection == ["4", "2"])
        #expect(state.cursorRow?.id == "1")
        let effects = Reducer.reduce(&state, .commandIssued(.dismiss)).sansJournal
        #expect(effects.count == 2)
        #expect(state.selection.isEmpty)
        #expect(state.visibleIDs == ["3", "1"])
        #expect(state.status == StatusMessage("Dismissing 2 emails…"))
    }

    @Test func resolveAttachesToTheDealLastUsedForTheSender() throws {
        var state = Fixture.loaded([Fixture.email(5, from: "bob@globex.example")])
        _ = Reducer.reduce(&state, .dealsLoaded([Deal(id: "386", name: "Globex rollout", number: "D-12")]))
        _ = Reducer.reduce(&state, .tabPeeked(.resolved, Fixture.page([
            Fixture.email(1, from: "bob@globex.example", linkedID: "200"),
            Fixture.email(2, from: "bob@globex.example", linkedID: "386"),
        ])))
        let effects = Reducer.reduce(&state, .commandIssued(.resolve)).sansJournal
        let action = try #require(state.inFlight.values.first)
        #expect(effects == [.send(action)])
        #expect(action.kind == .attach(Deal(id: "386", name: "Globex rollout", number: "D-12")))
        #expect(state.status == StatusMessage("Attaching “Subject 5” to Globex rollout (D-12)…"))
    }

    @Test func resolveWithoutSuggestionOpensThePicker() {
        var state = Fixture.loaded([Fixture.email(5, from: "new@unknown.example")])
        let effects = Reducer.reduce(&state, .commandIssued(.resolve))
        #expect(state.picker?.emailIDs == ["5"])
        #expect(effects == [.searchDeals(query: "", tag: state.picker!.searchTag, debounce: .zero)])
        #expect(state.status == StatusMessage("No deal used before for this sender: pick one."))
    }

    @Test func quittingWaitsForActionsInFlight() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(Reducer.reduce(&state, .commandIssued(.quit)) == [])
        #expect(state.status == StatusMessage("Quitting when Productive confirms “Subject 2”.", hint: .init(.quit, "again to quit now")))
        #expect(Reducer.reduce(&state, .triageAnswered(actionID: state.onlyInFlightID, .success(nil))).sansJournal == [.exit])
    }

    @Test func quittingAgainLeavesAtOnceWithTheUnconfirmedStillKnown() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(state.inFlight.count == 2)
        #expect(Reducer.reduce(&state, .commandIssued(.quit)) == [])
        #expect(state.status?.text == "Quitting when Productive confirms “Subject 3” and 1 more.")
        #expect(Reducer.reduce(&state, .commandIssued(.quit)) == [.exit])
        #expect(state.unconfirmed.map(\.email.id) == ["3", "2"])
    }

    @Test func aSecondTerminationSignalAlsoLeavesAtOnce() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(Reducer.reduce(&state, .terminationRequested) == [])
        #expect(Reducer.reduce(&state, .terminationRequested) == [.exit])
    }

    @Test func quittingWithNothingPendingExitsAtOnce() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        #expect(Reducer.reduce(&state, .commandIssued(.quit)) == [.exit])
        var other = Fixture.loaded(Fixture.emails(1...2))
        #expect(Reducer.reduce(&other, .terminationRequested) == [.exit])
    }

    @Test func pagesArrivingAfterAnOptimisticMoveDoNotBringTheEmailBack() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        _ = Reducer.reduce(&state, .commandIssued(.refresh))
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 2, Fixture.page(Fixture.emails(1...3))))
        #expect(state.visibleIDs == ["2", "1"])
        #expect(state.tab(.unresolved).totalCount == 2)
    }
}

extension AppState {
    /// The id of the one action in flight (tests that send exactly one).
    var onlyInFlightID: Int { inFlight.keys.first ?? -1 }
}
