import MailText

/// One cell of the terminal: a character and its role, eight bytes with no references, so
/// rows compare and copy as plain memory. A character two columns wide takes a `lead` cell
/// and the `tail` cell right of it.
struct ScreenCell: Equatable {
    enum Kind: UInt8 {
        case narrow, lead, tail
    }

    var scalar: Unicode.Scalar
    var role: Role
    var kind: Kind
    /// Zero-width scalars drawn after `scalar` (combining marks), rare: 0 for none, otherwise
    /// their place in the row's `marks`, counted from 1.
    var marks: UInt16

    init(_ scalar: Unicode.Scalar, role: Role, kind: Kind = .narrow) {
        self.scalar = scalar
        self.role = role
        self.kind = kind
        marks = 0
    }

    static let blank = ScreenCell(" ", role: .normal)

    /// The cell's eight bytes as one number: the scalar, then the role, the kind and the
    /// marks (the top 16 bits), so that comparing cells costs one comparison.
    @inline(__always)
    var bits: UInt64 { unsafeBitCast(self, to: UInt64.self) }

    /// `blank.bits`, and the bits of the marks, as constants the hot loops need not load.
    static let blankBits: UInt64 = 0x20
    static let marksBits: UInt64 = 0xFFFF << 48

    /// Whether the cells whose `bits` these are are equal (`==`).
    @inline(__always)
    static func equalBits(_ lhs: UInt64, _ rhs: UInt64) -> Bool {
        lhs == rhs && lhs & marksBits == 0
    }

    @inline(__always)
    var isBlank: Bool { bits == Self.blankBits }

    /// A cell with marks never equals another: its marks are the row's, so it is drawn again
    /// whenever its row changes.
    @inline(__always)
    static func == (lhs: ScreenCell, rhs: ScreenCell) -> Bool {
        equalBits(lhs.bits, rhs.bits)
    }
}

/// Roles as bits: cheap enough to ask about for every cell.
struct RoleSet {
    private var bits: UInt32 = 0

    init(_ roles: some Sequence<Role>) {
        for role in roles { bits |= 1 << UInt32(role.rawValue) }
    }

    func contains(_ role: Role) -> Bool { bits & 1 << UInt32(role.rawValue) != 0 }
}

/// One row of cells and the combining marks its cells refer to.
struct CellLine {
    var cells: [ScreenCell]
    var marks: [String] = []
    /// Whether a wide character was placed: until one is, no write can split one.
    var hasWide = false

    static func blank(columns: Int) -> CellLine {
        CellLine(cells: Array(repeating: .blank, count: max(columns, 0)))
    }

    /// Blanks the row in place.
    mutating func clear() {
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
        marks.removeAll()
        hasWide = false
    }

    /// Takes `line`'s content, as wide as this row, into this row's own storage: rows drawn
    /// every frame allocate nothing.
    mutating func assign(_ line: CellLine) {
        cells.withUnsafeMutableBufferPointer { target in
            line.cells.withUnsafeBufferPointer { source in
                _ = target.update(fromContentsOf: source.prefix(target.count))
            }
        }
        marks = line.marks
        hasWide = line.hasWide
    }
}

/// A row's writes turned into the cells a terminal shows for them: each scalar takes the
/// columns `DisplayWidth` gives it, a zero-width one joins the cell before it, a wide
/// character that would cross the right edge is not drawn, and a write over half of a wide
/// character blanks its other half, as terminals do.
enum CellRow {
    /// Draws `writes` onto `line`, blanked first, in its own storage. `asciiOnly` (a terminal
    /// that is not UTF-8) writes `?` for any character past ASCII; a blank cell of one of
    /// `plainBlankRoles` is the normal blank.
    static func draw(_ writes: [FrameRows.Write], on line: inout CellLine, asciiOnly: Bool, plainBlankRoles: RoleSet = RoleSet([])) {
        line.clear()
        let columns = line.cells.count
        for write in writes {
            switch write {
            case .fill(let column, let width, let role):
                let start = max(column, 0), end = min(column + width, columns)
                guard start < end else { continue }
                let blank = ScreenCell(" ", role: plainBlankRoles.contains(role) ? .normal : role)
                if line.hasWide {
                    line.cells.withUnsafeMutableBufferPointer { cells in
                        for index in start..<end { place(blank, at: index, in: cells) }
                    }
                } else {
                    line.cells.withUnsafeMutableBufferPointer { cells in
                        UnsafeMutableBufferPointer(rebasing: cells[start..<end]).update(repeating: blank)
                    }
                }
            case .put(let text, let column, let role):
                put(text, column: column, role: role, asciiOnly: asciiOnly, plainBlank: plainBlankRoles.contains(role), in: &line)
            }
        }
    }

    private static func put(_ text: String, column: Int, role: Role, asciiOnly: Bool, plainBlank: Bool, in line: inout CellLine) {
        var text = text
        let blank = ScreenCell(" ", role: plainBlank ? .normal : role)
        text.withUTF8 { bytes in
            line.cells.withUnsafeMutableBufferPointer { cells in
                var index = column
                var last: Int?
                var offset = 0
                while offset < bytes.count {
                    let byte = bytes[offset]
                    if byte >= 0x20 && byte < 0x7F {
                        offset += 1
                        guard index < cells.count else { break }
                        if index >= 0 {
                            let cell = byte == 0x20 ? blank : ScreenCell(Unicode.Scalar(byte), role: role)
                            if line.hasWide { place(cell, at: index, in: cells) } else { cells[index] = cell }
                            last = index
                        }
                        index += 1
                        continue
                    }
                    let (original, length) = UTF8Scalar.decode(bytes, at: offset)
                    offset += length
                    let scalar = asciiOnly && original.value >= 0x7F || isControl(original.value) ? "?" : original
                    let width = DisplayWidth.of(scalar)
                    if width == 0 {
                        if let last { addMark(scalar, at: last, in: cells, marks: &line.marks) }
                        continue
                    }
                    guard index + width <= cells.count else { break }
                    if index >= 0 {
                        place(ScreenCell(scalar, role: role, kind: width == 2 ? .lead : .narrow), at: index, in: cells)
                        if width == 2 {
                            place(ScreenCell(" ", role: role, kind: .tail), at: index + 1, in: cells)
                            line.hasWide = true
                        }
                        last = index
                    }
                    index += width
                }
            }
        }
    }

    private static func addMark(_ scalar: Unicode.Scalar, at index: Int, in cells: UnsafeMutableBufferPointer<ScreenCell>, marks: inout [String]) {
        let mark = Int(cells[index].marks)
        if mark > 0 {
            marks[mark - 1].unicodeScalars.append(scalar)
        } else if marks.count < Int(UInt16.max) {
            marks.append(String(scalar))
            cells[index].marks = UInt16(marks.count)
        }
    }

    /// Views hand over sanitised text; a control that slipped through is shown as `?`, never sent.
    private static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// Puts `cell` at `index`, blanking the other half of any wide character it covers half of.
    private static func place(_ cell: ScreenCell, at index: Int, in cells: UnsafeMutableBufferPointer<ScreenCell>) {
        switch cells[index].kind {
        case .narrow: break
        case .lead:
            if cell.kind != .lead, index + 1 < cells.count { cells[index + 1] = ScreenCell(" ", role: cells[index + 1].role) }
        case .tail:
            if index > 0, cell.kind != .tail { cells[index - 1] = ScreenCell(" ", role: cells[index - 1].role) }
        }
        cells[index] = cell
    }
}
