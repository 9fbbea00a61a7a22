import Foundation
import Testing
@testable import IntrayCore

/// Clicks and the wheel (`mouse = true`). At 120×40, stacked: the tabs on row 0, the list on
/// rows 1–15, the detail pane on rows 16–38 (its rule on 16), the status line on row 39.
@Suite struct MouseTests {
    static let listRows = 1...15
    static let detailRow = 25

    private func loaded(_ count: Int = 30, columns: Int = 120) -> AppState {
        Fixture.loaded(Fixture.emails(1...count), columns: columns, rows: 40)
    }

    @Test func theLayoutIsAsThisSuiteAssumes() {
        let state = loaded()
        #expect(state.layout.list == Rect(row: 1, column: 0, height: 15, width: 120))
        #expect(state.layout.detail.row == 16)
    }

    @Test func clickingARowMovesTheCursorToThatEmailAndGivesTheListTheKeys() {
        var state = loaded()
        _ = Reducer.reduce(&state, .commandIssued(.focusDetail))
        let effects = Reducer.reduce(&state, .clicked(row: 4, column: 50))
        #expect(state.cursor == 3)
        #expect(state.cursorRow?.id == "27")
        #expect(state.focus == .list)
        #expect(effects.allSatisfy { if case .loadDetails = $0 { true } else { false } }, "a click fetches the email it shows, and does nothing to it")
    }

    @Test func clickingARowOfAScrolledListCountsFromTheFirstRowShown() {
        var state = loaded()
        _ = Reducer.reduce(&state, .commandIssued(.cursorBottom))
        #expect(state.listTop == 15)
        _ = Reducer.reduce(&state, .clicked(row: 1, column: 0))
        #expect(state.cursor == 15)
        #expect(state.listTop == 15, "the row clicked is on screen, so the list stays where it is")
    }

    @Test func clickingBelowTheLastEmailGivesTheListTheKeysWithoutMoving() {
        var state = loaded(3)
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        _ = Reducer.reduce(&state, .commandIssued(.focusDetail))
        _ = Reducer.reduce(&state, .clicked(row: 10, column: 5))
        #expect(state.cursor == 1)
        #expect(state.focus == .list)
    }

    @Test func clickingTheDetailPaneGivesItTheKeys() {
        var state = loaded()
        _ = Reducer.reduce(&state, .clicked(row: Self.detailRow, column: 3))
        #expect(state.focus == .detail)
        #expect(state.cursor == 0)
        var empty = Fixture.loaded([], rows: 40)
        _ = Reducer.reduce(&empty, .clicked(row: Self.detailRow, column: 3))
        #expect(empty.focus == .list, "with no email there is nothing to read")
    }

    @Test func clickingATabTitleShowsThatTab() {
        var state = loaded()
        // " 1 Unresolved 30 │ 2 Resolved │ 3 Dismissed │"
        #expect(TabTitle.all(state, in: state.layout.tabs).map(\.columns) == [0..<17, 18..<30, 31..<44])
        _ = Reducer.reduce(&state, .clicked(row: 0, column: 17))
        #expect(state.activeTab == .unresolved, "the rule between two titles is neither")
        let effects = Reducer.reduce(&state, .clicked(row: 0, column: 20))
        #expect(state.activeTab == .resolved)
        #expect(effects.contains { if case .loadTab(.resolved, _, _, _) = $0 { true } else { false } })
        _ = Reducer.reduce(&state, .clicked(row: 0, column: 43))
        #expect(state.activeTab == .dismissed)
        _ = Reducer.reduce(&state, .clicked(row: 0, column: 100))
        #expect(state.activeTab == .dismissed, "the rest of the tabs line is no tab")
    }

    @Test func sideBySideTheBorderIsNeitherPane() {
        var state = loaded(columns: 160)
        let border = state.layout.list.width
        #expect(state.target(atRow: 3, column: border - 1) == .listRow(2))
        #expect(state.target(atRow: 3, column: border) == .nothing)
        #expect(state.target(atRow: 3, column: border + 1) == .detail)
        #expect(state.target(atRow: 39, column: 5) == .nothing, "the status line")
        _ = Reducer.reduce(&state, .clicked(row: 3, column: border))
        #expect(state.focus == .list && state.cursor == 0)
    }

    @Test func theWheelOverTheListMovesTheCursorThreeRowsANotch() {
        var state = loaded()
        _ = Reducer.reduce(&state, .wheelTurned(row: 5, column: 10, notches: 1))
        #expect(state.cursor == 3)
        _ = Reducer.reduce(&state, .wheelTurned(row: 5, column: 10, notches: 2))
        #expect(state.cursor == 9)
        _ = Reducer.reduce(&state, .wheelTurned(row: 5, column: 10, notches: -1))
        #expect(state.cursor == 6)
        _ = Reducer.reduce(&state, .wheelTurned(row: 5, column: 10, notches: -5))
        #expect(state.cursor == 0)
        #expect(state.focus == .list)
    }

    @Test func theWheelOverTheDetailPaneScrollsItWhicheverPaneHasTheKeys() {
        var state = loaded()
        _ = Reducer.reduce(&state, .detailLaidOut(emailID: "30", lineCount: 100))
        _ = Reducer.reduce(&state, .wheelTurned(row: Self.detailRow, column: 10, notches: 1))
        #expect(state.detailScroll == 3)
        #expect(state.focus == .list, "the keys stay where they were")
        #expect(state.cursor == 0)
        _ = Reducer.reduce(&state, .wheelTurned(row: Self.detailRow, column: 10, notches: -4))
        #expect(state.detailScroll == 0)
    }

    @Test func theWheelOverTheTabsOrTheStatusLineDoesNothing() {
        var state = loaded()
        let before = state
        _ = Reducer.reduce(&state, .wheelTurned(row: 0, column: 5, notches: 1))
        _ = Reducer.reduce(&state, .wheelTurned(row: 39, column: 5, notches: 1))
        #expect(state == before)
    }

    @Test func theWheelScrollsHelpWhereverItTurnsAndAClickLeavesHelpOpen() {
        var state = loaded()
        _ = Reducer.reduce(&state, .commandIssued(.help))
        _ = Reducer.reduce(&state, .overlayLaidOut(lineCount: 100))
        _ = Reducer.reduce(&state, .wheelTurned(row: 5, column: 10, notches: 2))
        #expect(state.overlay?.scroll == 6)
        _ = Reducer.reduce(&state, .wheelTurned(row: Self.detailRow, column: 10, notches: 40))
        #expect(state.overlay?.scroll == 100 - state.overlayHeight, "stops at the last page")
        _ = Reducer.reduce(&state, .clicked(row: 4, column: 10))
        #expect(state.overlay?.content == .help)
        #expect(state.cursor == 0, "no click reaches the list behind help")
    }

    @Test(arguments: ["confirmation", "picker", "search prompt", "filter prompt"])
    func noClickOrWheelReachesTheScreenBehindAQuestion(question: String) {
        var state = loaded()
        let command: Command = switch question {
        case "confirmation": .delete
        case "picker": .attach
        case "search prompt": .search
        default: .filter
        }
        _ = Reducer.reduce(&state, .commandIssued(command))
        let before = state
        let effects = Reducer.reduce(&state, .clicked(row: 4, column: 10))
            + Reducer.reduce(&state, .clicked(row: 0, column: 20))
            + Reducer.reduce(&state, .clicked(row: Self.detailRow, column: 10))
            + Reducer.reduce(&state, .wheelTurned(row: 4, column: 10, notches: 1))
            + Reducer.reduce(&state, .wheelTurned(row: Self.detailRow, column: 10, notches: 1))
        #expect(state == before, "the \(question) still waits, for the same email")
        #expect(effects.isEmpty)
    }

    @Test func aScreenTooSmallForThePanesTakesNoClicks() {
        var state = loaded()
        _ = Reducer.reduce(&state, .terminalResized(columns: 60, rows: 20))
        let before = state
        _ = Reducer.reduce(&state, .clicked(row: 4, column: 10))
        _ = Reducer.reduce(&state, .wheelTurned(row: 4, column: 10, notches: 1))
        #expect(state == before)
    }

    @Test func aClickMovesOnFromTheLastMessageAsAKeyDoes() {
        var state = loaded()
        _ = Reducer.reduce(&state, .keyUnbound("x"))
        #expect(state.status != nil)
        _ = Reducer.reduce(&state, .keySequencePending("g"))
        _ = Reducer.reduce(&state, .clicked(row: 2, column: 10))
        #expect(state.status == nil)
        #expect(state.pendingKeys == nil)
        #expect(state.history.last?.text == "x is not bound here.", "the message stays readable in the messages")
    }
}
