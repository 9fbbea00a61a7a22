import CNCursesW
import Foundation
import IntrayCore

/// The canvas on the real terminal. Views draw into `FrameRows`; `present` moves the rows that
/// moved together (the list scrolled), turns only the rows that still differ from the frame on
/// screen into cells, and `ScreenWriter` sends the cells that changed, in one write.
///
/// ncurses sets the terminal up, reads keys and gives the terminal back; it draws nothing
/// after the first clear, so its own idea of the screen stays blank and untouched and reading
/// a key never makes it refresh. UI thread only.
final class TerminalCanvas: Canvas {
    private let window: UnsafeMutablePointer<WINDOW>
    private let capabilities: TerminalCapabilities
    private var frame: FrameRows
    private var writer: ScreenWriter

    private(set) var rows: Int
    private(set) var columns: Int

    init(window: UnsafeMutablePointer<WINDOW>, capabilities: TerminalCapabilities) {
        self.window = window
        self.capabilities = capabilities
        rows = Int(getmaxy(window))
        columns = Int(getmaxx(window))
        frame = FrameRows(rows: rows)
        Self.synchronizeCurses(window)
        writer = ScreenWriter(rows: rows, columns: columns, capabilities: capabilities, isBlank: true)
    }

    /// Takes the window's new size; the next frame clears the screen and draws every row.
    func updateSize() {
        Self.synchronizeCurses(window)
        rows = Int(getmaxy(window))
        columns = Int(getmaxx(window))
        frame.forget(rows: rows)
        writer = ScreenWriter(rows: rows, columns: columns, capabilities: capabilities)
    }

    /// Back from Ctrl-Z: ncurses takes the terminal back (the program's modes, the alternate
    /// screen) on this refresh, and the next frame clears it and draws every row.
    func redrawAll() {
        Self.synchronizeCurses(window)
        frame.forget(rows: rows)
        writer.forget()
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
        writer.draw(&frame)
        Self.send(writer.take())
    }

    /// Before ncurses ends: the cursor goes where ncurses takes it to be, in the normal style,
    /// so the moves it makes on its way out land where it means them to.
    func handBack() {
        var row: Int32 = 0, column: Int32 = 0
        intray_curscr_cursor(&row, &column)
        writer.placeCursor(row: Int(row), column: Int(column))
        Self.send(writer.take())
    }

    /// ncurses' screens are refreshed once, blank: its first refresh clears the terminal (so the
    /// first frame need not), and later key reads find nothing to refresh.
    private static func synchronizeCurses(_ window: UnsafeMutablePointer<WINDOW>) {
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes all of `bytes` to the terminal, waiting while it is busy; gives up if it is gone.
    static func send(_ bytes: [UInt8]) {
        var sent = 0
        bytes.withUnsafeBufferPointer { buffer in
            while sent < buffer.count {
                let count = write(STDOUT_FILENO, buffer.baseAddress! + sent, buffer.count - sent)
                if count > 0 {
                    sent += count
                } else if count < 0, errno == EINTR {
                    continue
                } else if count < 0, errno == EAGAIN {
                    var descriptor = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, 100)
                } else {
                    return
                }
            }
        }
    }
}

/// Roles as terminal styles: colours where the terminal has them and `NO_COLOR` is not set;
/// otherwise reverse video and bold, so the cursor row stays visible on monochrome terminals.
struct Palette {
    /// Attributes and the colours (0–7, nil for the terminal's default) of a role.
    struct Style: Equatable {
        var bold = false
        var dim = false
        var underline = false
        var reverse = false
        var foreground: Int?
        var background: Int?

        /// Whether the style needs the terminfo attribute `name` (`bold`, `dim`, `smul`, `rev`).
        func uses(_ name: String) -> Bool {
            switch name {
            case "bold": bold
            case "dim": dim
            case "smul": underline
            case "rev": reverse
            default: false
            }
        }
    }

    let useColor: Bool

    var plainBlankRoles: Set<Role> {
        Set(Role.allCases.filter { role in
            let style = style(for: role)
            return style.background == nil && !style.reverse && !style.underline
        })
    }

    private static let black = 0, red = 1, green = 2, yellow = 3, blue = 4, cyan = 6, white = 7

    func style(for role: Role) -> Style {
        guard useColor else {
            switch role {
            case .normal, .border, .accent: return Style()
            case .muted: return Style(dim: true)
            case .header, .unread, .selected: return Style(bold: true)
            case .tab, .status, .statusSuccess, .cursorUnfocused: return Style(reverse: true)
            case .statusDisabled: return Style(dim: true, reverse: true)
            case .match: return Style(bold: true, underline: true)
            case .activeTab, .cursor, .statusError: return Style(bold: true, reverse: true)
            }
        }
        switch role {
        case .normal: return Style()
        case .muted: return Style(dim: true)
        case .header, .unread: return Style(bold: true)
        case .tab, .status: return Style(foreground: Self.white, background: Self.blue)
        case .statusDisabled: return Style(dim: true, foreground: Self.white, background: Self.blue)
        case .match: return Style(bold: true, underline: true, foreground: Self.yellow)
        case .activeTab, .cursor: return Style(bold: true, foreground: Self.black, background: Self.cyan)
        case .cursorUnfocused: return Style(reverse: true)
        case .selected: return Style(bold: true, foreground: Self.yellow)
        case .statusError: return Style(bold: true, foreground: Self.white, background: Self.red)
        case .statusSuccess: return Style(foreground: Self.black, background: Self.green)
        case .accent: return Style(foreground: Self.cyan)
        case .border: return Style(foreground: Self.blue)
        }
    }
}
