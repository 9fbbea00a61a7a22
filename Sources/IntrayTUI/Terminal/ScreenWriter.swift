/// The bytes that take the terminal from the cells it shows to new ones, and what it shows.
///
/// Only cells that differ are sent: within a row, runs of changed cells are joined when the
/// unchanged cells between them cost fewer bytes to write again than a move past them, a row
/// that ends blank where it held text is cleared with `el`, and a run of rows that moved (the
/// list scrolled) is moved by the terminal with a scrolling region. Styles are set only when
/// they change; each move takes the shortest of the moves the terminal has. A value type with
/// no terminal in it: the caller sends `output`.
struct ScreenWriter {
    let capabilities: TerminalCapabilities
    let rows: Int
    let columns: Int
    /// What the terminal shows.
    private(set) var shown: [CellLine]
    /// Bytes not yet sent.
    private(set) var output: [UInt8] = []
    private var regionCodes: [Int: [UInt8]] = [:]
    /// Where the cursor is; nil when unknown (after a scroll, or past the last column).
    private var cursor: (row: Int, column: Int)?
    /// The role whose style the terminal is in; nil when unknown.
    private var style: Role?
    /// The next frame clears the screen first: what it shows is not known.
    private var needsClear: Bool
    /// Where each changed row of a frame is drawn before it is compared with the row shown.
    private var drawn: CellLine

    /// The bytes of a move past a few cells (`ESC [ n C`): unchanged cells between two changed
    /// ones that cost less are written again instead.
    static let moveBytes = 4

    /// A writer for a screen that is blank (`isBlank`, e.g. just cleared), or whose content is
    /// unknown: then its first frame clears it.
    init(rows: Int, columns: Int, capabilities: TerminalCapabilities, isBlank: Bool = false) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.capabilities = capabilities
        shown = Array(repeating: .blank(columns: self.columns), count: self.rows)
        drawn = .blank(columns: self.columns)
        needsClear = !isBlank
    }

    /// Takes what the terminal shows as unknown, e.g. after another program drew on it.
    mutating func forget() {
        needsClear = true
    }

    /// Hands over the bytes to send.
    mutating func take() -> [UInt8] {
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    /// Clears the screen when its content is unknown.
    private mutating func clearIfNeeded() {
        guard needsClear else { return }
        needsClear = false
        setStyle(.normal)
        output += capabilities.clearScreen
        cursor = (0, 0)
        for row in shown.indices { shown[row] = .blank(columns: columns) }
    }

    /// Sends what `frame` changed: moves the rows that moved, then updates the rows that differ.
    mutating func draw(_ frame: inout FrameRows) {
        if capabilities.canScroll, let shift = frame.shift() {
            _ = scroll(region: shift.region, by: shift.by)
        }
        for (row, writes) in frame.changedRows() {
            CellRow.draw(writes, on: &drawn, asciiOnly: capabilities.asciiOnly, plainBlankRoles: capabilities.plainBlankRoles)
            update(row: row, to: drawn)
        }
    }

    /// Moves rows `region` of the screen by `by` rows (`by` > 0: up, as the list does when the
    /// cursor goes down); the rows left behind are blank. False, sending nothing, when the
    /// terminal cannot (the rows are then drawn again).
    mutating func scroll(region: ClosedRange<Int>, by: Int) -> Bool {
        guard capabilities.canScroll, let setRegion = capabilities.scrollRegion, by != 0,
              region.lowerBound >= 0, region.upperBound < rows, abs(by) <= region.count else { return false }
        clearIfNeeded()
        setStyle(.normal)
        output += regionCode(setRegion, region.lowerBound, region.upperBound)
        cursor = nil
        // The rows are rotated within the region and the ones left behind blanked, in place:
        // each keeps its own storage, so scrolling allocates nothing.
        if by > 0 {
            move(row: region.upperBound, column: 0)
            for _ in 0..<by { output += capabilities.scrollForward! }
            for _ in 0..<by {
                for row in region.lowerBound..<region.upperBound { shown.swapAt(row, row + 1) }
            }
            for row in (region.upperBound - by + 1)...region.upperBound { shown[row].clear() }
        } else {
            move(row: region.lowerBound, column: 0)
            for _ in 0..<(-by) { output += capabilities.scrollReverse! }
            for _ in 0..<(-by) {
                for row in stride(from: region.upperBound, to: region.lowerBound, by: -1) { shown.swapAt(row, row - 1) }
            }
            for row in region.lowerBound..<(region.lowerBound - by) { shown[row].clear() }
        }
        output += regionCode(setRegion, 0, rows - 1)
        cursor = nil
        return true
    }

    /// The bytes that set the scrolling region to rows `top...bottom`, kept: the list scrolls
    /// through the same few regions again and again.
    private mutating func regionCode(_ setRegion: String, _ top: Int, _ bottom: Int) -> [UInt8] {
        let key = top << 32 | bottom
        if let code = regionCodes[key] { return code }
        let code = Array(TerminalCapabilities.parameterized(setRegion, Int32(top), Int32(bottom)).utf8)
        regionCodes[key] = code
        return code
    }

    /// Sends what differs between row `row` on screen and `line`.
    mutating func update(row: Int, to line: CellLine) {
        guard shown.indices.contains(row), line.cells.count == columns else { return }
        clearIfNeeded()
        var writable = columns
        if capabilities.lastCellScrolls && row == rows - 1 { writable -= 1 }
        let canClear = capabilities.clearToEndOfLine != nil
        let plainBlankRoles = capabilities.plainBlankRoles
        let (runs, clearFrom) = shown[row].cells.withUnsafeBufferPointer { old in
            line.cells.withUnsafeBufferPointer { new in
                Self.changes(old: old, new: new, writable: writable, canClear: canClear, plainBlankRoles: plainBlankRoles)
            }
        }
        guard !runs.isEmpty || clearFrom != nil else { return }
        for run in runs { write(line, row: row, from: run.lowerBound, to: run.upperBound) }
        if let clearFrom {
            move(row: row, column: clearFrom)
            setStyle(.normal)
            output += capabilities.clearToEndOfLine!
        }
        // The last cell of a terminal whose last cell scrolls is never written: it keeps what it showed.
        let kept = writable < columns ? shown[row].cells[writable] : nil
        shown[row].assign(line)
        if let kept { shown[row].cells[writable] = kept }
    }

    /// The runs of cells to write and where `el` blanks the rest of the row, if it does: within
    /// a row, runs of changed cells are joined when the unchanged cells between them cost fewer
    /// bytes to write again than a move past them. Cells are compared as their `bits`, read
    /// straight from the rows.
    private static func changes(
        old: UnsafeBufferPointer<ScreenCell>, new cells: UnsafeBufferPointer<ScreenCell>, writable: Int, canClear: Bool, plainBlankRoles: RoleSet
    ) -> (runs: [Range<Int>], clearFrom: Int?) {
        old.withMemoryRebound(to: UInt64.self) { oldBits in
            cells.withMemoryRebound(to: UInt64.self) { newBits in
                var first = 0
                while first < writable, ScreenCell.equalBits(oldBits[first], newBits[first]) { first += 1 }
                guard first < writable else { return ([], nil) }
                let clearFrom = canClear ? clearableTail(old: oldBits, new: newBits, before: writable) : nil
                let limit = clearFrom ?? writable
                var runs: [Range<Int>] = []
                var column = first
                while column < limit {
                    guard !ScreenCell.equalBits(oldBits[column], newBits[column]) else {
                        column += 1
                        continue
                    }
                    // Start on a whole character, old and new: writing over half of one blanks both halves.
                    var start = column
                    while start > 0, cells[start].kind == .tail || old[start].kind == .tail { start -= 1 }
                    var end = column + 1
                    var gapBytes = 0
                    var next = end
                    while next < limit {
                        if ScreenCell.equalBits(oldBits[next], newBits[next]) {
                            gapBytes += rewriteBytes(cells[next], after: cells[next - 1], plainBlankRoles: plainBlankRoles)
                            if gapBytes >= moveBytes { break }
                        } else {
                            gapBytes = 0
                            end = next + 1
                        }
                        next += 1
                    }
                    if end < cells.count, cells[end].kind == .tail { end += 1 }
                    runs.append(start..<min(end, writable))
                    column = end
                }
                return (runs, clearFrom)
            }
        }
    }

    /// About what writing an unchanged cell again costs: its UTF-8, and a style when it has
    /// another one than the cell before.
    private static func rewriteBytes(_ cell: ScreenCell, after previous: ScreenCell, plainBlankRoles: RoleSet) -> Int {
        if cell.kind == .tail { return 0 }
        if cell.marks > 0 { return moveBytes }
        let value = cell.scalar.value
        let character = value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        let sameStyle = cell.role == previous.role || cell.isBlank && plainBlankRoles.contains(previous.role)
        return character + (sameStyle ? 0 : moveBytes)
    }

    /// Where `el` can blank the rest of the row: the new cells are blank from there on, the old
    /// ones are not, and more than a few differ (fewer are cheaper written as spaces).
    private static func clearableTail(old: UnsafeBufferPointer<UInt64>, new: UnsafeBufferPointer<UInt64>, before limit: Int) -> Int? {
        var blankFrom = limit
        while blankFrom > 0, new[blankFrom - 1] == ScreenCell.blankBits { blankFrom -= 1 }
        var first = blankFrom
        while first < limit, old[first] == ScreenCell.blankBits { first += 1 }
        guard first < limit else { return nil }
        var last = limit - 1
        while old[last] == ScreenCell.blankBits { last -= 1 }
        return last - first >= 3 ? first : nil
    }

    private mutating func write(_ line: CellLine, row: Int, from start: Int, to end: Int) {
        guard start < end else { return }
        move(row: row, column: start)
        let plainBlankRoles = capabilities.plainBlankRoles, styles = capabilities.styles, asciiOnly = capabilities.asciiOnly
        // Room for the most the run can take is added at once, filled through a pointer and
        // cut to what was written: appending byte by byte cost several times as much.
        let longestStyle = styles.reduce(0) { max($0, $1.count) }
        let bound = (end - start) * (4 + longestStyle) + line.marks.reduce(0) { $0 + $1.utf8.count }
        let base = output.count
        output.append(contentsOf: repeatElement(0, count: bound))
        var style = self.style
        let written = output.withUnsafeMutableBufferPointer { buffer in
            line.cells.withUnsafeBufferPointer { cells in
                var at = base
                for column in start..<end {
                    let cell = cells[column]
                    if cell.kind == .tail { continue }
                    // A normal blank looks the same in any style that shows blanks plainly.
                    if cell.role != style, !(cell.isBlank && style.map(plainBlankRoles.contains) == true) {
                        for byte in styles[Int(cell.role.rawValue)] {
                            buffer[at] = byte
                            at += 1
                        }
                        style = cell.role
                    }
                    at = Self.encode(cell.scalar, into: buffer, at: at, asciiOnly: asciiOnly)
                    if cell.marks > 0 {
                        for byte in line.marks[Int(cell.marks) - 1].utf8 {
                            buffer[at] = byte
                            at += 1
                        }
                    }
                }
                return at
            }
        }
        output.removeLast(base + bound - written)
        self.style = style
        cursor = end >= columns ? nil : (row, end)
    }

    /// Writes `scalar`'s UTF-8 (or `?` past ASCII on a terminal that is not UTF-8) at `at`;
    /// answers where it ends.
    @inline(__always)
    private static func encode(_ scalar: Unicode.Scalar, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int, asciiOnly: Bool) -> Int {
        let value = scalar.value
        if value < 0x80 {
            buffer[at] = UInt8(value)
            return at + 1
        }
        if asciiOnly {
            buffer[at] = 0x3F
            return at + 1
        }
        if value < 0x800 {
            buffer[at] = UInt8(0xC0 | value >> 6)
            buffer[at + 1] = UInt8(0x80 | value & 0x3F)
            return at + 2
        }
        if value < 0x10000 {
            buffer[at] = UInt8(0xE0 | value >> 12)
            buffer[at + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            buffer[at + 2] = UInt8(0x80 | value & 0x3F)
            return at + 3
        }
        buffer[at] = UInt8(0xF0 | value >> 18)
        buffer[at + 1] = UInt8(0x80 | value >> 12 & 0x3F)
        buffer[at + 2] = UInt8(0x80 | value >> 6 & 0x3F)
        buffer[at + 3] = UInt8(0x80 | value & 0x3F)
        return at + 4
    }

    private mutating func setStyle(_ role: Role) {
        guard style != role else { return }
        output += capabilities.styles[Int(role.rawValue)]
        style = role
    }

    private mutating func move(row: Int, column: Int) {
        if let cursor, cursor.row == row, cursor.column == column { return }
        defer { cursor = (row, column) }
        guard case .ansi = capabilities.cursorAddress else {
            if case .terminfo(let cup) = capabilities.cursorAddress {
                output += Array(TerminalCapabilities.parameterized(cup, Int32(row), Int32(column)).utf8)
            }
            return
        }
        // The shortest of: the address; right along the row; CR LF to the next row's start
        // (whatever the terminal does with LF alone) and right from there.
        let addressBytes = column == 0 ? 3 + Self.digits(row + 1) : 4 + Self.digits(row + 1) + Self.digits(column + 1)
        if let cursor, capabilities.ansiForward {
            if cursor.row == row, column > cursor.column, Self.forwardBytes(column - cursor.column) < addressBytes {
                forward(column - cursor.column)
                return
            }
            if row == cursor.row + 1, 2 + Self.forwardBytes(column) < addressBytes {
                output.append(0x0D)
                output.append(0x0A)
                forward(column)
                return
            }
        }
        output.append(0x1B)
        output.append(0x5B)
        appendDecimal(row + 1)
        if column > 0 {
            output.append(0x3B)
            appendDecimal(column + 1)
        }
        output.append(0x48)
    }

    /// `ESC [ n C`, `ESC [ C` for one, nothing for none.
    private mutating func forward(_ distance: Int) {
        guard distance > 0 else { return }
        output.append(0x1B)
        output.append(0x5B)
        if distance > 1 { appendDecimal(distance) }
        output.append(0x43)
    }

    private static func forwardBytes(_ distance: Int) -> Int {
        distance == 0 ? 0 : distance == 1 ? 3 : 3 + digits(distance)
    }

    private static func digits(_ number: Int) -> Int {
        number < 10 ? 1 : number < 100 ? 2 : number < 1000 ? 3 : String(number).utf8.count
    }

    private mutating func appendDecimal(_ number: Int) {
        if number >= 10 { appendDecimal(number / 10) }
        output.append(UInt8(0x30 + number % 10))
    }

    /// Puts the cursor at a cell, e.g. where ncurses takes it to be before it ends.
    mutating func placeCursor(row: Int, column: Int) {
        cursor = nil
        setStyle(.normal)
        move(row: row, column: column)
    }
}
