@testable import IntrayTUI
import MailText

/// A small terminal that plays back what `ScreenWriter` sends, the way xterm would: text,
/// CR, LF, `ESC [ r ; c H`, `ESC [ n C`, `ESC [ K`, `ESC [ H ESC [ 2 J`, SGR, scrolling regions with
/// line feed and `ESC M`. Anything else it does not know is recorded in `problems`, as is text
/// written past the right edge (which would wrap).
struct ANSITerminal {
    struct Cell: Equatable {
        var text: String
        var style: Palette.Style
        var isTail: Bool
    }

    let rows: Int
    let columns: Int
    private(set) var grid: [[Cell]]
    private(set) var problems: [String] = []
    private var row = 0
    private var column = 0
    private var style = Palette.Style()
    private var top = 0
    private var bottom: Int
    private var pending: [UInt8] = []

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        bottom = rows - 1
        grid = Array(repeating: Array(repeating: Cell(text: " ", style: Palette.Style(), isTail: false), count: columns), count: rows)
    }

    /// Each row's text, wide characters once, trailing spaces removed.
    var lines: [String] {
        grid.map { cells in
            var line = cells.filter { !$0.isTail }.map(\.text).joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    mutating func feed(_ bytes: [UInt8]) {
        pending += bytes
        var index = 0
        while index < pending.count {
            let byte = pending[index]
            if byte == 0x1B {
                guard let used = escape(pending[index...]) else { break }
                index += used
            } else if byte == 0x0A {
                lineFeed()
                index += 1
            } else if byte == 0x0D {
                column = 0
                index += 1
            } else if byte < 0x20 {
                problems.append("control byte \(byte)")
                index += 1
            } else {
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                guard index + length <= pending.count else { break }
                let text = String(decoding: pending[index..<index + length], as: UTF8.self)
                put(text.unicodeScalars.first!)
                index += length
            }
        }
        pending.removeFirst(index)
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        let width = DisplayWidth.of(scalar)
        if width == 0 {
            let at = column - 1
            if at >= 0, row < rows { grid[row][at].text.unicodeScalars.append(scalar) }
            return
        }
        guard column + width <= columns else {
            problems.append("text past the right edge at row \(row)")
            return
        }
        blankHalves(row: row, from: column, to: column + width)
        grid[row][column] = Cell(text: String(scalar), style: style, isTail: false)
        if width == 2 { grid[row][column + 1] = Cell(text: "", style: style, isTail: true) }
        column += width
    }

    /// Writing over half of a wide character blanks its other half.
    private mutating func blankHalves(row: Int, from start: Int, to end: Int) {
        if grid[row][start].isTail, start > 0 { grid[row][start - 1].text = " " }
        if end < columns, grid[row][end].isTail { grid[row][end] = Cell(text: " ", style: grid[row][end].style, isTail: false) }
    }

    private mutating func lineFeed() {
        if row == bottom { scroll(up: true) } else { row = min(row + 1, rows - 1) }
    }

    private mutating func scroll(up: Bool) {
        let blank = Array(repeating: Cell(text: " ", style: Palette.Style(background: style.background), isTail: false), count: columns)
        if up {
            grid.remove(at: top)
            grid.insert(blank, at: bottom)
        } else {
            grid.remove(at: bottom)
            grid.insert(blank, at: top)
        }
    }

    /// Plays one escape sequence; answers its length, or nil when it is not complete yet.
    private mutating func escape(_ bytes: ArraySlice<UInt8>) -> Int? {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return nil }
        let second = bytes[start + 1]
        if second == UInt8(ascii: "M") {
            if row == top { scroll(up: false) } else { row = max(row - 1, 0) }
            return 2
        }
        guard second == UInt8(ascii: "[") else {
            problems.append("ESC \(second)")
            return 2
        }
        var end = start + 2
        while end < bytes.endIndex, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
        guard end < bytes.endIndex else { return nil }
        let parameters = String(decoding: bytes[(start + 2)..<end], as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = parameters.first.flatMap { $0 }
        switch bytes[end] {
        case UInt8(ascii: "H"):
            row = min(max((first ?? 1) - 1, 0), rows - 1)
            column = min(max(((parameters.count > 1 ? parameters[1] : nil) ?? 1) - 1, 0), columns - 1)
        case UInt8(ascii: "C"):
            column = min(column + (first ?? 1), columns - 1)
        case UInt8(ascii: "K"):
            if grid[row][column].isTail, column > 0 { grid[row][column - 1].text = " " }
            for index in column..<columns { grid[row][index] = Cell(text: " ", style: Palette.Style(background: style.background), isTail: false) }
        case UInt8(ascii: "J") where first == 2:
            for r in 0..<rows { for c in 0..<columns { grid[r][c] = Cell(text: " ", style: Palette.Style(background: style.background), isTail: false) } }
        case UInt8(ascii: "r"):
            top = (first ?? 1) - 1
            bottom = ((parameters.count > 1 ? parameters[1] : nil) ?? rows) - 1
            row = 0
            column = 0
        case UInt8(ascii: "m"):
            for parameter in parameters.map({ $0 ?? 0 }) {
                switch parameter {
                case 0: style = Palette.Style()
                case 1: style.bold = true
                case 2: style.dim = true
                case 4: style.underline = true
                case 7: style.reverse = true
                case 30...37: style.foreground = parameter - 30
                case 40...47: style.background = parameter - 40
                default: problems.append("SGR \(parameter)")
                }
            }
        default:
            problems.append("CSI \(String(decoding: bytes[start...end], as: UTF8.self).dropFirst())")
        }
        return end - start + 1
    }
}
