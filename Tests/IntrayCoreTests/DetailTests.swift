import Foundation
import Testing
@testable import IntrayCore

/// The list holds compact rows; the detail pane's whole emails come a list page at a time ahead
/// of the cursor (or one by one around it when the list is searched or sorted by sender), and
/// are kept within a bound.
@Suite struct DetailTests {
    @Test func listRowsKeepWhatTheListShowsAndNotTheBody() {
        let state = Fixture.loaded(Fixture.emails(1...3))
        let row = state.tab(.unresolved).rows[0]
        #expect(row == EmailRow(Fixture.email(3)))
        #expect(row.subject == "Subject 3" && row.from?.address == "anna@acme.example")
    }

    @Test func theFirstPageKeepsTheTopEmailsWholeSoTheFirstScreenAsksNothing() {
        var state = Fixture.loaded(Fixture.emails(1...80))
        #expect(state.details.email("80")?.body == "Hello")
        #expect(state.details.loadedCount == Reducer.detailsKeptFromFirstPage)
        #expect(Reducer.reduce(&state, .commandIssued(.cursorDown)) == [])
    }

    @Test func nearingTheEndOfWhatIsKeptAsksForTheNextPageOfTheListingAtOnce() throws {
        var state = Fixture.loaded(Fixture.emails(1...200))
        let size = Reducer.detailPageSize
        var effects: [Effect] = []
        for _ in 0..<(size - Reducer.detailLookahead) { effects += Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let page = ListedPage(status: .unresolved, generation: 1, number: 2, size: size)
        let onPage = (size..<2 * size).map { String(200 - $0) }
        #expect(effects == [.listDetails(page, filter: EmailFilter(), expected: onPage, needed: [], tag: state.details.tag, debounce: .zero)])
        #expect(state.details[onPage[0]] == .loading)

        #expect(Reducer.reduce(&state, .commandIssued(.cursorDown)) == [], "the page under way is not asked again nor replaced")
        _ = Reducer.reduce(&state, .detailsListed(page, tag: state.details.tag, onPage.map { Fixture.email(Int($0)!) }, unanswered: []))
        #expect(state.details.email(onPage[49])?.id == onPage[49])
        while state.cursor < 2 * size - Reducer.detailLookahead - 1 {
            #expect(Reducer.reduce(&state, .commandIssued(.cursorDown)) == [])
        }
        let next = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(next.count == 1 && { if case .listDetails(let page, _, _, _, _, _) = next[0] { page.number == 3 } else { false } }())
    }

    @Test func jumpingOntoAnEmailNotKeptAsksForItsPageOnceTheCursorRests() throws {
        var state = Fixture.loaded(Fixture.emails(1...300))
        let effects = Reducer.reduce(&state, .commandIssued(.cursorBottom))
        #expect(state.cursorRow?.id == "1")
        guard case .listDetails(let page, _, let expected, let needed, _, let debounce) = try #require(effects.first) else {
            Issue.record("expected a page to be asked: \(effects)")
            return
        }
        #expect(page.number == 6 && page.size == Reducer.detailPageSize)
        #expect(expected == (1...50).reversed().map(String.init))
        #expect(needed == ["1", "2"])
        #expect(debounce == Reducer.detailDebounce)
        #expect(state.details["1"] == .loading)
    }

    @Test func aPageThatHasShiftedIsNotAskedAgainAndItsMissingEmailsComeOneByOne() throws {
        var state = Fixture.loaded(Fixture.emails(1...200))
        for _ in 0..<(Reducer.detailPageSize - Reducer.detailLookahead) { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let page = ListedPage(status: .unresolved, generation: 1, number: 2, size: Reducer.detailPageSize)
        // Two emails left the server's listing since ours: its page starts two rows later.
        let answered = (103...152).reversed().map { Fixture.email($0) }
        _ = Reducer.reduce(&state, .detailsListed(page, tag: state.details.tag, answered, unanswered: ["102", "101"]))
        #expect(state.details.loadingIDs.isEmpty && state.details.hasShifted(page))
        #expect(state.details.email("103") != nil && state.details["102"] == nil)

        var effects: [Effect] = []
        while state.cursorRow?.id != "103" { effects += Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        #expect(!effects.contains { if case .listDetails = $0 { true } else { false } })
        #expect(effects.last == .loadDetails(ids: ["102"], tag: state.details.tag, debounce: Reducer.prefetchDebounce))
    }

    @Test func aPageThatFailedLeavesTheCursorsEmailToItsOwnFetch() throws {
        var state = Fixture.loaded(Fixture.emails(1...300))
        _ = Reducer.reduce(&state, .commandIssued(.cursorBottom))
        let tag = state.details.tag
        let page = ListedPage(status: .unresolved, generation: 1, number: 6, size: Reducer.detailPageSize)
        _ = Reducer.reduce(&state, .detailsListed(page, tag: tag, [], unanswered: (3...50).reversed().map(String.init)))
        #expect(state.details["1"] == .loading, "the runner fetches it by id")
        let error = APIError(.timeout, message: "Productive did not answer in time.")
        _ = Reducer.reduce(&state, .detailLoaded(id: "1", tag: tag, .failure(error)))
        #expect(state.details["1"] == .failed(error))
    }

    @Test func searchingOrSortingBySenderFetchesTheCursorsNeighboursOneByOne() throws {
        var state = Fixture.loaded(Fixture.emails(1...100))
        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        #expect(state.current.order == .bySender)
        var effects: [Effect] = []
        while state.cursorRow?.id != "50" { effects += Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        #expect(effects.last == .loadDetails(ids: ["50", "49"], tag: state.details.tag, debounce: Reducer.detailDebounce))
        #expect(state.details["50"] == .loading)

        _ = Reducer.reduce(&state, .detailLoaded(id: "50", tag: state.details.tag, .success(Fixture.email(50))))
        #expect(state.details.email("50")?.id == "50")
    }

    @Test func holdingDownReplacesTheFetchSoOnlyWhereTheCursorStopsIsAsked() throws {
        var state = Fixture.loaded(Fixture.emails(1...100))
        for _ in 0..<2 { _ = Reducer.reduce(&state, .commandIssued(.sortList)) }
        for _ in 0..<(Reducer.detailsKeptFromFirstPage + 1) { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let effects = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(effects == [.loadDetails(ids: ["48", "47", "49"], tag: state.details.tag, debounce: Reducer.detailDebounce)])
        #expect(state.details.loadingIDs == ["48", "47", "49"], "the fetch for 49 was replaced, so only this one's ids are loading")
    }

    @Test func aFailedFetchIsShownAndAskedAgainWhenTheCursorComesBack() throws {
        var state = Fixture.loaded(Fixture.emails(1...100))
        for _ in 0..<2 { _ = Reducer.reduce(&state, .commandIssued(.sortList)) }
        while state.cursorRow?.id != "50" { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let tag = state.details.tag
        let error = APIError(.timeout, message: "Productive did not answer in time.")
        _ = Reducer.reduce(&state, .detailLoaded(id: "50", tag: tag, .failure(error)))
        #expect(state.details["50"] == .failed(error))
        _ = Reducer.reduce(&state, .commandIssued(.cursorUp))
        let effects = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(effects.contains { if case .loadDetails(let ids, _, _) = $0 { ids.contains("50") } else { false } })
    }

    @Test func withBodiesKeptOnDiskEachEmailShownIsHandedOverOnce() {
        var state = Fixture.loaded(Fixture.emails(1...10))
        #expect(Reducer.reduce(&state, .commandIssued(.cursorDown)) == [], "nothing is kept on disk unless the user said so")

        state.keepsShownEmails = true
        #expect(Reducer.reduce(&state, .commandIssued(.cursorDown)) == [.keepEmail(Fixture.email(8))])
        _ = Reducer.reduce(&state, .commandIssued(.cursorUp))
        #expect(Reducer.reduce(&state, .commandIssued(.cursorDown)) == [], "8 was kept already")
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
