/// How the panes are arranged.
public enum LayoutMode: Sendable, Equatable {
    /// Side by side from 160 columns, stacked below that.
    case automatic
    case stacked
    case sideBySide
    /// The detail pane alone, on every row between the tabs and the status line.
    case reader
}

/// A rectangle on the terminal, in cells.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var height: Int
    public var width: Int

    public init(row: Int, column: Int, height: Int, width: Int) {
        self.row = row
        self.column = column
        self.height = height
        self.width = width
    }

    public func contains(row: Int, column: Int) -> Bool {
        (self.row..<(self.row + height)).contains(row) && (self.column..<(self.column + width)).contains(column)
    }
}

/// Where every part of the screen goes for a terminal size; pure, so the reducer can page
/// by the list's real height and the views draw into the same rectangles.
public struct ScreenLayout: Sendable, Equatable {
    public static let minimumColumns = 80
    public static let minimumRows = 24
    public static let sideBySideColumns = 160

    public var columns: Int
    public var rows: Int
    public var isSideBySide: Bool
    public var tabs: Rect
    public var list: Rect
    /// The detail pane, including its header lines.
    public var detail: Rect
    public var status: Rect

    public var isTooSmall: Bool { columns < Self.minimumColumns || rows < Self.minimumRows }

    public init(columns: Int, rows: Int, mode: LayoutMode) {
        self.columns = max(columns, 1)
        self.rows = max(rows, 1)
        let sideBySide = switch mode {
        case .automatic: columns >= Self.sideBySideColumns
        case .stacked: false
        case .sideBySide: true
        case .reader: false
        }
        isSideBySide = sideBySide
        tabs = Rect(row: 0, column: 0, height: 1, width: self.columns)
        status = Rect(row: self.rows - 1, column: 0, height: 1, width: self.columns)
        let body = max(self.rows - 2, 2)
        if mode == .reader {
            list = Rect(row: 1, column: 0, height: 0, width: self.columns)
            detail = Rect(row: 1, column: 0, height: body, width: self.columns)
        } else if sideBySide {
            let listWidth = max(self.columns * 9 / 20, 40)
            list = Rect(row: 1, column: 0, height: body, width: listWidth)
            detail = Rect(row: 1, column: listWidth + 1, height: body, width: max(self.columns - listWidth - 1, 1))
        } else {
            let listHeight = max(body * 2 / 5, 1)
            list = Rect(row: 1, column: 0, height: listHeight, width: self.columns)
            detail = Rect(row: 1 + listHeight, column: 0, height: max(body - listHeight, 1), width: self.columns)
        }
    }
}
