import MailText

/// The writes that drew each row of the frame being drawn and of the one the terminal shows,
/// so a frame hands to the terminal only the rows that changed.
///
/// Every frame draws the whole screen here (`clear`, then puts and fills); comparing a row's
/// handful of writes with last frame's costs far less than comparing its cells again. A row drawn with the same writes as the row on screen shows the same cells and is
/// skipped; any other row is blanked and its writes replayed. Writes between frames (a
/// spinner turning) patch the rows they touch, which then count as changed.
///
/// A value type with no terminal in it; owned by `TerminalCanvas` on the UI thread.
struct FrameRows {
    /// One write onto a row.
    enum Write: Equatable {
        case put(String, column: Int, role: Role)
        case fill(column: Int, width: Int, role: Role)
    }

    private var drawing: [[Write]]
    /// The writes each row on the terminal was drawn with; nil while the terminal's content is
    /// unknown (before the first frame, after a resize), so that every row is drawn.
    private var shown: [[Write]]?
    /// Between `clear` and `changedRows`: writes go onto a blank frame, in order.
    private var isDrawingFrame = false
    /// Rows `shift` found drawn with the writes the terminal shows them with and left where
    /// they were, so `changedRows` need not compare them again; empty when not known.
    private var unchanged: [Bool] = []

    init(rows: Int) {
        drawing = Array(repeating: [], count: max(rows, 0))
    }

    var rows: Int { drawing.count }

    /// Starts a frame on a blank screen.
    mutating func clear() {
        for row in drawing.indices { drawing[row].removeAll(keepingCapacity: true) }
        isDrawingFrame = true
        unchanged = []
    }

    mutating func put(_ text: String, row: Int, column: Int, role: Role) {
        guard drawing.indices.contains(row), !text.isEmpty else { return }
        let write = Write.put(text, column: column, role: role)
        if !isDrawingFrame, let index = coveredWrite(row: row, column: column, width: DisplayWidth.of(text)) {
            drawing[row][index] = write
        } else {
            drawing[row].append(write)
        }
    }

    mutating func fill(row: Int, column: Int, width: Int, role: Role) {
        guard drawing.indices.contains(row), width > 0 else { return }
        drawing[row].append(.fill(column: column, width: width, role: role))
    }

    /// Forgets what the terminal shows, e.g. after a resize: the next frame draws every row.
    mutating func forget(rows: Int) {
        drawing = Array(repeating: [], count: max(rows, 0))
        shown = nil
        isDrawingFrame = false
        unchanged = []
    }

    /// A run of rows whose writes are those of rows `by` further down (`by` > 0) or up on the
    /// terminal, as when the cursor scrolls the list: rows `top...bottom` take the content of
    /// rows `top + by...bottom + by`, and the rows that content leaves are blanked.
    struct Shift: Equatable {
        var top: Int
        var bottom: Int
        var by: Int

        /// The rows that move or are blanked: the terminal's scrolling region.
        var region: ClosedRange<Int> { by > 0 ? top...(bottom + by) : (top + by)...bottom }
    }

    /// Shorter runs cost less to draw again than to move.
    static let shortestShift = 3
    static let farthestShift = 3

    /// Finds the longest run of changed rows the terminal shows elsewhere, at most
    /// `farthestShift` rows away, and takes it as moved there (the caller moves the terminal's
    /// rows the same way) so that `changedRows` then holds only what still differs.
    mutating func shift() -> Shift? {
        guard isDrawingFrame, let found = shown.map(findShift) else { return nil }
        unchanged = found.changed.map { !$0 }
        guard let best = found.shift else { return nil }
        // The rows of the region turn by `by` in place (no row's writes are copied), and the
        // ones the moved run leaves behind are blanked.
        let region = best.region
        for _ in 0..<abs(best.by) {
            if best.by > 0 {
                for row in region.lowerBound..<region.upperBound { shown!.swapAt(row, row + 1) }
            } else {
                for row in stride(from: region.upperBound, to: region.lowerBound, by: -1) { shown!.swapAt(row, row - 1) }
            }
        }
        let left = best.by > 0 ? (best.bottom + 1)...region.upperBound : region.lowerBound...(best.top - 1)
        for row in left { shown![row] = [] }
        for row in region { unchanged[row] = false }
        return best
    }

    /// Which rows differ from the rows `shown`, and the longest run of them found there
    /// `by` rows away, if there is one.
    private func findShift(_ shown: [[Write]]) -> (changed: [Bool], shift: Shift?) {
        let drawnSignatures = drawing.map(Self.signature), shownSignatures = shown.map(Self.signature)
        let changed = drawing.indices.map { drawnSignatures[$0] != shownSignatures[$0] || drawing[$0] != shown[$0] }
        guard changed.lazy.filter({ $0 }).count >= Self.shortestShift else { return (changed, nil) }
        var best: Shift?
        for distance in 1...Self.farthestShift {
            for by in [distance, -distance] {
                var start: Int?
                for row in 0...drawing.count {
                    let source = row + by
                    let moved = row < drawing.count && changed[row] && shown.indices.contains(source)
                        && !drawing[row].isEmpty && drawnSignatures[row] == shownSignatures[source] && drawing[row] == shown[source]
                    if moved {
                        if start == nil { start = row }
                    } else if let top = start {
                        if row - top > (best.map { $0.bottom - $0.top + 1 } ?? Self.shortestShift - 1) {
                            best = Shift(top: top, bottom: row - 1, by: by)
                        }
                        start = nil
                    }
                }
            }
        }
        return (changed, best)
    }

    /// A number that rows drawn with equal writes share: rows whose numbers differ differ,
    /// found without comparing their text.
    private static func signature(_ writes: [Write]) -> Int {
        var signature = writes.count
        for write in writes {
            switch write {
            case .put(let text, let column, let role):
                signature = signature &* 31 &+ text.utf8.count &* 7 &+ column &* 13 &+ Int(role.rawValue)
            case .fill(let column, let width, let role):
                signature = signature &* 31 &+ width &* 5 &+ column &* 11 &+ Int(role.rawValue) &+ 1
            }
        }
        return signature
    }

    /// The rows to draw, top to bottom, each with the writes that draw it onto a blanked row;
    /// from then on the terminal is taken to show this frame.
    mutating func changedRows() -> [(row: Int, writes: [Write])] {
        isDrawingFrame = false
        let unchanged = unchanged
        self.unchanged = []
        guard shown != nil else {
            shown = drawing
            return drawing.indices.map { ($0, drawing[$0]) }
        }
        var changed: [(row: Int, writes: [Write])] = []
        for row in drawing.indices where !(unchanged.indices.contains(row) && unchanged[row]) && shown![row] != drawing[row] {
            changed.append((row, drawing[row]))
            shown![row] = drawing[row]
        }
        return changed
    }

    /// A spinner turning writes the same cells again and again between frames: the put it
    /// covers exactly is replaced in place, so the row's writes do not grow with every turn.
    /// Nil when the latest write under those cells is anything else.
    private func coveredWrite(row: Int, column: Int, width: Int) -> Int? {
        for index in drawing[row].indices.reversed() {
            let (start, length): (Int, Int)
            switch drawing[row][index] {
            case .put(let text, let at, _): (start, length) = (at, DisplayWidth.of(text))
            case .fill(let at, let count, _): (start, length) = (at, count)
            }
            guard start < column + width, column < start + length else { continue }
            guard case .put = drawing[row][index], start == column, length == width else { return nil }
            return index
        }
        return nil
    }
}
