import CNCursesW
import Foundation

/// What this machine says about the terminal Intray would run in, read without taking the
/// terminal over, for `intray doctor`.
public enum TerminalProbe {
    public enum TerminfoEntry: Equatable, Sendable {
        case found(colors: Int, canAddressCursor: Bool)
        case missing
        case noDatabase
    }

    /// The terminfo entry ncurses finds for `term`.
    public static func terminfo(for term: String) -> TerminfoEntry {
        var colors: Int32 = 0
        var cursor: Int32 = 0
        switch intray_terminfo_entry(term, &colors, &cursor) {
        case 1: return .found(colors: Int(max(colors, 0)), canAddressCursor: cursor == 1)
        case 0: return .missing
        default: return .noDatabase
        }
    }

    /// Columns and rows of the terminal on stdout, stdin or stderr; nil when none is one.
    public static func size() -> (columns: Int, rows: Int)? {
        for descriptor in [STDOUT_FILENO, STDIN_FILENO, STDERR_FILENO] {
            var rows: Int32 = 0
            var columns: Int32 = 0
            if intray_terminal_size(descriptor, &rows, &columns) == 0 { return (Int(columns), Int(rows)) }
        }
        return nil
    }

    /// The character set of the locale the environment selects, as the app would see it
    /// (`UTF-8`), or nil when that locale is not installed.
    public static func localeCodeset() -> String? {
        guard setlocale(LC_ALL, "") != nil else {
            setlocale(LC_ALL, "C")
            return nil
        }
        return String(cString: nl_langinfo(nl_item(CODESET)))
    }
}
