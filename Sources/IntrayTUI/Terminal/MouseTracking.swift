import CNCursesW
import Foundation

/// The terminal's mouse tracking (`mouse = true`): xterm modes 1000 and 1006 (clicks and the
/// wheel, in the SGR form that carries any column), not 1003, so moving the mouse sends
/// nothing. It is on only while the app draws: off again on every way out, and while the app
/// is suspended, so the shell never receives reports. Intray writes the modes itself and reads
/// the reports with its own `KeyDecoder` rather than ncurses' `mousemask`, whose terminfo
/// entries leave SGR out under `screen` and `tmux`. UI thread only (`TerminalApp` turns it off
/// and on around Ctrl-Z), but for the fatal-signal handler.
enum MouseTracking {
    static func start() {
        intray_mouse_tracking(1)
    }

    static func stop() {
        intray_mouse_tracking(0)
    }

    /// From a handler of a fatal signal: only `write`, which is safe there; a terminal that
    /// was never tracking ignores it.
    static func stopWhileDying() {
        intray_mouse_tracking(0)
    }
}
