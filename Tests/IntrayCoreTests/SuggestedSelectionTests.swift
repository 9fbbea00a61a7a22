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
