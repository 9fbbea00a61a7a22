import Foundation
import IntrayCore
@testable import IntrayTUI
import Keymaps
import MailText
import Testing

/// ncurses wraps text written past the right edge onto the next row, so a view that writes
/// one cell too many scrambles the screen; the fixture fails on any such write. These render
/// every screen at the sizes people use and the smallest the app draws.
@Suite struct ScreenFitTests {
    static let sizes = [Size(80, 24), Size(81, 25), Size(120, 40), Size(159, 30), Size(160, 50), Size(220, 60)]

    struct Size: Sendable, CustomStringConvertible {
        var columns: Int
        var rows: Int
        init(_ columns: Int, _ rows: Int) { self.columns = columns; self.rows = rows }
        var description: String { "\(columns)×\(rows)" }
    }

    @Test(arguments: sizes, ScreenMode.allCases)
    func everyScreenFitsItsWidth(size: Size, mode: ScreenMode) throws {
        for keys in PresetKeys.all {
            let script = try mode.script(keys, columns: size.columns, rows: size.rows)
            _ = try script.canvas()
            _ = try ScreenFixture.render(script.state, keymap: script.keymap, glyphs: .ascii)
        }
    }

    /// A header whose bytes fit its column is written as it is; the rest are wrapped.
    @Test(arguments: [69, 70, 71, 72])
    func headersAroundTheirColumnsWidth(length: Int) throws {
        let width = 80, valueWidth = width - DetailPane.labelWidth - 2
        for letter in ["a", "é", "世"] {
            let subject = String((String(repeating: letter + "bcd ", count: 30)).prefix(length))
            let state = ScreenFixture.state([ScreenFixture.email(1, subject: subject, name: "Anna", address: "anna@acme.example", minutesAgo: 1)], columns: width)
            let row = try #require(state.cursorRow)
            let context = ScreenFixture.context(try Keymap.preset(named: "default"))
            let lines = DetailPane.headerLines(row, whole: nil, state: state, context: context, width: width).filter { $0.role == .header }
            let wrapped = WrappedText(TerminalText.sanitizeLine(row.displaySubject), width: valueWidth)
            #expect(lines.map(\.text) == wrapped.lines(0..<wrapped.lineCount), "\(letter) × \(length)")
            #expect(lines.map(\.label) == ["Subject:"] + Array(repeating: "", count: lines.count - 1))
        }
    }

    @Test(arguments: [Size(79, 24), Size(80, 23), Size(40, 12), Size(12, 3), Size(1, 1)])
    func theTooSmallScreenFitsAnyWidth(size: Size) throws {
        var state = ScreenFixture.state(ScreenMode.emails)
        _ = Reducer.reduce(&state, .terminalResized(columns: size.columns, rows: size.rows))
        _ = try ScreenFixture.render(state)
        _ = try ScreenFixture.render(state, glyphs: .ascii)
    }

    @Test(arguments: sizes)
    func longWideTextTypedIntoEveryPromptStillFits(size: Size) throws {
        let typed = String(repeating: "見積もりx", count: 40)
        for start in ["/", "f", "a"] {
            var script = try KeyScript("default", emails: ScreenMode.emails, columns: size.columns, rows: size.rows)
            try script.press(start)
            script.dispatch(.textTyped(typed))
            _ = try script.canvas()
        }
        var state = ScreenFixture.state(ScreenMode.emails, columns: size.columns, rows: size.rows)
        state.status = StatusMessage(typed, kind: .error)
        _ = try ScreenFixture.render(state, profileName: typed)
    }

    @Test func aWriteThatRunsPastTheEdgeIsRecorded() {
        setlocale(LC_ALL, "C.UTF-8")
        let canvas = GridCanvas(rows: 3, columns: 10)
        canvas.put("0123456789", row: 0, column: 0, role: .normal)
        canvas.put("日本", row: 1, column: 6, role: .normal)
        #expect(canvas.overflows.isEmpty, "ending exactly at the edge fits")
        canvas.put("abc", row: 2, column: 1, role: .normal)
        canvas.put("日本", row: 2, column: 7, role: .normal)
        #expect(canvas.overflows.map(\.description) == [
            "row 2, column 7: \"日本\" is 4 wide and ends at column 11 of 10",
        ])
        #expect(canvas.lines == ["0123456789", "      日本", " abc   日"], "the grid still clips what it shows")
    }
}
