import Foundation
import Testing
@testable import IntrayCore

/// The list holds compact rows; the detail pane's whole email is fetched for the row under
/// the cursor and its neighbours, and kept within a bound.
@Suite struct DetailTests {
    @Test func listRowsKeepWhatTheListShowsAndNotTheBody() {
        let state = Fixture.loaded(Fixture.emails(1...3))
        let row = state.tab(.unresolved).rows[0]
        #expect(row == EmailRow(Fixture.email(3)))
        #expect(row.subject == "Subject 3" && row.from?.address == "anna@acme.example")
    }

    @Test func theFirstPageKeepsTheTopEmailsWholeSoTheFirstScreenAsksNothing() {
        var state = Fixture.loaded(Fixture.emails(1...10))
        #expect(state.details.email("10")?.body == "Hello")
        #expect(state.details.loadedCount == Reducer.detailsKeptFromFirstPage)
        #expect(Reducer.reduce(&state, .commandIssued(.cursorDown)) == [])
    }

    @Test func movingOntoAnEmailNotKeptFetchesItAndItsNeighbours() throws {
        var state = Fixture.loaded(Fixture.emails(1...10))
        for _ in 0..<3 { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let effects = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(state.cursorRow?.id == "6")
        let tag = state.details.tag
        #expect(effects == [.loadDetails(ids: ["6", "5"], tag: tag, debounce: Reducer.detailDebounce)])
        #expect(state.details["6"] == .loading)

        _ = Reducer.reduce(&state, .detailLoaded(id: "6", tag: tag, .success(Fixture.email(6))))
        #expect(state.details.email("6")?.id == "6")
    }

    @Test func holdingDownReplacesTheFetchSoOnlyWhereTheCursorStopsIsAsked() throws {
        var state = Fixture.loaded(Fixture.emails(1...20))
        for _ in 0..<4 { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let effects = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(effects == [.loadDetails(ids: ["15", "14", "16"], tag: state.details.tag, debounce: Reducer.detailDebounce)])
        #expect(state.details.loadingIDs == ["15", "14", "16"], "the fetch for 16 was replaced, so only this one's ids are loading")
    }

    @Test func aFailedFetchIsShownAndAskedAgainWhenTheCursorComesBack() throws {
        var state = Fixture.loaded(Fixture.emails(1...10))
        for _ in 0..<4 { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let tag = state.details.tag
        let error = APIError(.timeout, message: "Productive did not answer in time.")
        _ = Reducer.reduce(&state, .detailLoaded(id: "6", tag: tag, .failure(error)))
        #expect(state.details["6"] == .failed(error))
        _ = Reducer.reduce(&state, .commandIssued(.cursorUp))
        let effects = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(effects.contains { if case .loadDetails(let ids, _, _) = $0 { ids.contains("6") } else { false } })
    }

    @Test func aFailureFromAReplacedFetchIsDropped() {
        var details = EmailDetails()
        let old = details.startFetch(["1"])
        _ = details.startFetch(["2"])
        details.fail("1", APIError(.timeout, message: "late"), tag: old)
        #expect(details["1"] == nil)
    }

    @Test func keptEmailsAreBoundedAndTheLeastRecentlyShownGoFirst() {
        var details = EmailDetails()
        for id in 0..<(EmailDetails.capacity + 10) { details.store(Fixture.email(id)) }
        #expect(details.loadedCount == EmailDetails.capacity)
        #expect(details.email("0") == nil)
        details.touch("10")
        details.store(Fixture.email(1000))
        #expect(details.email("10") != nil && details.email("11") == nil)
    }
}
