import Foundation
@testable import IntrayCore
@testable import IntrayTUI
import Keymaps
import Testing

/// The list's lines are cut once and kept between frames; whatever a row shows differently
/// is cut anew, so a kept line never shows what is not so.
@Suite struct ListLinesTests {
    static let emails = (1...30).map { ScreenFixture.email($0, subject: "Subject \($0)", name: "Anna Müller", address: "anna@acme.example", minutesAgo: Double($0)) }

    private func frame(_ state: AppState, lines: ListLines) throws -> GridCanvas {
        let canvas = GridCanvas(rows: state.terminalRows, columns: state.terminalColumns)
        Screen.render(state, on: canvas, context: ScreenFixture.context(try Keymap.preset(named: "default")), bodies: BodyCache(), lines: lines)
        return canvas
    }

    @Test func movingTheCursorCutsOnlyTheRowsThatComeIntoView() throws {
        var state = ScreenFixture.state(Self.emails, columns: 120, rows: 40, counts: (30, 0, 0))
        let lines = ListLines()
        _ = try frame(state, lines: lines)
        let inView = lines.count
        #expect(inView == state.layout.list.height)
        while state.cursor < state.layout.list.height { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let canvas = try frame(state, lines: lines)
        #expect(lines.count == inView + 1, "one row scrolled into view")
        #expect(canvas.lines == (try ScreenFixture.render(state)).lines, "the same screen as cut afresh")
    }

    @Test func marksAreTheGlyphsOfTheFlagsSetAndFollowAChangeOfGlyphs() {
        let lines = ListLines()
        for glyphs in [Glyphs.unicode, .ascii, .unicode] {
            #expect(lines.marks(unread: false, new: false, selected: false, suggested: false, glyphs: glyphs) == "     ")
            #expect(lines.marks(unread: true, new: false, selected: true, suggested: false, glyphs: glyphs) == glyphs.unread + " " + glyphs.selected + "  ")
            #expect(lines.marks(unread: false, new: true, selected: false, suggested: true, glyphs: glyphs) == " " + glyphs.new + " " + glyphs.suggested + " ")
        }
    }

    @Test func aRowThatChangesIsCutAnew() throws {
        var state = ScreenFixture.state(Self.emails, columns: 120, rows: 40, counts: (30, 0, 0))
        let lines = ListLines()
        _ = try frame(state, lines: lines)
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        let canvas = try frame(state, lines: lines)
        #expect(canvas.lines == (try ScreenFixture.render(state)).lines)
        #expect(Array(canvas.lines[1])[2] == Character(Glyphs.unicode.selected), "the first row shows its mark")
    }

    @Test func aRowWithTheSameIDAndMarksButOtherTextIsCutAnew() throws {
        let lines = ListLines()
        let before = ScreenFixture.state(Self.emails, columns: 120, rows: 40, counts: (30, 0, 0))
        _ = try frame(before, lines: lines)
        var renamed = Self.emails
        renamed[0].subject = "Renamed"
        renamed[1].from = Person(name: "Ben Ortiz", address: "ben@acme.example")
        let after = ScreenFixture.state(renamed, columns: 120, rows: 40, counts: (30, 0, 0))
        let canvas = try frame(after, lines: lines)
        #expect(canvas.lines == (try ScreenFixture.render(after)).lines)
        #expect(canvas.lines[1].contains("Renamed") && canvas.lines[2].contains("Ben Ortiz"))
    }

    @Test func aSuggestedDealShowsAsSoonAsTheSuggestionsChange() throws {
        var state = ScreenFixture.state(Self.emails, columns: 120, rows: 40, counts: (30, 0, 0))
        #expect(state.current.rows[state.visible[0]].sender.number != nil, "rows are numbered by sender")
        let lines = ListLines()
        let suggested = Character(Glyphs.unicode.suggested)
        #expect(Array(try frame(state, lines: lines).lines[1])[3] != suggested)
        state.suggestions.record(dealID: "7", sender: Self.emails[0].from, date: Date())
        var canvas = try frame(state, lines: lines)
        #expect(Array(canvas.lines[1])[3] == suggested && Array(canvas.lines[2])[3] == suggested)
        #expect(canvas.lines == (try ScreenFixture.render(state)).lines)
        state.suggestions = DealSuggestions()
        canvas = try frame(state, lines: lines)
        #expect(Array(canvas.lines[1])[3] != suggested, "suggestions replaced by empty ones")
        #expect(canvas.lines == (try ScreenFixture.render(state)).lines)
    }

    @Test func aDateIsLabelledAnewOnceTheDayChanges() throws {
        let state = ScreenFixture.state(Self.emails, columns: 120, rows: 40, counts: (30, 0, 0))
        let lines = ListLines()
        var context = ScreenFixture.context(try Keymap.preset(named: "default"))
        let draw = { (context: RenderContext, lines: ListLines) -> GridCanvas in
            let canvas = GridCanvas(rows: state.terminalRows, columns: state.terminalColumns)
            Screen.render(state, on: canvas, context: context, bodies: BodyCache(), lines: lines)
            return canvas
        }
        let today = draw(context, lines)
        context.now = context.now.addingTimeInterval(2 * 86_400)
        let later = draw(context, lines)
        #expect(later.lines == draw(context, ListLines()).lines)
        #expect(today.lines[1] != later.lines[1], "a time of day became a date")
    }
}
