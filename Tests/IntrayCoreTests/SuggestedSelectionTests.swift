import Foundation
import Testing
@testable import IntrayCore

/// Selecting the emails resolve would attach without asking (issue 12's most missed comfort).
@Suite struct SuggestedSelectionTests {
    static func state() -> AppState {
        var state = Fixture.loaded([
            Fixture.email(3, from: "bob@globex.example"),
            Fixture.email(2, from: "new@unknown.example"),
            Fixture.email(1, from: "carol@globex.example"),
        ])
        _ = Reducer.reduce(&state, .tabPeeked(.resolved, Fixture.page([Fixture.email(9, from: "bob@globex.example", linkedID: "386")])))
        return state
    }

    @Test func selectsEveryListedEmailWhoseSenderOrDomainHasADeal() {
        var state = Self.state()
        _ = Reducer.reduce(&state, .commandIssued(.selectSuggested))
        #expect(state.selection == ["3", "1"])
        #expect(state.status == StatusMessage("Selected 2 emails with a suggested deal."))
    }

    @Test func thenOneResolveAttachesThemAllWithoutAPicker() {
        var state = Self.state()
        _ = Reducer.reduce(&state, .commandIssued(.selectSuggested))
        _ = Reducer.reduce(&state, .commandIssued(.resolve))
        #expect(state.picker == nil)
        #expect(state.inFlight.values.map(\.email.id).sorted() == ["1", "3"])
        #expect(state.visibleIDs == ["2"])
    }

    @Test func withNoSuggestionItSaysSoAndSelectsNothing() {
        var state = Fixture.loaded([Fixture.email(2, from: "new@unknown.example")])
        _ = Reducer.reduce(&state, .commandIssued(.selectSuggested))
        #expect(state.selection.isEmpty)
        #expect(state.status == StatusMessage("No email listed here has a suggested deal.", kind: .error))
    }

    @Test func anEmailAlreadyLinkedToItsSuggestionIsNotSelected() {
        var state = Self.state()
        _ = Reducer.reduce(&state, .commandIssued(.showResolved))
        _ = Reducer.reduce(&state, .pageLoaded(.resolved, generation: state.tab(.resolved).generation, Fixture.page([Fixture.email(9, from: "bob@globex.example", linkedID: "386")])))
        _ = Reducer.reduce(&state, .commandIssued(.selectSuggested))
        #expect(state.selection.isEmpty)
    }
}

/// Selecting by a typed pattern, and inverting the selection, like mutt's tag-pattern.
@Suite struct PatternSelectionTests {
    static func state() -> AppState {
        Fixture.loaded([
            Fixture.email(3, subject: "Invoice March", from: "bob@globex.example"),
            Fixture.email(2, subject: "Quote", from: "new@unknown.example"),
            Fixture.email(1, subject: "Invoice April", from: "carol@initech.example"),
        ])
    }

    @Test func typingCountsTheMatchesAndEnterAddsThemToTheSelection() {
        var state = Self.state()
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        _ = Reducer.reduce(&state, .commandIssued(.selectByPattern))
        #expect(Reducer.keyContext(of: state) == .prompt)
        _ = Reducer.reduce(&state, .textTyped("invoice"))
        #expect(state.selectionPattern == SelectionPattern(text: "invoice", matchCount: 2))
        _ = Reducer.reduce(&state, .commandIssued(.promptDeleteBackward))
        #expect(state.selectionPattern?.text == "invoic")
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        #expect(state.selectionPattern == nil)
        #expect(state.selection == ["3", "1"])
        #expect(state.status == StatusMessage("Selected 1 more email matching “invoic”; 2 selected."))
    }

    @Test func cancellingSelectsNothing() {
        var state = Self.state()
        _ = Reducer.reduce(&state, .commandIssued(.selectByPattern))
        _ = Reducer.reduce(&state, .textTyped("quote"))
        _ = Reducer.reduce(&state, .commandIssued(.promptCancel))
        #expect(state.selectionPattern == nil && state.selection.isEmpty)
    }

    @Test func invertingSelectsWhatWasNotSelected() {
        var state = Self.state()
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        _ = Reducer.reduce(&state, .commandIssued(.invertSelection))
        #expect(state.selection == ["2", "1"])
        #expect(state.status?.text == "Selected 2 emails: the ones that were not.")
        _ = Reducer.reduce(&state, .commandIssued(.invertSelection))
        #expect(state.selection == ["3"] && state.status?.text == "Selected 1 email: the one that was not.")
    }
}
