import IntrayCore
import MailText

/// An in-memory canvas: a grid of cells that tests read back as text, one line per row.
/// A wide character takes its cell and leaves the next one empty, as a terminal does.
///
/// Text that does not fit is cut here, but ncurses would wrap it onto the next row, so every
/// such write is kept in `overflows` for the tests to fail on.
public final class GridCanvas: Canvas {
    /// Text written past the right edge (or left of the first column), which a terminal would
    /// wrap onto the next row; views must fit what they write.
    public struct Overflow: Equatable, Sendable, CustomStringConvertible {
        public var row: Int
        public var column: Int
        public var text: String
        /// The display width of `text`.
        public var width: Int
        /// The canvas's width.
        public var columns: Int

        public var description: String {
            "row \(row), column \(column): \"\(text)\" is \(width) wide and ends at column \(column + width) of \(columns)"
        }
    }

    public let rows: Int
    public let columns: Int
    /// Every write that went past the right edge, in order.
    public private(set) var overflows: [Overflow] = []
    private var cells: [[Character?]]
    private var roles: [[Role]]

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        roles = Array(repeating: Array(repeating: .normal, count: columns), count: rows)
    }

    public func clear() {
        for row in 0..<rows {
            cells[row] = Array(repeating: " ", count: columns)
            roles[row] = Array(repeating: .normal, count: columns)
        }
    }

    public func put(_ text: String, row: Int, column: Int, role: Role) {
        guard (0..<rows).contains(row) else { return }
        let width = DisplayWidth.of(text)
        if column < 0 || column + width > columns {
            overflows.append(Overflow(row: row, column: column, text: text, width: width, columns: columns))
        }
        var col = column
        for character in text {
            let width = DisplayWidth.of(character)
            guard col >= 0, col + width <= columns else { break }
            cells[row][col] = character
            roles[row][col] = role
            if width == 2 {
                cells[row][col + 1] = nil
                roles[row][col + 1] = role
            }
            col += max(width, 1)
        }
    }

    public func fill(row: Int, column: Int, width: Int, role: Role) {
        guard (0..<rows).contains(row) else { return }
        for col in max(column, 0)..<min(column + width, columns) {
            cells[row][col] = " "
            roles[row][col] = role
        }
    }

    /// The screen as text, trailing spaces of each row removed.
    public var text: String { lines.joined(separator: "\n") }

    public var lines: [String] {
        cells.map { row in
            var line = String(row.compactMap { $0 })
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public func role(row: Int, column: Int) -> Role { roles[row][column] }
}
