import Foundation
import Testing
@testable import IntrayCore

@Suite struct NavigationTests {
    @Test func cursorStaysVisibleWhileScrolling() {
        var state = Fixture.loaded(Fixture.emails(1...100), columns: 120, rows: 40)
        let height = state.listHeight
        for _ in 0..<height { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        #expect(state.cursor == height)
        #expect(state.listTop == 1)
        _ = Reducer.reduce(&state, .commandIssued(.cursorBottom))
        #expect(state.cursor == 99 && state.listTop == 100 - height)
        _ = Reducer.reduce(&state, .commandIssued(.pageUp))
        #expect(state.cursor == 99 - height && state.listTop == state.cursor)
        _ = Reducer.reduce(&state, .commandIssued(.cursorTop))
        #expect(state.cursor == 0 && state.listTop == 0)
        _ = Reducer.reduce(&state, .commandIssued(.cursorUp))
        #expect(state.cursor == 0)
    }

    @Test func searchNarrowsTheListAsYouTypeAndEscClearsIt() {
        var emails = Fixture.emails(1...4)
        emails[0].subject = "Angebot für Müller"
        emails[2].body = "The invoice is attached"
        var state = Fixture.loaded(emails)
        _ = Reducer.reduce(&state, .commandIssued(.search))
        #expect(Reducer.keyContext(of: state) == .prompt)
        _ = Reducer.reduce(&state, .textTyped("m"))
        _ = Reducer.reduce(&state, .textTyped("uller"))
        #expect(state.visibleIDs == ["4"])
        _ = Reducer.reduce(&state, .commandIssued(.promptDeleteBackward))
        #expect(state.search.text == "mulle")
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        #expect(Reducer.keyContext(of: state) == .list)
        #expect(state.status == StatusMessage("1 email matches “mulle”."))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .commandIssued(.promptCancel))
        #expect(state.visibleIDs == ["4", "3", "2", "1"])
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("INVOICE"))
        #expect(state.visibleIDs == ["2"])
    }

    @Test func detailFocusScrollsTheBodyAndStopsAtTheEnd() {
        var state = Fixture.loaded(Fixture.emails(1...3), columns: 120, rows: 40)
        _ = Reducer.reduce(&state, .commandIssued(.focusDetail))
        #expect(Reducer.keyContext(of: state) == .detail)
        _ = Reducer.reduce(&state, .detailLaidOut(emailID: "3", lineCount: 100))
        _ = Reducer.reduce(&state, .commandIssued(.scrollDown))
        #expect(state.detailScroll == 1)
        _ = Reducer.reduce(&state, .commandIssued(.scrollBottom))
        #expect(state.detailScroll == 100 - state.detailBodyHeight)
        _ = Reducer.reduce(&state, .commandIssued(.scrollPageDown))
        #expect(state.detailScroll == 100 - state.detailBodyHeight)
        _ = Reducer.reduce(&state, .commandIssued(.focusList))
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(state.detailScroll == 0)
    }

    @Test func layoutIsSideBySideFromOneHundredSixtyColumnsAndToggles() {
        var state = Fixture.loaded(Fixture.emails(1...3), columns: 160, rows: 40)
        #expect(state.layout.isSideBySide)
        _ = Reducer.reduce(&state, .commandIssued(.toggleLayout))
        #expect(!state.layout.isSideBySide)
        _ = Reducer.reduce(&state, .terminalResized(columns: 100, rows: 30))
        _ = Reducer.reduce(&state, .commandIssued(.toggleLayout))
        #expect(state.layout.isSideBySide)
        _ = Reducer.reduce(&state, .terminalResized(columns: 79, rows: 30))
        #expect(state.layout.isTooSmall)
    }

    @Test func helpOpensScrollsAndClosesOnAnyOtherCommand() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.help))
        #expect(state.isHelpShown)
        _ = Reducer.reduce(&state, .commandIssued(.scrollDown))
        #expect(state.helpScroll == 1)
        #expect(Reducer.reduce(&state, .commandIssued(.quit)) == [])
        #expect(!state.isHelpShown)
    }

    @Test func unboundKeysAreReported() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .keySequencePending("g…"))
        #expect(state.pendingKeys == "g…")
        _ = Reducer.reduce(&state, .keyUnbound("g x"))
        #expect(state.pendingKeys == nil)
        #expect(state.status == StatusMessage("g x is not bound here: press ? for help.", kind: .error))
    }
}
