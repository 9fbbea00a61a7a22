/// The rows of the tab on screen that the search lets through, the cursor among them, and the
/// window of them the list pane shows. A child of the store: the app says which rows are shown
/// and how many lines the pane has, and the list keeps the cursor on a row and in the window.
public struct VisibleList: Sendable, Equatable {
    /// Indices into the tab's rows, in the tab's order.
    public private(set) var rows: [Int] = []
    /// Where the cursor is among `rows`.
    public private(set) var cursor = 0
    /// Where the list pane's first line is among `rows`.
    public private(set) var top = 0

    public init() {}

    /// What happened to the list; `height` is the lines of the list pane.
    enum Action: Sendable, Equatable {
        /// A key or the wheel moved the cursor this many rows down, or up when negative; with
        /// `wrapping`, moving past an end comes round at the other.
        case moved(by: Int, wrapping: Bool, height: Int)
        case movedTo(position: Int, height: Int)
        /// The rows shown were worked out anew, in the same tab. The cursor stays on the tab's
        /// row `keeping` while it is shown, else where it was, within the rows.
        case shown([Int], keeping: Int?, height: Int)
        /// Another list is shown (another tab): the cursor and the window start at its top.
        case replaced([Int], height: Int)
        /// Rows listed after those shown, in the tab's order.
        case extended([Int])
        /// The list pane has another height now.
        case laidOut(height: Int)
    }

    enum Outcome: Sendable, Equatable {
        /// The cursor is at another row than before.
        case cursorMoved
        case cursorStayed
    }

    @discardableResult
    mutating func reduce(_ action: Action) -> Outcome {
        let before = cursor
        switch action {
        case .moved(let delta, let wrapping, let height):
            guard !rows.isEmpty else { return .cursorStayed }
            var target = cursor + delta
            if wrapping { target = ((target % rows.count) + rows.count) % rows.count }
            move(to: target, height: height)
        case .movedTo(let position, let height):
            move(to: position, height: height)
        case .shown(let shown, let keeping, let height):
            rows = shown
            if let position = keeping.flatMap(position(ofRow:)) {
                cursor = position
            } else {
                cursor = min(cursor, max(rows.count - 1, 0))
            }
            scrollToCursor(height: height)
        case .replaced(let shown, let height):
            rows = shown
            cursor = 0
            top = 0
            scrollToCursor(height: height)
        case .extended(let more):
            rows += more
        case .laidOut(let height):
            scrollToCursor(height: height)
        }
        return cursor == before ? .cursorStayed : .cursorMoved
    }

    /// Where the tab's row `index` is among the rows shown: a binary search, as both are in
    /// the tab's order.
    public func position(ofRow index: Int) -> Int? {
        let position = rows.partitionIndex { $0 >= index }
        return position < rows.count && rows[position] == index ? position : nil
    }

    private mutating func move(to position: Int, height: Int) {
        cursor = rows.isEmpty ? 0 : min(max(position, 0), rows.count - 1)
        scrollToCursor(height: height)
    }

    /// Keeps the cursor inside the window, moving the window as little as possible.
    private mutating func scrollToCursor(height: Int) {
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = min(max(top, 0), max(rows.count - height, 0))
    }
}
