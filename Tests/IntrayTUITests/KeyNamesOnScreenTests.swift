import Foundation
import IntrayCore
@testable import IntrayTUI
import Keymaps
import Testing

/// Every key a screen names must do something in the active keymap: a hint that says `j scroll`
/// where `j` is not bound teaches the user a key that answers "j is not bound here".
@Suite struct KeyNamesOnScreenTests {
    /// Screens that name a key the keymap does not bind today, because a view writes the key
    /// into a string literal. Each is fixed by taking the key from the keymap; then remove it
    /// here (`withKnownIssue` fails once the test passes).
    static let knownHardcoded: [String: (keys: Set<String>, why: Comment)] = [
        "emacs/help": (["j", "k"], "HelpOverlay's title hardcodes \"q closes, j/k scroll\""),
        "emacs/helpScrolled": (["j", "k"], "HelpOverlay's title hardcodes \"q closes, j/k scroll\""),
    ]

    @Test(arguments: PresetKeys.all, ScreenMode.allCases)
    func everyKeyNamedOnScreenIsBound(keys: PresetKeys, mode: ScreenMode) throws {
        let script = try mode.script(keys)
        let state = script.state
        let lines = try script.screen()
        let context = Reducer.keyContext(of: state)
        let shown = Self.chromeRows(of: lines, state: state).flatMap(KeyNames.shown(in:))
        if mode != .tooSmall { #expect(!shown.isEmpty, "every screen names at least one key") }
        let unbound = shown.filter { name in
            guard let sequence = try? KeySequence.parse(name) else { return true }
            if state.layout.isTooSmall, sequence.keys.count == 1, KeyRouter.quitKeysWhenTooSmall.contains(sequence.keys[0]) { return false }
            return script.keymap.command(for: sequence, in: context) == nil
        }
        if let known = Self.knownHardcoded["\(keys.name)/\(mode.rawValue)"], Set(unbound) == known.keys {
            withKnownIssue(known.why) {
                #expect(unbound.isEmpty, "named on screen but not bound in \(context): \(unbound)\n\(lines.joined(separator: "\n"))")
            }
        } else {
            #expect(unbound.isEmpty, "named on screen but not bound in \(context): \(unbound)\n\(lines.joined(separator: "\n"))")
        }
    }

    /// The rows that carry hints: the status bar, an overlay's title, the picker's footer, or
    /// all of a too-small screen. List rows, bodies and help's table are the user's data or
    /// generated from the keymap, and would be misread as hints.
    static func chromeRows(of lines: [String], state: AppState) -> [String] {
        if state.layout.isTooSmall { return lines }
        var rows = [lines[lines.count - 1]]
        rows += lines.filter { $0.contains("┌") }
        if state.picker != nil, let bottom = lines.lastIndex(where: { $0.contains("└") }) { rows.append(lines[bottom - 1]) }
        return rows
    }

    @Test func keyNamesAreReadInEveryFormTheHintsTake() {
        #expect(KeyNames.shown(in: " r resolve  d d dismiss  ctrl-x u undo  : q quit    ? help") == ["r", "d d", "ctrl-x u", ": q", "?"])
        #expect(KeyNames.shown(in: "/quo▏                          Enter keep · Esc clear") == ["Enter", "Esc"])
        #expect(KeyNames.shown(in: " Delete “Quote” from Anna … It cannot be undone. (y/n)") == ["y", "n"])
        #expect(KeyNames.shown(in: "┌─ Keys (? or q closes, j/k scroll) ──┐") == ["?", "q", "j", "k"])
        #expect(KeyNames.shown(in: "Resize the window, or press q to quit.") == ["q"])
        #expect(KeyNames.shown(in: " │ Searching… Enter attaches to the top result when it comes · Esc cancel │") == ["Enter", "Esc"])
        #expect(KeyNames.shown(in: " r resolve  : q qu… ? help") == ["r", "?"], "a hint cut short is no hint")
        #expect(KeyNames.shown(in: " Dismissed “Subject 1”.   ⠋ 12 sending  1 selected") == ["1"])
    }
}

/// Reads the key names a line of hints shows, in the forms Intray writes them:
/// `r resolve` and `ctrl-x u undo` (keys, then one lowercase word, between two spaces or ` · `),
/// `(y/n)`, `j/k scroll`, `? or q closes`, `press ? for help`, and named keys anywhere
/// (`Enter`, `Esc`, `ctrl-g`).
enum KeyNames {
    static func shown(in line: String) -> [String] {
        var found: [(offset: Int, name: String)] = []
        func add(_ pattern: String) {
            let regex = try! NSRegularExpression(pattern: pattern)
            let text = line as NSString
            for match in regex.matches(in: line, range: NSRange(location: 0, length: text.length)) {
                for group in 1..<match.numberOfRanges where match.range(at: group).location != NSNotFound {
                    found.append((match.range(at: group).location, text.substring(with: match.range(at: group))))
                }
            }
        }
        add(#"press (\S+)"#)
        add(#"\(([^\s()/]+)/([^\s()/]+)\)"#)
        add(#"(\S+)/(\S+) scroll"#)
        add(#"([^\s(]+) or (\S+) closes"#)
        let modified = #"(?:(?:ctrl|alt)-)+(?:[a-z0-9]+|[!-~])"#
        add(#"(?i)(?<![\w-])(enter|esc|escape|backspace|pgup|pgdn|shift-tab|"# + modified + #"|f[1-9]|f1[0-2])(?![\w-])"#)
        // `keys word` segments: each key a single ASCII character or a name, the word lowercase.
        let key = #"(?:"# + modified + #"|enter|esc|tab|space|backspace|up|down|pgup|pgdn|home|end|[!-~])"#
        add(#"(?:^|  | · |^ |… )((?:"# + key + #" )*"# + key + #") [a-z]+(?=  | · | *$)"#)
        // Two forms can read the same key (`ctrl-x` and `ctrl-x u undo`): keep the longest.
        let longest = Dictionary(found.map { ($0.offset, $0.name) }, uniquingKeysWith: { $0.count >= $1.count ? $0 : $1 })
        return longest.sorted { $0.key < $1.key }.map(\.value)
    }
}
