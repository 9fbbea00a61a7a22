import Foundation
@testable import IntrayTUI
import Testing
import MailText
import TestSupport

/// The views' frames go through `FrameRows` and `ScreenWriter` as on the real terminal, the
/// bytes are played back by `ANSITerminal`, and what it shows must be what `GridCanvas`
/// (which knows nothing of writers) shows for the same writes, cell by cell and style by style.
private final class PlayedBack: Canvas {
    let rows: Int
    let columns: Int
    let palette: Palette
    var writer: ScreenWriter
    var frame: FrameRows
    var terminal: ANSITerminal
    var expected: GridCanvas
    /// The bytes of the latest frame.
    var sent: [UInt8] = []

    init(rows: Int, columns: Int, color: Bool = true, capabilities: TerminalCapabilities? = nil) {
        setlocale(LC_ALL, "C.UTF-8")
        self.rows = rows
        self.columns = columns
        palette = Palette(useColor: color)
        writer = ScreenWriter(rows: rows, columns: columns, capabilities: capabilities ?? .ansi(palette: palette))
        frame = FrameRows(rows: rows)
        terminal = ANSITerminal(rows: rows, columns: columns)
        expected = GridCanvas(rows: rows, columns: columns)
    }

    func clear() {
        frame.clear()
        expected.clear()
    }

    func put(_ text: String, row: Int, column: Int, role: Role) {
        frame.put(text, row: row, column: column, role: role)
        expected.put(text, row: row, column: column, role: role)
    }

    func fill(row: Int, column: Int, width: Int, role: Role) {
        frame.fill(row: row, column: column, width: width, role: role)
        expected.fill(row: row, column: column, width: width, role: role)
    }

    func present() {
        writer.draw(&frame)
        sent = writer.take()
        terminal.feed(sent)
    }

    var text: String { String(decoding: sent, as: UTF8.self) }

    /// Where the played-back screen differs from the expected one, or nil.
    func difference() -> String? {
        if !terminal.problems.isEmpty { return "problems: \(terminal.problems)" }
        if terminal.lines != expected.lines {
            return "text:\n\(terminal.lines.joined(separator: "\n"))\nexpected:\n\(expected.text)"
        }
        for row in 0..<rows {
            for column in 0..<columns where !terminal.grid[row][column].isTail {
                let role = expected.role(row: row, column: column)
                let style = palette.style(for: role), shown = terminal.grid[row][column].style
                // Blanks without background, reverse video or underline all look alike.
                let plain = { (style: Palette.Style) in style.background == nil && !style.reverse && !style.underline }
                if terminal.grid[row][column].text == " ", plain(style), plain(shown) { continue }
                if shown != style {
                    return "style at \(row),\(column): \(shown) not \(style)"
                }
            }
        }
        return nil
    }
}

@Suite struct ScreenWriterTests {
    /// A list of `count` rows starting at `first`, the cursor on `cursor`, and a detail line.
    private func drawList(_ canvas: PlayedBack, first: Int, cursor: Int, detail: String) {
        canvas.clear()
        canvas.fill(row: 0, column: 0, width: canvas.columns, role: .tab)
        canvas.put(" 1 Unresolved ", row: 0, column: 0, role: .activeTab)
        for row in 1...6 {
            let number = first + row - 1
            let role: Role = number == cursor ? .cursor : .normal
            if role == .cursor { canvas.fill(row: row, column: 0, width: canvas.columns, role: role) }
            canvas.put("Email \(number) from 王芳", row: row, column: 2, role: role)
        }
        canvas.put(detail, row: 8, column: 1, role: .normal)
    }

    /// A list frame, then another: the canvas holds what the second one sent.
    private func changed(cursor: Int = 1, detail: String, to newCursor: Int = 1, _ newDetail: String) -> PlayedBack {
        let canvas = PlayedBack(rows: 10, columns: 40)
        drawList(canvas, first: 1, cursor: cursor, detail: detail)
        canvas.present()
        drawList(canvas, first: 1, cursor: newCursor, detail: newDetail)
        canvas.present()
        return canvas
    }

    @Test func aFrameIsPlayedBackAsDrawnAndTheSameFrameAgainSendsNothing() {
        let canvas = PlayedBack(rows: 10, columns: 40)
        drawList(canvas, first: 1, cursor: 1, detail: "Hello")
        canvas.present()
        #expect(canvas.text.hasPrefix("\u{1B}[m\u{1B}[H\u{1B}[2J"))
        #expect(canvas.difference() == nil)
        drawList(canvas, first: 1, cursor: 1, detail: "Hello")
        canvas.present()
        #expect(canvas.sent.isEmpty)
    }

    @Test func aScreenKnownToBeBlankIsNotClearedAgain() {
        let palette = Palette(useColor: true)
        var writer = ScreenWriter(rows: 3, columns: 10, capabilities: .ansi(palette: palette), isBlank: true)
        var frame = FrameRows(rows: 3)
        frame.clear()
        frame.put("Hi", row: 1, column: 2, role: .normal)
        writer.draw(&frame)
        #expect(String(decoding: writer.take(), as: UTF8.self) == "\u{1B}[2;3H\u{1B}[mHi")
    }

    @Test func oneChangedWordSendsAMoveAndThatWordOnly() {
        let canvas = changed(detail: "Hello there, Anna", "Hello there, Emma")
        #expect(canvas.text == "\u{1B}[9;15HEmm")
        #expect(canvas.difference() == nil)
    }

    @Test func movingTheCursorRowRewritesOnlyTheTwoRowsInTheirStyles() {
        let canvas = changed(detail: "Hello", to: 2, "Hello")
        #expect(canvas.difference() == nil)
        #expect(canvas.text.hasPrefix("\u{1B}[2H"))
        #expect(canvas.text.components(separatedBy: "Email").count - 1 == 2)
        #expect(canvas.text.contains("\r\n"))
    }

    @Test func aRowThatEndsBlankWhereItHadTextIsClearedToItsEnd() {
        let canvas = changed(detail: "A long line of detail text here", "A")
        #expect(canvas.text == "\u{1B}[9;4H\u{1B}[K")
        #expect(canvas.difference() == nil)
    }

    @Test func blanksThatLookLikeNormalOnesAreNotSentAndAreClearedToTheEnd() {
        let canvas = PlayedBack(rows: 3, columns: 40)
        for role in [Role.cursor, .unread] {
            canvas.clear()
            canvas.fill(row: 1, column: 0, width: 40, role: role)
            canvas.put("Anna", row: 1, column: 2, role: role)
            canvas.present()
        }
        #expect(canvas.difference() == nil)
        #expect(canvas.text == "\u{1B}[2H\u{1B}[m  \u{1B}[0;1mAnna\u{1B}[m\u{1B}[K")
    }

    @Test func aScrolledListIsMovedByTheTerminalAndOnlyTheNewRowIsWritten() {
        let canvas = PlayedBack(rows: 10, columns: 40)
        drawList(canvas, first: 1, cursor: 6, detail: "Hello")
        canvas.present()
        drawList(canvas, first: 2, cursor: 7, detail: "Hello")
        canvas.present()
        #expect(canvas.difference() == nil)
        #expect(canvas.text.hasPrefix("\u{1B}[2;6r\u{1B}[6H\n\u{1B}[1;10r"))
        #expect(canvas.text.contains("7"))
        #expect(!canvas.text.contains("Email 3") && !canvas.text.contains("Email 4"))
    }

    @Test func wideCharactersAndCombiningMarksKeepTheirColumnsWhenChangedInPart() {
        let canvas = PlayedBack(rows: 3, columns: 12)
        for text in ["王芳王芳ab", "a王芳王b", "e\u{301}x王", "王王王王王王", "ab", "x王y"] {
            canvas.clear()
            canvas.put(text, row: 1, column: 1, role: .normal)
            canvas.put("|", row: 1, column: 11, role: .border)
            canvas.present()
            #expect(canvas.difference() == nil, "\(text)")
        }
    }

    @Test func onlyAnotherMarkOnTheSameLetterIsStillDrawn() {
        #expect(MemoryLayout<ScreenCell>.size == 8, "cells compare as eight bytes")
        #expect(ScreenCell.blank.bits == ScreenCell.blankBits)
        var marked = ScreenCell("e", role: .header, kind: .lead)
        marked.marks = 0xFFFF
        #expect(marked.bits & ScreenCell.marksBits == ScreenCell.marksBits && marked.bits & ~ScreenCell.marksBits == ScreenCell("e", role: .header, kind: .lead).bits)
        let canvas = PlayedBack(rows: 2, columns: 8)
        for text in ["e\u{301}x", "e\u{308}x", "e\u{308}x", "ex"] {
            canvas.clear()
            canvas.put(text, row: 0, column: 2, role: .normal)
            canvas.present()
            #expect(canvas.difference() == nil, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func aWriteOverHalfOfAWideCharacterInTheSameFrameBlanksItsOtherHalf() {
        let canvas = PlayedBack(rows: 2, columns: 12)
        canvas.clear()
        canvas.put("王芳王芳", row: 0, column: 1, role: .normal)
        canvas.put("ab", row: 0, column: 2, role: .match)
        canvas.present()
        #expect(canvas.terminal.lines[0] == "  ab 王芳")
        #expect(canvas.terminal.problems.isEmpty)
    }

    @Test func controlsThatReachTheCanvasAreShownAsQuestionMarksNotSent() {
        let canvas = PlayedBack(rows: 2, columns: 20)
        canvas.clear()
        canvas.put("a\u{1B}[31mb\u{9B}c\u{7}", row: 0, column: 0, role: .normal)
        canvas.present()
        #expect(canvas.terminal.lines[0] == "a?[31mb?c?")
        #expect(!canvas.text.contains("\u{1B}[31m") && !canvas.text.contains("\u{9B}") && !canvas.text.contains("\u{7}"))
    }

    @Test func aTerminalThatIsNotUTF8GetsQuestionMarksPastASCII() {
        let canvas = PlayedBack(rows: 2, columns: 20, capabilities: .ansi(palette: Palette(useColor: false), asciiOnly: true))
        canvas.clear()
        canvas.put("Grüße 王", row: 0, column: 0, role: .normal)
        canvas.present()
        #expect(canvas.terminal.lines[0] == "Gr??e ?")
        #expect(canvas.sent.allSatisfy { $0 < 0x80 })
    }

    @Test func theBottomRightCellStaysUnwrittenWhereWritingItWouldScroll() {
        var capabilities = TerminalCapabilities.ansi(palette: Palette(useColor: true))
        capabilities.lastCellScrolls = true
        let canvas = PlayedBack(rows: 3, columns: 10, capabilities: capabilities)
        canvas.clear()
        canvas.fill(row: 2, column: 0, width: 10, role: .status)
        canvas.put("status   X", row: 2, column: 0, role: .status)
        canvas.put("top      Y", row: 0, column: 0, role: .normal)
        canvas.present()
        #expect(canvas.terminal.lines[2] == "status")
        #expect(canvas.terminal.lines[0] == "top      Y")
    }

    @Test func forgettingTheScreenClearsItAndDrawsEveryRowAgain() {
        let canvas = PlayedBack(rows: 10, columns: 40)
        drawList(canvas, first: 1, cursor: 1, detail: "Hello")
        canvas.present()
        canvas.writer.forget()
        canvas.frame.forget(rows: 10)
        drawList(canvas, first: 1, cursor: 1, detail: "Hello")
        canvas.present()
        #expect(canvas.text.hasPrefix("\u{1B}[H\u{1B}[2J"))
        #expect(canvas.text.contains("Email 6"))
        #expect(canvas.difference() == nil)
    }

    @Test func stylesWithoutColourAreAttributesOnly() {
        let canvas = PlayedBack(rows: 10, columns: 40, color: false)
        drawList(canvas, first: 1, cursor: 2, detail: "Hello")
        canvas.present()
        #expect(canvas.difference() == nil)
        let parameters = TerminalCapabilities.ansi(palette: Palette(useColor: false)).styles.flatMap { sequence in
            String(decoding: sequence, as: UTF8.self).dropFirst(2).dropLast().split(separator: ";").map(String.init)
        }
        #expect(Set(parameters).isSubset(of: ["0", "1", "2", "4", "7"]))
    }

    /// Random frames shaped like the app's (a filled row, then puts left to right, some wide,
    /// some marked), some shifted up or down as a scrolled list is: after every frame the
    /// terminal shows exactly the frame.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomFramesArePlayedBackExactly(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let rows = 12, columns = 30
        let canvas = PlayedBack(rows: rows, columns: columns)
        let roles: [Role] = [.normal, .cursor, .muted, .selected, .status, .match, .border]
        let words = ["mail", "王芳", "e\u{301}t\u{e9}", "Grüße", "-", "   ", "│", "👍", "invoice", "a"]
        var lines: [[(String, Role)]] = (0..<40).map { _ in
            (0..<random.below(5)).map { _ in (words[random.below(words.count)], roles[random.below(roles.count)]) }
        }
        var first = 0
        for _ in 0..<40 {
            switch random.below(4) {
            case 0: first = min(first + 1, lines.count - rows)
            case 1: first = max(first - random.below(3), 0)
            case 2: lines[first + random.below(rows)] = [(words[random.below(words.count)], roles[random.below(roles.count)])]
            default: break
            }
            canvas.clear()
            for row in 0..<rows {
                let line = lines[first + row]
                if let filled = line.first?.1, random.below(3) == 0 { canvas.fill(row: row, column: 0, width: columns, role: filled) }
                var column = random.below(3)
                for (word, role) in line {
                    let width = DisplayWidth.of(word)
                    guard column + width <= columns else { break }
                    canvas.put(word, row: row, column: column, role: role)
                    column += width + random.below(3)
                }
            }
            canvas.present()
            if let difference = canvas.difference() {
                Issue.record("seed \(seed): \(difference)")
                return
            }
        }
    }
}

private extension SeededGenerator {
    mutating func below(_ bound: Int) -> Int { Int.random(in: 0..<max(bound, 1), using: &self) }
}
