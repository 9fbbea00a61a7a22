import CNCursesW

/// The control sequences `ScreenWriter` sends, read from the terminal's terminfo entry once
/// ncurses has loaded it. Where an entry spells a sequence the ANSI way (as xterm, tmux,
/// screen and the Linux console do), the writer builds it itself (one `ESC [ … m` per style,
/// digits for a move) rather than asking terminfo each time.
struct TerminalCapabilities {
    /// How the cursor is put at a cell.
    enum CursorAddress {
        /// `ESC [ row ; column H`, counted from 1.
        case ansi
        /// A terminfo `cup` string with two parameters, row and column, counted from 0.
        case terminfo(String)
    }

    var cursorAddress: CursorAddress
    /// Clears the screen and homes the cursor.
    var clearScreen: [UInt8]
    /// Clears from the cursor to the end of its row (`el`), where the terminal has it.
    var clearToEndOfLine: [UInt8]?
    /// `csr` with two parameters, top and bottom row; with `scrollForward` and
    /// `scrollReverse` it lets a run of rows move without drawing them again.
    var scrollRegion: String?
    var scrollForward: [UInt8]?
    var scrollReverse: [UInt8]?
    /// Moves the cursor right by a count (`cuf`), when it is the ANSI `ESC [ n C`.
    var ansiForward: Bool
    /// Writing the bottom-right cell scrolls the screen (`am` without `xenl`): it stays unwritten.
    var lastCellScrolls: Bool
    /// The sequence that sets each role's attributes and colours from any earlier state, by
    /// the role's raw value.
    var styles: [[UInt8]]
    /// Characters past ASCII are sent as `?` (the locale is not UTF-8).
    var asciiOnly: Bool
    /// Roles whose blank cells look like the normal blank (no background, reverse video or
    /// underline): such cells are taken as normal blanks, so a bold row's trailing spaces need
    /// not be sent and `el` can clear them.
    var plainBlankRoles: RoleSet

    var canScroll: Bool { scrollRegion != nil && scrollForward != nil && scrollReverse != nil }

    /// An ANSI terminal such as xterm, with colours or without; for tests.
    static func ansi(palette: Palette, asciiOnly: Bool = false) -> TerminalCapabilities {
        TerminalCapabilities(
            cursorAddress: .ansi, clearScreen: Array("\u{1B}[H\u{1B}[2J".utf8), clearToEndOfLine: Array("\u{1B}[K".utf8),
            scrollRegion: "\u{1B}[%i%p1%d;%p2%dr", scrollForward: [0x0A], scrollReverse: Array("\u{1B}M".utf8),
            ansiForward: true, lastCellScrolls: false,
            styles: Role.allCases.map { ansiStyle(palette.style(for: $0)) },
            asciiOnly: asciiOnly, plainBlankRoles: RoleSet(palette.plainBlankRoles)
        )
    }

    /// The terminal ncurses has set up (call after `newterm`).
    static func current(palette: Palette, asciiOnly: Bool) -> TerminalCapabilities {
        let cup = string("cup") ?? ""
        let ansiStyles = isANSIStyled(palette)
        let styles = Role.allCases.map { role in
            let style = palette.style(for: role)
            return ansiStyles ? ansiStyle(style) : terminfoStyle(style)
        }
        return TerminalCapabilities(
            cursorAddress: cup == "\u{1B}[%i%p1%d;%p2%dH" ? .ansi : .terminfo(cup),
            clearScreen: bytes("clear") ?? [],
            clearToEndOfLine: bytes("el"),
            scrollRegion: string("csr"),
            scrollForward: bytes("ind"),
            scrollReverse: bytes("ri"),
            ansiForward: string("cuf") == "\u{1B}[%p1%dC",
            lastCellScrolls: intray_tigetflag("am") == 1 && intray_tigetflag("xenl") != 1,
            styles: styles,
            asciiOnly: asciiOnly, plainBlankRoles: RoleSet(palette.plainBlankRoles)
        )
    }

    /// `ESC [ 0 ; attributes ; colours m`: SGR 0 resets attributes and colours alike.
    static func ansiStyle(_ style: Palette.Style) -> [UInt8] {
        var parameters: [String] = []
        if style.bold { parameters.append("1") }
        if style.dim { parameters.append("2") }
        if style.underline { parameters.append("4") }
        if style.reverse { parameters.append("7") }
        if let foreground = style.foreground { parameters.append("3\(foreground)") }
        if let background = style.background { parameters.append("4\(background)") }
        return Array(("\u{1B}[" + (parameters.isEmpty ? "" : "0;" + parameters.joined(separator: ";")) + "m").utf8)
    }

    /// `sgr0`, `op` where colours are used, then each attribute's and colour's own sequence.
    private static func terminfoStyle(_ style: Palette.Style) -> [UInt8] {
        guard var text = string("sgr0") else { return [] }
        if style.foreground != nil || style.background != nil { text += string("op") ?? "" }
        for (on, name) in [(style.bold, "bold"), (style.dim, "dim"), (style.underline, "smul"), (style.reverse, "rev")] where on {
            text += string(name) ?? ""
        }
        if let foreground = style.foreground, let setaf = string("setaf") { text += parameterized(setaf, Int32(foreground), 0) }
        if let background = style.background, let setab = string("setab") { text += parameterized(setab, Int32(background), 0) }
        return Array(text.utf8)
    }

    /// Whether every sequence the palette needs is the ANSI one, so `ansiStyle` says the same.
    private static func isANSIStyled(_ palette: Palette) -> Bool {
        let resets = ["\u{1B}[m", "\u{1B}[0m", "\u{1B}(B\u{1B}[m", "\u{1B}[m\u{0F}", "\u{1B}[0m\u{0F}"]
        guard let sgr0 = string("sgr0"), resets.contains(sgr0) else { return false }
        let attributes = [("bold", "1"), ("dim", "2"), ("smul", "4"), ("rev", "7")]
        for (name, code) in attributes where string(name) != "\u{1B}[\(code)m" {
            if Role.allCases.contains(where: { palette.style(for: $0).uses(name) }) { return false }
        }
        guard palette.useColor else { return true }
        guard let setaf = string("setaf"), let setab = string("setab") else { return false }
        return (0..<8).allSatisfy { color in
            parameterized(setaf, Int32(color), 0) == "\u{1B}[3\(color)m" && parameterized(setab, Int32(color), 0) == "\u{1B}[4\(color)m"
        }
    }

    private static func string(_ name: String) -> String? {
        intray_tigetstr(name).map { withoutPadding(String(cString: $0)) }
    }

    /// Drops terminfo's padding (`$<5>`, `$<2*/>`): delays for hardware terminals, which
    /// `tputs` would turn into waits or NUL bytes; terminal emulators need none.
    static func withoutPadding(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "$")) else { return text }
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
               let end = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">")),
               bytes[(index + 2)..<end].allSatisfy(isPaddingByte) {
                index = end + 1
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A digit, or `.`, `*` or `/` (proportional and mandatory padding).
    private static func isPaddingByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "/")
    }

    private static func bytes(_ name: String) -> [UInt8]? {
        string(name).map { Array($0.utf8) }
    }

    /// A terminfo string with its parameters filled in.
    static func parameterized(_ capability: String, _ first: Int32, _ second: Int32) -> String {
        intray_tiparm2(capability, first, second).map { withoutPadding(String(cString: $0)) } ?? ""
    }
}
