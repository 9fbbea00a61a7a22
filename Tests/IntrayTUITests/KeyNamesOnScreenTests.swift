import Foundation
import IntrayCore
@testable import IntrayTUI
import Keymaps
import Testing

/// Every key a screen names must do something in the active keymap: a hint that says `j scroll`
/// where `j` is not bound teaches the user a key that answers "j is not bound here".
@Suite struct KeyNamesOnScreenTests {
    @Test(arguments: PresetKeys.all, ScreenMode.allCases)
    func everyKeyNamedOnScreenIsBound(keys: PresetKeys, mode: ScreenMode) throws {
        let script = try mode.script(keys)
        let state = script.state
        let lines = try script.screen()
        let context = Reducer.keyContext(of: state)
        let shown = Self.chromeRows(of: lines, state: state).flatMap(KeysShown.in)
        if mode != .tooSmall { #expect(!shown.isEmpty, "every screen names at least one key") }
        let unbound = shown.filter { name in
            guard let sequence = try? KeySequence.parse(name) else { return true }
            return script.keymap.command(for: sequence, in: context) == nil
        }
        #expect(unbound.isEmpty, "named on screen but not bound in \(context): \(unbound)\n\(lines.joined(separator: "\n"))")
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
        #expect(KeysShown.in(" r resolve  d d dismiss  ctrl-x u undo  : q quit    ? help") == ["r", "d d", "ctrl-x u", ": q", "?"])
        #expect(KeysShown.in("/quo▏                          Enter keep · Esc clear") == ["Enter", "Esc"])
        #expect(KeysShown.in(" Delete “Quote” from Anna … It cannot be undone. (y/n)") == ["y", "n"])
        #expect(KeysShown.in("┌─ Keys (? or q closes, j/k scroll) ──┐") == ["?", "q", "j", "k"])
        #expect(KeysShown.in("Resize the window, or press q to quit.") == ["q"])
        #expect(KeysShown.in("Resize the window, or press ctrl-x ctrl-c to quit.") == ["ctrl-x ctrl-c"])
        #expect(KeysShown.in(" x is not bound here. Press ? for help.") == ["?"])
        #expect(KeysShown.in(" Quitting when Productive confirms “A”. Press : q again to quit now.") == [": q"])
        #expect(KeysShown.in(" │ Searching… Enter attaches to the top result when it comes · Esc cancel │") == ["Enter", "Esc"])
        #expect(KeysShown.in(" r resolve  : q qu… ? help") == ["r", "?"], "a hint cut short is no hint")
        #expect(KeysShown.in(" Dismissed “Subject 1”.   ⠋ 12 sending  1 selected") == ["1"])
    }
}

/// Reads the key names a line of hints shows, in the forms Intray writes them:
/// `r resolve` and `ctrl-x u undo` (keys, then one lowercase word, between two spaces or ` · `),
/// `(y/n)`, `j/k scroll`, `? or q closes`, `press ? for help`, and named keys anywhere
/// (`Enter`, `Esc`, `ctrl-g`).
enum KeysShown {
    static func `in`(_ line: String) -> [String] {
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
        add(#"(?i)press (\S+(?: \S+)*?) (?:to|for|again)\b"#)
        add(#"\(([^\s()/]+)/([^\s()/]+)\)"#)
        add(#"(\S+)/(\S+) scroll"#)
        add(#"([^\s(]+) or (\S+) closes"#)
        let modified = #"(?:(?:ctrl|alt)-)+(?:[a-z0-9]+|[!-~])"#
        add(#"(?i)(?<![\w-])(enter|esc|escape|backspace|pgup|pgdn|shift-tab|"# + modified + #"|f[1-9]|f1[0-2])(?![\w-])"#)
        // `keys word` segments: each key a single ASCII character or a name, the word lowercase.
        let key = #"(?:"# + modified + #"|enter|esc|tab|space|backspace|up|down|pgup|pgdn|home|end|[!-~])"#
        add(#"(?:^|  | · |^ |… )((?:"# + key + #" )*"# + key + #") [a-z]+(?=  | · | *$)"#)
        // Two forms can read the same key (`ctrl-x` and `ctrl-x u undo`): keep only what lies
        // inside no longer reading.
        let ranges = found.map { ($0.offset, $0.offset + ($0.name as NSString).length, $0.name) }
        let kept = ranges.filter { inner in
            !ranges.contains { outer in outer.0 <= inner.0 && inner.1 <= outer.1 && (outer.1 - outer.0) > (inner.1 - inner.0) }
        }
        let unique = Dictionary(kept.map { ($0.0, $0.2) }, uniquingKeysWith: { first, _ in first })
        return unique.sorted { $0.key < $1.key }.map(\.value)
    }
}
