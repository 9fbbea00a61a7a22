import Testing
@testable import IntrayCore

/// The list on its own: which rows show, where the cursor is and which of them the pane shows.
@Suite struct VisibleListTests {
    private func list(_ rows: [Int], cursor: Int = 0, height: Int = 3) -> VisibleList {
        var list = VisibleList()
        list.reduce(.replaced(rows, height: height))
        list.reduce(.movedTo(position: cursor, height: height))
        return list
    }

    @Test func movingPastTheWindowScrollsItByAsLittleAsItCan() {
        var list = list(Array(0..<10))
        #expect(list.reduce(.moved(by: 3, wrapping: false, height: 3)) == .cursorMoved)
        #expect(list.cursor == 3 && list.top == 1)
        list.reduce(.moved(by: -2, wrapping: false, height: 3))
        #expect(list.cursor == 1 && list.top == 1)
        list.reduce(.moved(by: 100, wrapping: false, height: 3))
        #expect(list.cursor == 9 && list.top == 7)
        #expect(list.reduce(.moved(by: 1, wrapping: false, height: 3)) == .cursorStayed)
    }

    @Test func wrappingComesRoundAtTheOtherEnd() {
        var list = list([4, 5, 6], cursor: 2)
        list.reduce(.moved(by: 1, wrapping: true, height: 3))
        #expect(list.cursor == 0)
        list.reduce(.moved(by: -1, wrapping: true, height: 3))
        #expect(list.cursor == 2)
    }

    @Test func theCursorStaysOnItsRowWhenTheRowsShownChange() {
        var list = list([0, 2, 4, 6, 8], cursor: 3)
        #expect(list.reduce(.shown([1, 6, 7], keeping: 6, height: 3)) == .cursorMoved)
        #expect(list.cursor == 1)
        list.reduce(.shown([0, 1], keeping: 6, height: 3))
        #expect(list.cursor == 1, "its row gone, the cursor keeps its place within the rows")
        list.reduce(.shown([], keeping: nil, height: 3))
        #expect(list.cursor == 0 && list.top == 0)
    }

    @Test func anotherListStartsAtItsTop() {
        var list = list(Array(0..<10), cursor: 8)
        list.reduce(.replaced([3, 4], height: 3))
        #expect(list.cursor == 0 && list.top == 0 && list.rows == [3, 4])
    }

    @Test func rowsListedLaterJoinTheEndWithoutMovingTheCursor() {
        var list = list([0, 1], cursor: 1)
        #expect(list.reduce(.extended([2, 3])) == .cursorStayed)
        #expect(list.rows == [0, 1, 2, 3] && list.cursor == 1)
    }

    @Test func aShorterPaneKeepsTheCursorInItsWindow() {
        var list = list(Array(0..<10), cursor: 5, height: 6)
        #expect(list.top == 0)
        list.reduce(.laidOut(height: 2))
        #expect(list.top == 4 && list.cursor == 5)
        list.reduce(.laidOut(height: 20))
        #expect(list.top == 0, "a pane taller than the rows shows them all")
    }

    @Test func positionsAreFoundAmongTheRowsShown() {
        let list = list([1, 4, 9, 12])
        #expect(list.position(ofRow: 9) == 2)
        #expect(list.position(ofRow: 5) == nil)
        #expect(list.position(ofRow: 13) == nil)
    }
}
