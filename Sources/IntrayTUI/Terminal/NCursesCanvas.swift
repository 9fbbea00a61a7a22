import CNCursesW
import Foundation
import IntrayCore

/// The canvas on the real terminal. Views draw into `FrameRows`; `present` moves the rows that
/// moved together (the list scrolled) within ncurses' virtual screen, writes into it only the
/// rows that still differ from the frame on screen, and ncurses sends only the cells that
/// changed. UI thread only.
final class NCursesCanvas: Canvas {
    private let window: UnsafeMutablePointer<WINDOW>
    private let attributes: [Role: (attr: attr_t, pair: Int16)]
    private let isUTF8: Bool
    private var frame: FrameRows
    private var wide: [wchar_t] = []
    private var spaces: [UInt8] = []

    private(set) var rows: Int
    private(set) var columns: Int

    init(window: UnsafeMutablePointer<WINDOW>, palette: Palette, isUTF8: Bool) {
        self.window = window
        self.isUTF8 = isUTF8
        var table: [Role: (attr_t, Int16)] = [:]
        for role in Role.allCases { table[role] = palette.attributes(for: role) }
        attributes = table
        rows = Int(getmaxy(window))
        columns = Int(getmaxx(window))
        frame = FrameRows(rows: rows)
        spaces = Array(repeating: 0x20, count: columns)
    }

    /// Takes the window's new size; the next frame draws every row.
    func updateSize() {
        rows = Int(getmaxy(window))
        columns = Int(getmaxx(window))
        spaces = Array(repeating: 0x20, count: columns)
        frame.forget(rows: rows)
    }

    func clear() {
        frame.clear()
    }

    func put(_ text: String, row: Int, column: Int, role: Role) {
        guard row >= 0, row < rows, column >= 0, column < columns, !text.isEmpty else { return }
        frame.put(text, row: row, column: column, role: role)
    }

    func fill(row: Int, column: Int, width: Int, role: Role) {
        let start = max(column, 0)
        let count = min(column + width, columns) - start
        guard row >= 0, row < rows, count > 0 else { return }
        frame.fill(row: row, column: start, width: count, role: role)
    }

    /// Sends the frame to the terminal.
    func present() {
        if let shift = frame.shift() {
            scrollok(window, true)
            wsetscrreg(window, Int32(shift.region.lowerBound), Int32(shift.region.upperBound))
            wscrl(window, Int32(shift.by))
            wsetscrreg(window, 0, Int32(rows - 1))
            scrollok(window, false)
        }
        for (row, writes) in frame.changedRows() {
            wattr_set(window, intray_a_normal(), 0, nil)
            wmove(window, Int32(row), 0)
            wclrtoeol(window)
            // Until a write puts other characters, the row holds only one-cell ones, which can
            // be copied in as cells without splitting a wide one.
            var onlyNarrow = true
            for write in writes {
                switch write {
                case .put(let text, let column, let role):
                    if onlyNarrow, put(narrow: text, row: row, column: column, role: role) { continue }
                    onlyNarrow = false
                    wide.removeAll(keepingCapacity: true)
                    for scalar in text.unicodeScalars {
                        wide.append(isUTF8 || scalar.value < 0x7F ? wchar_t(bitPattern: scalar.value) : wchar_t(63))
                    }
                    draw(row: row, column: column, role: role)
                case .fill(let column, let width, let role):
                    if onlyNarrow {
                        let (attr, pair) = attribute(role)
                        spaces.withUnsafeBufferPointer { blank in
                            _ = intray_mvaddascii_attr(window, Int32(row), Int32(column), blank.baseAddress, Int32(min(width, blank.count)), attr, pair)
                        }
                        continue
                    }
                    wide.removeAll(keepingCapacity: true)
                    wide.append(contentsOf: repeatElement(wchar_t(32), count: width))
                    draw(row: row, column: column, role: role)
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes `wide` at a cell.
    private func draw(row: Int, column: Int, role: Role) {
        let (attr, pair) = attribute(role)
        _ = intray_mvaddnwstr_attr(window, Int32(row), Int32(column), wide, Int32(wide.count), attr, pair)
    }

    /// Copies `text` in as cells when each of its characters takes one column; false, writing
    /// nothing, otherwise.
    private func put(narrow text: String, row: Int, column: Int, role: Role) -> Bool {
        var text = text
        let (attr, pair) = attribute(role)
        return text.withUTF8 { bytes in
            intray_mvaddnarrow_attr(window, Int32(row), Int32(column), bytes.baseAddress, Int32(bytes.count), isUTF8 ? 1 : 0, attr, pair) != 0
        }
    }

    private func attribute(_ role: Role) -> (attr: attr_t, pair: Int16) {
        attributes[role] ?? (intray_a_normal(), 0)
    }
}

/// Roles as terminal attributes: colours where the terminal has them and `NO_COLOR` is not
/// set; otherwise reverse video and bold, so the cursor row stays visible on monochrome terminals.
struct Palette {
    let useColor: Bool

    /// Call after `start_color`, before drawing.
    static func install(useColor: Bool) -> Palette {
        if useColor {
            start_color()
            use_default_colors()
            let pairs: [(Int16, Int16, Int16)] = [
                (1, Int16(COLOR_WHITE), Int16(COLOR_BLUE)),   // tabs
                (2, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),   // active tab, cursor
                (3, Int16(COLOR_YELLOW), -1),                 // selected
                (4, Int16(COLOR_WHITE), Int16(COLOR_RED)),    // error
                (5, Int16(COLOR_BLACK), Int16(COLOR_GREEN)),  // success
                (6, Int16(COLOR_CYAN), -1),                   // accent
                (7, Int16(COLOR_BLUE), -1),                   // border
            ]
            for (pair, fg, bg) in pairs { init_pair(pair, fg, bg) }
        }
        return Palette(useColor: useColor)
    }

    func attributes(for role: Role) -> (attr_t, Int16) {
        let bold = intray_a_bold(), reverse = intray_a_reverse(), dim = intray_a_dim(), normal = intray_a_normal()
        guard useColor else {
            switch role {
            case .normal, .border, .accent: return (normal, 0)
            case .muted: return (dim, 0)
            case .header, .unread, .selected: return (bold, 0)
            case .tab, .status, .statusSuccess, .cursorUnfocused: return (reverse, 0)
            case .statusDisabled: return (reverse | dim, 0)
            case .match: return (bold | intray_a_underline(), 0)
            case .activeTab, .cursor, .statusError: return (reverse | bold, 0)
            }
        }
        switch role {
        case .normal: return (normal, 0)
        case .muted: return (dim, 0)
        case .header, .unread: return (bold, 0)
        case .tab, .status: return (normal, 1)
        case .statusDisabled: return (dim, 1)
        case .match: return (bold | intray_a_underline(), 3)
        case .activeTab: return (bold, 2)
        case .cursor: return (bold, 2)
        case .cursorUnfocused: return (reverse, 0)
        case .selected: return (bold, 3)
        case .statusError: return (bold, 4)
        case .statusSuccess: return (normal, 5)
        case .accent: return (normal, 6)
        case .border: return (normal, 7)
        }
    }
}
