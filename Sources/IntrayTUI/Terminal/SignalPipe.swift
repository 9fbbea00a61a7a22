import CNCursesW
import Foundation

/// Turns SIGINT, SIGTERM, SIGHUP, SIGWINCH and SIGTSTP into a byte on a pipe the UI thread
/// polls, so the run loop can finish pending actions and restore the terminal instead of dying
/// mid-frame, lays out at once on resize (the signal may land on any thread, so ncurses' own
/// flag alone would leave the UI thread asleep in `poll`), and suspends on Ctrl-Z between
/// frames, on the UI thread, rather than in a handler that would race the drawing.
enum SignalPipe {
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    nonisolated(unsafe) private(set) static var readEnd: Int32 = -1

    /// Opens the pipe once and (again) sets the handlers, which ncurses' start replaces.
    static func install() {
        if readEnd < 0 {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { return }
            readEnd = fds[0]
            writeEnd = fds[1]
            _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
        }
        let relay: @convention(c) (Int32) -> Void = { number in
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(SignalPipe.writeEnd, &byte, 1)
        }
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { signal(sig, relay) }
        // Where job control is off (Ctrl-Z ignored), it stays off.
        if intray_is_signal_ignored(signal(SIGTSTP, relay)) == 1 { signal(SIGTSTP, SIG_IGN) }
        signal(SIGPIPE, SIG_IGN)
    }

    /// Stops the process as Ctrl-Z would have; returns once it is continued (`fg`).
    static func stopProcess() {
        let relay = signal(SIGTSTP, SIG_DFL)
        kill(getpid(), SIGTSTP)
        signal(SIGTSTP, relay)
    }

    /// The signals that arrived since the last call.
    static func drain() -> [Int32] {
        var buffer = [UInt8](repeating: 0, count: 16)
        var signals: [Int32] = []
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            guard count > 0 else { break }
            signals += buffer[0..<count].map { Int32($0) }
        }
        return signals
    }
}
