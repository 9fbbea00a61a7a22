/// One key press as a terminal can report it.
///
/// Terminals send the same byte for some pairs (ctrl-i and tab, ctrl-m and enter, ctrl-h and
/// backspace, ctrl-[ and esc), so those pairs are one `Key` here: the spec parser maps
/// "ctrl-i" to `.tab` and so on, and the decoder does the same for raw bytes.
public enum Key: Hashable, Sendable {
    /// A printable character other than space, e.g. "j", "G", "#", "é". Letters keep their
    /// case: "G" is what shift-g types.
    case character(Character)
    /// Control plus a lowercase letter a–z, or plus one of `" "` (ctrl-space), `\`, `]`, `^`, `_`:
    /// the only control combinations a terminal sends as their own byte.
    case ctrl(Character)
    /// Alt (meta) plus any other key: the terminal sends ESC followed by that key.
    indirect case alt(Key)
    case space, enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 to F12.
    case function(Int)

    /// The character this key types into a text field, if it types one.
    public var text: Character? {
        switch self {
        case .character(let character): character
        case .space: " "
        default: nil
        }
    }
}

extension Key: CustomStringConvertible {
    /// The canonical spec, e.g. "j", "ctrl-x", "alt-<", "pgdn", "shift-tab"; `Key.parse` reads it back.
    public var description: String {
        switch self {
        case .character(let character): String(character)
        case .ctrl(" "): "ctrl-space"
        case .ctrl(let character): "ctrl-\(character)"
        case .alt(let key): "alt-\(key.description)"
        case .function(let number): "f\(number)"
        default: Key.names.first { $0.key == self }?.name ?? "?"
        }
    }

    /// Canonical names of the keys that are not a character, in the order help lists them.
    static let names: [(name: String, key: Key)] = [
        ("space", .space), ("enter", .enter), ("esc", .escape), ("tab", .tab),
        ("shift-tab", .backTab), ("backspace", .backspace), ("delete", .delete),
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("home", .home), ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown),
    ] + (1...12).map { ("f\($0)", Key.function($0)) }

    /// Other spellings people write, mapped to the canonical name.
    static let aliases: [String: String] = [
        "spc": "space", "return": "enter", "ret": "enter", "escape": "esc",
        "backtab": "shift-tab", "s-tab": "shift-tab", "bs": "backspace", "del": "delete",
        "pageup": "pgup", "pagedown": "pgdn", "page-up": "pgup", "page-down": "pgdn",
    ]
}
