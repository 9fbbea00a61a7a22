/// One report of xterm's mouse tracking: a button pressed or released, or the wheel turned,
/// over a cell. Cells count from zero at the top left, as the screen's rows and columns do.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press(Button)
        case release
        case wheelUp
        case wheelDown
        /// What Intray has no use for: a drag, the wheel tilted sideways, buttons past the third.
        case other
    }

    public enum Button: Hashable, Sendable {
        case left, middle, right
    }

    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }

    /// The event a report's button code stands for, with the 1-based cell the terminal sends.
    /// The modifier bits (shift 4, alt 8, ctrl 16) are dropped: terminals keep most such
    /// clicks for themselves, and what reaches the app should do what a plain click does.
    init(code: Int, column: Int, row: Int, released: Bool) {
        let kind: Kind = switch code & ~0b1_1100 {
        case _ where released, 3: .release
        case 0: .press(.left)
        case 1: .press(.middle)
        case 2: .press(.right)
        case 64: .wheelUp
        case 65: .wheelDown
        default: .other
        }
        self.init(kind, row: row - 1, column: column - 1)
    }
}

/// A mouse report read a byte at a time after the `ESC [` that opens it: `<` starts the SGR
/// form of mode 1006, `b;x;y` then `M` (press) or `m` (release), with numbers of any size;
/// `M` starts the older form of mode 1000 alone, three bytes that are 32 more than the button
/// code and the 1-based column and row (terminals without mode 1006, such as GNU screen).
struct MouseReport: Sendable {
    enum Form: Sendable { case sgr, x10 }

    enum Step: Equatable {
        /// The byte belongs to the report, which is not finished.
        case more
        /// The report is finished; nil when it does not make sense, so it is dropped whole.
        case done(MouseEvent?)
        /// The byte cannot be part of the report: the report is cut short, and the byte is input of its own.
        case notPart
    }

    /// Far longer than `65;99999;99999`: the bound that keeps a broken report from holding typed digits.
    static let longestSGR = 32

    let form: Form
    private var scalars = String.UnicodeScalarView()

    init(_ form: Form) {
        self.form = form
    }

    /// The first byte after `ESC [` that starts a report, or nil when `scalar` starts none.
    init?(opening scalar: Unicode.Scalar) {
        switch scalar {
        case "<": self.init(.sgr)
        case "M": self.init(.x10)
        default: return nil
        }
    }

    mutating func add(_ scalar: Unicode.Scalar) -> Step {
        switch form {
        case .x10:
            scalars.append(scalar)
            guard scalars.count == 3 else { return .more }
            let numbers = scalars.map { Int($0.value) - 32 }
            return .done(MouseEvent(code: numbers[0], column: numbers[1], row: numbers[2], released: false))
        case .sgr:
            if scalar == "M" || scalar == "m" {
                let numbers = String(scalars).split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
                guard numbers.count == 3, let code = numbers[0], let column = numbers[1], let row = numbers[2], column > 0, row > 0 else { return .done(nil) }
                return .done(MouseEvent(code: code, column: column, row: row, released: scalar == "m"))
            }
            guard ("0"..."9").contains(scalar) || scalar == ";", scalars.count < Self.longestSGR else { return .notPart }
            scalars.append(scalar)
            return .more
        }
    }
}
