import IntrayCore

/// What a piece of text means on screen; the backend turns it into colours or attributes.
public enum Role: UInt8, Sendable, Hashable, CaseIterable {
    case normal
    case muted
    case header
    case tab
    case activeTab
    case cursor
    case cursorUnfocused
    case selected
    case unread
    case status
    /// A key hint in the status bar whose command cannot run now.
    case statusDisabled
    /// Where the search's words appear in the list and the body.
    case match
    case statusError
    case statusSuccess
    case accent
    case border
}

/// Where the views draw. Text handed to `put` is already sanitised and cut to fit: the
/// canvas never measures or wraps. Implemented by ncurses and by an in-memory grid for tests.
public protocol Canvas: AnyObject {
    var rows: Int { get }
    var columns: Int { get }
    /// Blanks every cell (with the normal role).
    func clear()
    /// Writes `text` starting at a cell; cells it covers take `role`.
    func put(_ text: String, row: Int, column: Int, role: Role)
    /// Paints `width` cells of a row with `role`, leaving their text blank.
    func fill(row: Int, column: Int, width: Int, role: Role)
}
