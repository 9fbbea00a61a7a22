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
        emails[2].from = Person(name: "Invoice robot", address: "billing@globex.example")
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
        #expect(state.status == StatusMessage("1 email matches “mulle” by sender or subject; searching the bodies…"))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .commandIssued(.promptCancel))
        #expect(state.visibleIDs == ["4", "3", "2", "1"])
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("INVOICE"))
        #expect(state.visibleIDs == ["2"])
    }

    @Test func aKeptSearchOnAnotherTabCountsWhatThatTabShows() {
        var state = Fixture.loaded(Fixture.emails(1...4))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("subject"))
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        _ = Reducer.reduce(&state, .pageLoaded(.resolved, generation: 0, Fixture.page([Fixture.email(9, linkedID: "1")])))
        _ = Reducer.reduce(&state, .commandIssued(.showResolved))
        let generation = state.tab(.resolved).generation
        _ = Reducer.reduce(&state, .pageLoaded(.resolved, generation: generation, Fixture.page([Fixture.email(9, linkedID: "1")])))
        _ = Reducer.reduce(&state, .commandIssued(.showUnresolved))
        #expect(state.status == StatusMessage("4 emails match “subject” by sender or subject; searching the bodies…"))
        _ = Reducer.reduce(&state, .commandIssued(.showResolved))
        #expect(state.status == StatusMessage("1 email matches “subject” by sender or subject; searching the bodies…"))
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
        #expect(state.overlay?.content == .help)
        _ = Reducer.reduce(&state, .commandIssued(.scrollDown))
        #expect(state.overlay?.scroll == 1)
        #expect(Reducer.reduce(&state, .commandIssued(.quit)) == [])
        #expect(state.overlay == nil)
    }

    @Test func unboundKeysAreReported() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .keySequencePending("g…"))
        #expect(state.pendingKeys == "g…")
        _ = Reducer.reduce(&state, .keyUnbound("g x"))
        #expect(state.pendingKeys == nil)
        #expect(state.status == StatusMessage("g x is not bound here.", kind: .error, hint: .init(.help, "for help")))
    }
}

/// `/` narrows by sender and subject while typing; Enter searches the bodies on the server,
/// whose matches join the list as pages are read.
@Suite struct BodySearchTests {
    @Test func enterSearchesTheBodiesOfTheShownTabAndMatchesJoinTheList() throws {
        var state = Fixture.loaded(Fixture.emails(1...4))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("invoice"))
        #expect(state.visibleIDs == [])
        let effects = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        let tag = try #require(state.search.bodies?.tag)
        #expect(effects == [.searchBodies(.unresolved, text: "invoice", tag: tag)])
        #expect(state.isLoadingAnything)

        _ = Reducer.reduce(&state, .bodiesSearched(tag: tag, matches: ["3"], pagesRead: 1, totalPages: 2))
        #expect(state.visibleIDs == ["3"])
        _ = Reducer.reduce(&state, .bodiesSearched(tag: tag + 1, matches: ["4"], pagesRead: 1, totalPages: 1))
        #expect(state.visibleIDs == ["3"], "an answer for another search is ignored")
        _ = Reducer.reduce(&state, .bodiesSearched(tag: tag, matches: ["1"], pagesRead: 2, totalPages: 2))
        _ = Reducer.reduce(&state, .bodySearchEnded(tag: tag, error: nil))
        #expect(state.visibleIDs == ["3", "1"])
        #expect(!state.isLoadingAnything)
        #expect(state.status == StatusMessage("2 emails match “invoice” in sender, subject or body."))
    }

    @Test func changingTheTextStopsTheBodySearchAndItsLateAnswersAreIgnored() throws {
        var state = Fixture.loaded(Fixture.emails(1...4))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("invoice"))
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        let tag = try #require(state.search.bodies?.tag)
        _ = Reducer.reduce(&state, .commandIssued(.search))
        #expect(Reducer.reduce(&state, .textTyped("s")).contains(.cancelBodySearch))
        #expect(state.search.bodies == nil)
        _ = Reducer.reduce(&state, .bodiesSearched(tag: tag, matches: ["3"], pagesRead: 1, totalPages: 1))
        #expect(state.visibleIDs == [])
    }

    @Test func aFailedBodySearchSaysSoAndKeepsTheSenderAndSubjectMatches() throws {
        var state = Fixture.loaded(Fixture.emails(1...4))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("Subject 2"))
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        let tag = try #require(state.search.bodies?.tag)
        let error = APIError(.server(status: 502), message: "Productive had a problem (502).")
        _ = Reducer.reduce(&state, .bodySearchEnded(tag: tag, error: error))
        #expect(state.visibleIDs == ["2"])
        #expect(state.status == StatusMessage("Could not search the bodies: Productive had a problem (502). Sender and subject matches are shown.", kind: .error))
    }

    @Test func showingAnotherTabSearchesItsBodiesInstead() throws {
        var state = Fixture.loaded(Fixture.emails(1...4))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("invoice"))
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        let effects = Reducer.reduce(&state, .commandIssued(.showDismissed))
        let tag = try #require(state.search.bodies?.tag)
        #expect(effects.contains(.cancelBodySearch))
        #expect(effects.contains(.searchBodies(.dismissed, text: "invoice", tag: tag)))
    }
}

@Suite struct NarrowingSearchTests {
    @Test func typingAtTheEndTestsOnlyTheRowsShownAndGivesWhatAWholeSearchWould() {
        var emails = Fixture.emails(1...6)
        emails[1].subject = "Müller invoice"
        emails[4].subject = "Mulled wine"
        var state = Fixture.loaded(emails)
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("mul"))
        #expect(state.visibleIDs == ["5", "2"])
        _ = Reducer.reduce(&state, .textTyped("l"))
        #expect(state.visibleIDs == ["5", "2"])
        _ = Reducer.reduce(&state, .textTyped("er"))
        #expect(state.visibleIDs == ["5"])
        _ = Reducer.reduce(&state, .commandIssued(.promptDeleteBackward))
        #expect(state.visibleIDs == ["5", "2"], "deleting widens again from the whole tab")
    }
}
