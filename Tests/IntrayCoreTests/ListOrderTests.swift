import Foundation
import Testing
@testable import IntrayCore

/// Sorting the list: newest first as the server sends, oldest first, or by sender; kept for
/// the session, and rows listed later join in the chosen order.
@Suite struct ListOrderTests {
    static let people = [(1, "Dora"), (2, "Čedo"), (3, "cecilia"), (4, "Dora"), (5, "Ana")]

    static func loaded() -> AppState {
        Fixture.loaded(people.reversed().map { Fixture.email($0.0, from: "\($0.1.lowercased())@x.example", name: $0.1) })
    }

    @Test func theSortKeyTurnsThroughTheOrdersAndKeepsTheCursorOnItsEmail() {
        var state = Self.loaded()
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(state.cursorRow?.id == "4")

        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        #expect(state.listOrder == .oldestFirst)
        #expect(state.visibleIDs == ["1", "2", "3", "4", "5"])
        #expect(state.cursorRow?.id == "4")
        #expect(state.status == StatusMessage("Sorted oldest first."))

        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        #expect(state.visibleIDs == ["5", "3", "2", "4", "1"], "Ana, cecilia, Čedo, then Dora newest first: case and accents are ignored")
        #expect(state.cursorRow?.id == "4")

        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        #expect(state.listOrder == .newestFirst)
        #expect(state.visibleIDs == ["5", "4", "3", "2", "1"])
    }

    @Test func pagesListedAfterSortingJoinInOrder() {
        var state = AppState()
        _ = Reducer.reduce(&state, .terminalResized(columns: 120, rows: 40))
        _ = Reducer.reduce(&state, .appStarted)
        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 1, Fixture.page(Fixture.emails(4...6), totalPages: 2)))
        #expect(state.status == StatusMessage("Sorted oldest first; emails still being listed join in order."))
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 1, Fixture.page(Fixture.emails(1...3), number: 2, totalPages: 2)))
        #expect(state.visibleIDs == ["1", "2", "3", "4", "5", "6"])
        #expect(state.current.index(of: "1") == 0 && state.current.index(of: "6") == 5)
    }

    @Test func anEmailPutBackByUndoReturnsToItsPlaceInTheOrder() {
        var state = Self.loaded()
        state.undoWindow = .seconds(5)
        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(state.visibleIDs == ["5", "2", "4", "1"])
        _ = Reducer.reduce(&state, .commandIssued(.undo))
        #expect(state.visibleIDs == ["5", "3", "2", "4", "1"])
        #expect(state.cursorRow?.id == "3")
    }

    @Test func aSearchKeepsTheOrder() {
        var state = Self.loaded()
        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("dora"))
        #expect(state.visibleIDs == ["1", "4"])
    }
}
