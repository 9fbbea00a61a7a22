@testable import IntrayTUI
import Testing

@Suite struct FrameRowsTests {
    /// Draws a frame of three rows: a tabs line, a cursor row and a detail line.
    private func draw(_ frame: inout FrameRows, cursorRow: Int = 1, detail: String = "Hello") {
        frame.clear()
        frame.put(" 1 Unresolved 3 ", row: 0, column: 0, role: .activeTab)
        frame.fill(row: cursorRow, column: 0, width: 20, role: .cursor)
        frame.put("Anna", row: cursorRow, column: 2, role: .cursor)
        frame.put(detail, row: 2, column: 1, role: .normal)
    }

    private func rows(_ changed: [(row: Int, writes: [FrameRows.Write])]) -> [Int] {
        changed.map(\.row)
    }

    @Test func theFirstFrameDrawsEveryRowIncludingBlankOnes() {
        var frame = FrameRows(rows: 4)
        draw(&frame)
        let changed = frame.changedRows()
        #expect(rows(changed) == [0, 1, 2, 3])
        #expect(changed[1].writes == [.fill(column: 0, width: 20, role: .cursor), .put("Anna", column: 2, role: .cursor)])
        #expect(changed[3].writes == [])
    }

    @Test func anIdenticalFrameDrawsNothing() {
        var frame = FrameRows(rows: 4)
        draw(&frame)
        _ = frame.changedRows()
        draw(&frame)
        #expect(frame.changedRows().isEmpty)
    }

    @Test func onlyRowsWhoseWritesDifferAreDrawnAgainWithAllTheirWrites() {
        var frame = FrameRows(rows: 4)
        draw(&frame)
        _ = frame.changedRows()
        draw(&frame, cursorRow: 3, detail: "World")
        let changed = frame.changedRows()
        #expect(rows(changed) == [1, 2, 3], "the cursor left row 1 (now blank), row 2's text changed, the cursor reached row 3")
        #expect(changed[0].writes == [])
        #expect(changed[1].writes == [.put("World", column: 1, role: .normal)])
        #expect(changed[2].writes == [.fill(column: 0, width: 20, role: .cursor), .put("Anna", column: 2, role: .cursor)])
    }

    @Test func aRoleAloneIsAChange() {
        var frame = FrameRows(rows: 1)
        frame.clear()
        frame.put("Anna", row: 0, column: 0, role: .normal)
        _ = frame.changedRows()
        frame.clear()
        frame.put("Anna", row: 0, column: 0, role: .selected)
        #expect(rows(frame.changedRows()) == [0])
    }

    @Test func afterForgettingEveryRowIsDrawnAtTheNewSize() {
        var frame = FrameRows(rows: 4)
        draw(&frame)
        _ = frame.changedRows()
        frame.forget(rows: 5)
        #expect(frame.rows == 5)
        draw(&frame)
        #expect(rows(frame.changedRows()) == [0, 1, 2, 3, 4])
        draw(&frame)
        #expect(frame.changedRows().isEmpty)
    }

    @Test func writesOutsideTheRowsAreIgnored() {
        var frame = FrameRows(rows: 2)
        frame.clear()
        frame.put("x", row: 2, column: 0, role: .normal)
        frame.put("", row: 0, column: 0, role: .normal)
        frame.fill(row: -1, column: 0, width: 3, role: .normal)
        frame.fill(row: 1, column: 0, width: 0, role: .normal)
        #expect(frame.changedRows().map(\.writes) == [[], []])
    }

    @Test func aSpinnerTurnBetweenFramesRedrawsItsRowAndReplacesTheGlyphItCovers() {
        var frame = FrameRows(rows: 3)
        frame.clear()
        frame.put(" 1 Unresolved 3 ⠋ loading ", row: 0, column: 0, role: .tab)
        frame.put("profile", row: 0, column: 40, role: .muted)
        _ = frame.changedRows()

        frame.put("⠙", row: 0, column: 17, role: .tab)
        let first = frame.changedRows()
        #expect(rows(first) == [0])
        #expect(first[0].writes == [
            .put(" 1 Unresolved 3 ⠋ loading ", column: 0, role: .tab),
            .put("profile", column: 40, role: .muted),
            .put("⠙", column: 17, role: .tab),
        ])

        frame.put("⠹", row: 0, column: 17, role: .tab)
        let second = frame.changedRows()
        #expect(second.map(\.writes) == [[
            .put(" 1 Unresolved 3 ⠋ loading ", column: 0, role: .tab),
            .put("profile", column: 40, role: .muted),
            .put("⠹", column: 17, role: .tab),
        ]], "the second turn replaces the first, so turning never grows the row")
    }

    @Test func twoSpinnersOnOneRowEachReplaceTheirOwnGlyph() {
        var frame = FrameRows(rows: 1)
        frame.clear()
        frame.put("⠋ a ⠋ b", row: 0, column: 0, role: .status)
        _ = frame.changedRows()
        for glyph in ["⠙", "⠹", "⠸"] {
            frame.put(glyph, row: 0, column: 0, role: .status)
            frame.put(glyph, row: 0, column: 4, role: .status)
            _ = frame.changedRows()
        }
        frame.put("⠼", row: 0, column: 0, role: .status)
        #expect(frame.changedRows().map(\.writes) == [[
            .put("⠋ a ⠋ b", column: 0, role: .status),
            .put("⠼", column: 0, role: .status),
            .put("⠸", column: 4, role: .status),
        ]])
    }

    @Test func theNextFrameAfterASpinnerTurnRedrawsTheTurnedRow() {
        var frame = FrameRows(rows: 1)
        frame.clear()
        frame.put("⠋ loading", row: 0, column: 0, role: .status)
        _ = frame.changedRows()
        frame.put("⠙", row: 0, column: 0, role: .status)
        _ = frame.changedRows()
        frame.clear()
        frame.put("⠋ loading", row: 0, column: 0, role: .status)
        #expect(rows(frame.changedRows()) == [0], "the terminal shows ⠙, the frame ⠋")
    }

    @Test func withinAFrameAWriteOverAnEarlierOneIsKeptInOrder() {
        var frame = FrameRows(rows: 1)
        frame.clear()
        frame.put("────────", row: 0, column: 0, role: .border)
        frame.put(" lines ", row: 0, column: 1, role: .border)
        frame.put("x", row: 0, column: 1, role: .border)
        #expect(frame.changedRows()[0].writes == [
            .put("────────", column: 0, role: .border),
            .put(" lines ", column: 1, role: .border),
            .put("x", column: 1, role: .border),
        ])
    }

    /// A list of `count` rows from email `first`, the cursor on row `cursor`, under a tabs line
    /// and above a status line.
    private func drawList(_ frame: inout FrameRows, first: Int, cursor: Int, count: Int = 6) {
        frame.clear()
        frame.put(" 1 Unresolved ", row: 0, column: 0, role: .activeTab)
        for offset in 0..<count {
            let role: Role = offset == cursor ? .cursor : .normal
            frame.fill(row: 1 + offset, column: 0, width: 20, role: role)
            frame.put("Email \(first + offset)", row: 1 + offset, column: 2, role: role)
        }
        frame.put("status", row: count + 1, column: 0, role: .status)
    }

    @Test func aListScrolledByTheCursorIsMovedAndOnlyWhatStillDiffersIsDrawn() {
        var frame = FrameRows(rows: 8)
        drawList(&frame, first: 1, cursor: 5)
        _ = frame.changedRows()
        drawList(&frame, first: 2, cursor: 5)
        let shift = frame.shift()
        #expect(shift == FrameRows.Shift(top: 1, bottom: 4, by: 1), "emails 2-5 move up a row; 6 was the cursor row")
        #expect(shift?.region == 1...5)
        let changed = frame.changedRows()
        #expect(rows(changed) == [5, 6], "the old cursor row, now plain, and the new email")
        #expect(changed[1].writes == [.fill(column: 0, width: 20, role: .cursor), .put("Email 7", column: 2, role: .cursor)])
    }

    @Test func scrollingBackMovesTheRunDownAndBlanksTheRowItLeaves() {
        var frame = FrameRows(rows: 8)
        drawList(&frame, first: 5, cursor: 0)
        _ = frame.changedRows()
        drawList(&frame, first: 4, cursor: 0)
        #expect(frame.shift() == FrameRows.Shift(top: 3, bottom: 6, by: -1))
        #expect(rows(frame.changedRows()) == [1, 2])
    }

    @Test func runsTooShortOrRowsThatDidNotChangeAreNotMoved() {
        var frame = FrameRows(rows: 8)
        drawList(&frame, first: 1, cursor: 0, count: 3)
        _ = frame.changedRows()
        drawList(&frame, first: 2, cursor: 0, count: 3)
        #expect(frame.shift() == nil, "a run of one row is drawn again")
        #expect(rows(frame.changedRows()) == [1, 2, 3])

        drawList(&frame, first: 2, cursor: 0, count: 3)
        #expect(frame.shift() == nil)
        #expect(frame.changedRows().isEmpty)
    }

    @Test func aShiftMovesWhatTheGridShowsToWhatTheFrameDraws() {
        // A screen that moves rows as ncurses' wscrl does, then takes the rows drawn: after each
        // frame it shows what drawing the whole frame would.
        var frame = FrameRows(rows: 8)
        var screen = Array(repeating: "", count: 8)
        func present() {
            if let shift = frame.shift() {
                let moved = Array(screen[(shift.top + shift.by)...(shift.bottom + shift.by)])
                for row in shift.region { screen[row] = "" }
                screen.replaceSubrange(shift.top...shift.bottom, with: moved)
            }
            for (row, writes) in frame.changedRows() {
                screen[row] = writes.map { write in
                    switch write {
                    case .put(let text, let column, let role): "\(column):\(text):\(role)"
                    case .fill(let column, let width, let role): "\(column)+\(width):\(role)"
                    }
                }.joined(separator: "|")
            }
        }
        var expected = FrameRows(rows: 8)
        for (first, cursor) in [(1, 5), (2, 5), (3, 5), (2, 0), (1, 0), (4, 2), (4, 3)] {
            drawList(&frame, first: first, cursor: cursor)
            present()
            drawList(&expected, first: first, cursor: cursor)
            let whole = expected.changedRows()
            expected.forget(rows: 8)
            #expect(screen == whole.map { $0.writes.map { write in
                switch write {
                case .put(let text, let column, let role): "\(column):\(text):\(role)"
                case .fill(let column, let width, let role): "\(column)+\(width):\(role)"
                }
            }.joined(separator: "|") }, "after showing \(first) with the cursor on \(cursor)")
        }
    }
}
