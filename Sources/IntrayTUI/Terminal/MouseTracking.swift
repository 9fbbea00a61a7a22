import CNCursesW
import Foundation

/// The terminal's mouse tracking (`mouse = true`): xterm modes 1000 and 1006 (clicks and the
/// wheel, in the SGR form that carries any column), not 1003, so moving the mouse sends
/// nothing. It is on only while the app draws: off again on every way out, and while the app
/// is suspended, so the shell never receives reports. Intray writes the modes itself and reads
/// the reports with its own `KeyDecoder` rather than ncurses' `mousemask`, whose terminfo
/// entries leave SGR out under `screen` and `tmux`. UI thread only, but for the signal handler.
enum MouseTracking {
    /// ncurses' Ctrl-Z handler, which restores the shell's terminal, stops, and draws again on `fg`.
    nonisolated(unsafe) private static var suspendHandler: (@convention(c) (Int32) -> Void)?

    /// Turns tracking on; call once curses has started, as it installs its Ctrl-Z handler then.
    static func start() {
        intray_mouse_tracking(1)
        let previous = signal(SIGTSTP) { number in
            intray_mouse_tracking(0)
            MouseTracking.suspendHandler?(number)
            // Back from `fg`: ncurses has drawn the screen again and put this handler back.
            intray_mouse_tracking(1)
        }
        // Where job control is off (Ctrl-Z ignored) or curses did not take Ctrl-Z, leave it as it was.
        guard intray_is_signal_function(previous) == 1 else {
            signal(SIGTSTP, previous)
            return
        }
        suspendHandler = previous
    }

    /// Turns tracking off; call after curses has given the terminal back.
    static func stop() {
        intray_mouse_tracking(0)
        if let suspendHandler {
            signal(SIGTSTP, suspendHandler)
            self.suspendHandler = nil
        }
    }

    /// From a handler of a fatal signal: only `write`, which is safe there; a terminal that
    /// was never tracking ignores it.
    static func stopWhileDying() {
        intray_mouse_tracking(0)
    }
}
