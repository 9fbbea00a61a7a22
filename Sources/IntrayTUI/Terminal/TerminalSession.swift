import CNCursesW
import Foundation

/// The terminal in curses mode: set up once, restored on every way out (normal exit,
/// Ctrl-C, SIGTERM, SIGHUP, a crash signal). UI thread only.
final class TerminalSession {
    let window: UnsafeMutablePointer<WINDOW>
    let screen: OpaquePointer
    let isUTF8: Bool
    let useColor: Bool
    /// Whether the terminal reports clicks and the wheel (`MouseTracking`).
    let tracksMouse: Bool

    enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case unknownTerminal(String)
        case cannotAddressCursor(String)

        var description: String {
            switch self {
            case .notATerminal: "Intray needs a terminal: standard input and output must be a TTY."
            case .unknownTerminal(let term): "Cannot drive terminal type “\(term)”: set TERM to one your system knows (for example xterm-256color)."
            case .cannotAddressCursor(let term): "Terminal type “\(term)” cannot move the cursor, which Intray needs: set TERM to your terminal's type (for example xterm-256color)."
            }
        }
    }

    init(environment: [String: String], escapeDelayMilliseconds: Int = 0, tracksMouse: Bool = false) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw StartError.notATerminal }
        setlocale(LC_ALL, "")
        isUTF8 = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().filter { $0 != "-" } == "UTF8"
        let term = environment["TERM"] ?? "dumb"
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screen = newterm(nil, output, input) else { throw StartError.unknownTerminal(term) }
        self.screen = screen
        set_term(screen)
        guard intray_can_address_cursor() == 1 else {
            endwin()
            delscreen(screen)
            throw StartError.cannotAddressCursor(term)
        }
        intray_set_escdelay(Int32(escapeDelayMilliseconds))
        guard let window = intray_stdscr() else { throw StartError.unknownTerminal(term) }
        self.window = window
        cbreak()
        noecho()
        nonl()
        Self.turnOffFlowControl()
        intrflush(window, false)
        keypad(window, true)
        // Mouse reports reach the key decoder as the bytes they are; left to curses, the
        // `ESC [ <` of xterm's terminfo would become KEY_MOUSE and the rest of the report keys.
        keyok(KEY_MOUSE, false)
        nodelay(window, true)
        curs_set(0)
        let wantsColor = environment["NO_COLOR"].map(\.isEmpty) ?? true
        useColor = wantsColor && intray_has_colors() == 1 && term != "dumb"
        TerminalSession.installCrashRestore()
        self.tracksMouse = tracksMouse
        if tracksMouse { MouseTracking.start() }
    }

    /// Ctrl-S and Ctrl-Q are keys here (emacs's search), not XON/XOFF that would freeze the
    /// output. ncurses saved the shell's modes when it started and restores them on exit and on
    /// Ctrl-Z; recording this as the program's mode keeps it after `fg`.
    private static func turnOffFlowControl() {
        var attributes = termios()
        guard tcgetattr(STDIN_FILENO, &attributes) == 0 else { return }
        attributes.c_iflag &= ~tcflag_t(IXON)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &attributes) == 0 else { return }
        def_prog_mode()
    }

    /// Gives the shell its terminal back for Ctrl-Z; `resume` takes it again.
    func suspend() {
        endwin()
        if tracksMouse { MouseTracking.stop() }
    }

    /// After `fg`: ncurses' next refresh restores the program's modes and screen.
    func resume() {
        if tracksMouse { MouseTracking.start() }
    }

    /// Leaves curses mode; the shell gets its terminal back as it was.
    func end() {
        endwin()
        if tracksMouse { MouseTracking.stop() }
        delscreen(screen)
    }

    /// Swift traps and memory faults end the process with a signal; give the terminal back first.
    private static func installCrashRestore() {
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT] {
            signal(sig) { number in
                endwin()
                MouseTracking.stopWhileDying()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
