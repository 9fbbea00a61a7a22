import IntrayCore
@testable import IntrayTUI
import Keymaps
import Testing

/// Keys in, whole screens out, through the routing the terminal uses (`KeyRouter`), with each
/// preset's keys for the same flow: the screens are the same but for the keys the hints name.
@Suite struct KeyScriptScreenTests {
    static let emails = ScreenMode.emails

    @Test(arguments: PresetKeys.all)
    func movingDownTwiceAndUpOnceShowsTheSecondEmail(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        try script.press("\(keys.down) \(keys.down) \(keys.up)")
        #expect(try script.screen() == Self.move + [Self.moveStatus(keys)])
    }

    @Test(arguments: PresetKeys.all)
    func selectingMarksRowsAndCountsThem(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        try script.press("\(keys.select) \(keys.down) \(keys.down) \(keys.select)")
        #expect(try script.screen() == Self.select + [Self.selectStatus(keys)])
        try script.press(keys.selectAll)
        #expect(try script.screen().last == " Selected 3 emails.                                          3 selected  ? help")
    }

    @Test(arguments: PresetKeys.all)
    func dismissingHidesTheEmailUntilItIsUndone(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        try script.press(keys.dismiss)
        #expect(try script.screen() == Self.dismiss + [Self.dismissStatus(keys)])
        try script.press(keys.undo)
        #expect(try script.screen() == Self.undo + [Self.undoStatus(keys)])
    }

    @Test(arguments: PresetKeys.all)
    func thePickerTakesTypedTextAndMovesThroughDeals(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        try script.press("\(keys.attach) a c")
        #expect(script.state.picker?.query == "ac", "a and c are text in the picker, though a opened it")
        script.dispatch(.dealSearchAnswered(tag: script.state.picker!.searchTag, .success(ScreenMode.deals)))
        try script.press(keys.pickerDown)
        var expected = Self.pickerdown + [Self.pickerdownStatus(keys)]
        expected[20] = Self.pickerFooter[keys.name]!
        #expect(try script.screen() == expected)
        try script.press(keys.back)
        #expect(try script.screen() == Self.pickerback + [Self.pickerbackStatus(keys)])
    }

    @Test(arguments: PresetKeys.all)
    func theSearchPromptTakesTextAndEnterKeepsTheSearch(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        try script.press("\(keys.search) q u o")
        #expect(try script.screen() == Self.search + [Self.searchStatus(keys)])
        try script.press("enter")
        #expect(try script.screen() == Self.searchkept + [Self.searchkeptStatus(keys)])
    }

    @Test func helpOpensScrollsAndClosesWithTheDefaultKeys() throws {
        var script = try KeyScript("default", emails: Self.emails)
        try script.press("?")
        #expect(try script.screen() == Self.help + [Self.helpStatus(.default)])
        try script.press("j j")
        #expect(try script.screen() == Self.helpdown + [Self.helpdownStatus(.default)])
        try script.press("esc")
        #expect(try script.screen() == Array(Self.move.prefix(9)) + Self.undo[9...] + [Self.moveStatus(.default)])
    }

    @Test(arguments: PresetKeys.all)
    func helpScrollsAndClosesInEveryPreset(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        try script.press(keys.help)
        let opened = try script.screen()
        #expect(opened[0].hasPrefix("┌─ Keys ("))
        try script.press("\(keys.down) \(keys.down)")
        let scrolled = try script.screen()
        #expect(scrolled[1...10] == opened[3...12], "two lines down")
        try script.press(keys.up)
        #expect(try script.screen()[1...10] == opened[2...11], "one line back up")
        try script.press(keys.back)
        #expect(script.state.overlay == nil)
        #expect(try script.screen()[0] == " 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │")
    }

    @Test(arguments: PresetKeys.all)
    func theDeleteQuestionWaitsForYesOrNo(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        try script.press(keys.delete)
        #expect(try script.screen() == Self.delete + [Self.deleteStatus(keys)])
        try script.press("j")
        #expect(script.state.confirmation != nil, "any other key leaves the question open")
        try script.press("n")
        #expect(try script.screen() == Self.deleteNo + [Self.deleteNoStatus(keys)])
        try script.press("\(keys.delete) y")
        #expect(try script.screen() == Self.deleteYes + [Self.deleteYesStatus(keys)])
    }

    @Test(arguments: PresetKeys.all)
    func anUnboundKeySaysSo(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        try script.press("Y")
        #expect(try script.screen() == Self.unbound + [Self.unboundStatus(keys)])
    }

    @Test func jIsUnboundInEmacs() throws {
        var script = try KeyScript("emacs", emails: Self.emails)
        try script.press("j")
        #expect(try script.screen().last == " j is not bound here. Press ? for help.                                  ? help")
    }

    @Test func aSequenceShowsItsFirstKeyUntilItCompletes() throws {
        var script = try KeyScript("vim", emails: Self.emails)
        try script.press("G g")
        let pending = try script.screen().last
        #expect(pending == " r resolve  a attach  d d dismiss  D delete  x select  / search      g…  ? help")
        try script.press("g")
        #expect(script.state.cursor == 0 && script.state.pendingKeys == nil)
        try script.press("G g")
        script.wait(.seconds(2))
        #expect(script.state.cursor == 2 && script.state.pendingKeys == nil, "a half-typed sequence is dropped when its time runs out")
    }

    @Test func rawBytesGoThroughTheDecoderAsTheTerminalSendsThem() throws {
        var emacs = try KeyScript("emacs", emails: Self.emails)
        emacs.type("\u{1b}>")
        #expect(emacs.state.cursor == 2, "ESC > in one burst is alt->")
        emacs.type("\u{13}quo\r")
        let tabs = try emacs.screen()[0]
        #expect(tabs == " 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │      /quo  ⠋ searching bodies", "ctrl-s, text, then Enter keeps the search")
        var plain = try KeyScript("default", emails: Self.emails)
        plain.type("x")
        plain.type("\u{1b}")
        #expect(plain.state.selection.isEmpty, "a lone ESC clears the selection")
        let cursor = plain.state.cursor
        plain.type(Key.up)
        #expect(plain.state.cursor == cursor - 1, "an arrow curses decoded moves")
        plain.type("\u{1b}")
        plain.type(Key.down)
        #expect(plain.state.cursor == cursor, "Esc in one burst and an arrow in the next are two keys")
    }

    @Test func altKeysArriveAsOneBurstAndALoneEscIsReadAtOnce() throws {
        var emacs = try KeyScript("emacs", emails: Self.emails)
        emacs.type("\u{1b}>")
        emacs.type("\u{1b}<")
        #expect(emacs.state.cursor == 0, "ESC < in one burst is alt-<")
        emacs.type("\u{1b}")
        emacs.type(">")
        #expect(emacs.state.cursor == 0, "ESC and > in two bursts are Esc, then >")
        emacs.type("\u{1b}\u{1b}>")
        #expect(emacs.state.cursor == 2, "ESC ESC > is Esc, then alt->")
    }

    @Test func quitKeysWorkOnATooSmallTerminalWhateverTheKeymap() throws {
        for preset in ["default", "vim", "emacs"] {
            var script = try KeyScript(preset, emails: Self.emails)
            script.dispatch(.terminalResized(columns: 60, rows: 20))
            try script.press("q")
            #expect(script.effects.contains(.exit), "\(preset)")
        }
    }

    // MARK: Screens

    /// A screen of the list and the detail pane: the tabs line, the list's rows, the rule with
    /// the cursor's position, and the detail pane of the email under the cursor.
    static func screen(_ tabs: String, rows: [String], position: String, detail: [String]) -> [String] {
        let rule = String(repeating: "─", count: 80 - position.count - 3) + " \(position) ─"
        return [tabs] + rows + Array(repeating: "", count: 8 - rows.count) + [rule] + detail
    }

    static let annaDetail = [
        " Subject: Quote for the website relaunch",
        " From:    Anna Müller <anna@acme.example>",
        " To:      Sales <sales@ourco.example>",
        " Date:    Sun, Jun 15 2025 17:23",
        " Status:  Unresolved",
        "",
        " Hello,",
        " please find the quote attached.",
        "",
        " Best, Anna",
        "",
        "",
        "",
    ]

    static let benDetail = [
        " Subject: Invoice 2025-06 for the second round of revisions, with the corrected",
        "          VAT number",
        " From:    Ben Ortiz <ben.ortiz@globex.example>",
        " To:      Sales <sales@ourco.example>",
        " Date:    Sun, Jun 15 2025 16:23",
        " Status:  Unresolved",
        "",
        " Hello,",
        " please find the quote attached.",
        "",
        " Best, Anna",
        "",
        "",
    ]

    static let yamadaDetail = [
        " Subject: 見積もりのご依頼について、至急ご確認ください。よろしくお願いいたしま",
        "          す",
        " From:    山田太郎 <yamada@example.jp>",
        " To:      Sales <sales@ourco.example>",
        " Date:    Sat, May 11 2024 17:53",
        " Status:  Unresolved",
        "",
        " Hello,",
        " please find the quote attached.",
        "",
        " Best, Anna",
        "",
        "",
    ]

    static let move = screen(" 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │", rows: [
        "●          17:23 Anna Müller      Quote for the website relaunch",
        "           16:23 Ben Ortiz        Invoice 2025-06 for the second round of revis…",
        "     May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
    ], position: "2/3", detail: benDetail)
    static func moveStatus(_ keys: PresetKeys) -> String { ["default": " r resolve  a attach  d dismiss  # delete  x select  / search  q quit    ? help", "emacs": " r resolve  a attach  d dismiss  D delete  m select  ctrl-s search       ? help", "vim": " r resolve  a attach  d d dismiss  D delete  x select  / search          ? help"][keys.name]! }

    static let select = screen(" 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │", rows: [
        "● ✓        17:23 Anna Müller      Quote for the website relaunch",
        "           16:23 Ben Ortiz        Invoice 2025-06 for the second round of revis…",
        "  ✓  May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
    ], position: "3/3", detail: yamadaDetail)
    static func selectStatus(_ keys: PresetKeys) -> String { ["default": " r resolve  a attach  d dismiss  # delete  x select          2 selected  ? help", "emacs": " r resolve  a attach  d dismiss  D delete  m select          2 selected  ? help", "vim": " r resolve  a attach  d d dismiss  D delete  x select        2 selected  ? help"][keys.name]! }

    static let dismiss = screen(" 1 Unresolved 2 │ 2 Resolved 10 │ 3 Dismissed 3 │", rows: [
        "           16:23 Ben Ortiz        Invoice 2025-06 for the second round of revis…",
        "     May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
    ], position: "1/2", detail: benDetail)
    static func dismissStatus(_ keys: PresetKeys) -> String { ["default": " Dismissed “Quote for the website relaunch”.                     u undo  ? help", "emacs": " Dismissed “Quote for the website relaunch”.                ctrl-_ undo  ? help", "vim": " Dismissed “Quote for the website relaunch”.                     u undo  ? help"][keys.name]! }

    static let undo = screen(" 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │", rows: [
        "●          17:23 Anna Müller      Quote for the website relaunch",
        "           16:23 Ben Ortiz        Invoice 2025-06 for the second round of revis…",
        "     May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
    ], position: "1/3", detail: annaDetail)
    static func undoStatus(_ keys: PresetKeys) -> String { " Undone: “Quote for the website relaunch” is back in Unresolved.         ? help" }

    static let pickerdown = [
        " 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │",
        "●          17:23 Anna Müller      Quote for the website relaunch",
        " ┌─ Attach to a deal ─────────────────────────────────────────────────────────┐…",
        " │ “Quote for the website relaunch”                                           │",
        " │ Search: ac▏                                                                │",
        " │                                                                            │",
        " │ D-1    Acme website                               Acme                     │",
        " │ D-1002 Acme app with a name long enough to be cu… Acme Corporation Intern… │",
        " │                                                                            │",
        "─│                                                                            │─",
        " │                                                                            │",
        " │                                                                            │",
        " │                                                                            │",
        " │                                                                            │",
        " │                                                                            │",
        " │                                                                            │",
        " │                                                                            │",
        " │                                                                            │",
        " │                                                                            │",
        " │                                                                            │",
        " │ Type to search · down/up move · enter attach · esc cancel                  │",
        " └────────────────────────────────────────────────────────────────────────────┘",
        "",
    ]
    static func pickerdownStatus(_ keys: PresetKeys) -> String { "" }
    static let pickerFooter = [
        "default": " │ Type to search · down/up move · enter attach · esc cancel                  │",
        "vim": " │ Type to search · ctrl-n/ctrl-p move · enter attach · esc cancel            │",
        "emacs": " │ Type to search · ctrl-n/ctrl-p move · enter attach · ctrl-g cancel         │",
    ]

    static let pickerback = screen(" 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │", rows: [
        "●          17:23 Anna Müller      Quote for the website relaunch",
        "           16:23 Ben Ortiz        Invoice 2025-06 for the second round of revis…",
        "     May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
    ], position: "1/3", detail: annaDetail)
    static func pickerbackStatus(_ keys: PresetKeys) -> String { " Nothing attached.                                                       ? help" }

    static let search = screen(" 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │                          /quo", rows: [
        "●    17:23 Anna Müller      Quote for the website relaunch",
    ], position: "1/1", detail: annaDetail)
    static func searchStatus(_ keys: PresetKeys) -> String { ["default": "/quo▏                                                     enter keep · esc clear", "emacs": "/quo▏                                                  enter keep · ctrl-g clear", "vim": "/quo▏                                                     enter keep · esc clear"][keys.name]! }

    static let searchkept = screen(" 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │      /quo  ⠋ searching bodies", rows: [
        "●    17:23 Anna Müller      Quote for the website relaunch",
    ], position: "1/1", detail: annaDetail)
    static func searchkeptStatus(_ keys: PresetKeys) -> String { " 1 email matches “quo” by sender or subject; searching the bodies…       ? help" }

    static let help = [
        "┌─ Keys (? or q closes, j/k scroll) · 1–21 of 89, more below ──────────────────┐",
        "│ Marks in the list                                                            │",
        "│   ●             unread                                                       │",
        "│   ✓             selected: the next action applies to every selected email    │",
        "│   +             arrived while Intray was open                                │",
        "│   »             has a suggested deal: resolving attaches it there without a… │",
        "│                                                                              │",
        "│ Everywhere                                                                   │",
        "│   q             Quit (pending actions are committed first)                   │",
        "│   ?             Show or hide this help                                       │",
        "│   M             Show every refused action and the last 50 messages, whole    │",
        "│   R             Reload the current tab from the server                       │",
        "│   v             Switch between stacked and side-by-side panes                │",
        "│   1             Show unresolved emails                                       │",
        "│   2             Show resolved emails                                         │",
        "│   3             Show dismissed emails                                        │",
        "│   t             Show the next tab                                            │",
        "│   /             Search: sender and subject as you type, Enter searches bodi… │",
        "│   n             Jump to the next search match                                │",
        "│   N             Jump to the previous search match                            │",
        "│   f             Filter every tab on the server: after:DATE before:DATE from… │",
        "│   F             Clear the filter                                             │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
    ]
    static func helpStatus(_ keys: PresetKeys) -> String { " r resolve  a attach  d dismiss  # delete  x select  / search  q quit    ? help" }

    /// Help two lines down: the same lines moved up by two, and two more at the bottom.
    static let helpdown = ["┌─ Keys (? or q closes, j/k scroll) · 3–23 of 89, more below ──────────────────┐"] + Array(help[3...21]) + [
        "│   =             Filter every tab to this email's sender                      │",
        "│                                                                              │",
    ] + [help[22]]
    static func helpdownStatus(_ keys: PresetKeys) -> String { " r resolve  a attach  d dismiss  # delete  x select  / search  q quit    ? help" }

    static let delete = screen(" 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │", rows: [
        "●          17:23 Anna Müller      Quote for the website relaunch",
        "           16:23 Ben Ortiz        Invoice 2025-06 for the second round of revis…",
        "     May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
    ], position: "1/3", detail: annaDetail)
    static func deleteStatus(_ keys: PresetKeys) -> String { " Delete “Quote for t…” from Anna Müller for good once sent (5 s to undo)? (y/n)" }

    static let deleteNo = screen(" 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │", rows: [
        "●          17:23 Anna Müller      Quote for the website relaunch",
        "           16:23 Ben Ortiz        Invoice 2025-06 for the second round of revis…",
        "     May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
    ], position: "1/3", detail: annaDetail)
    static func deleteNoStatus(_ keys: PresetKeys) -> String { " Nothing deleted.                                                        ? help" }

    static let deleteYes = screen(" 1 Unresolved 2 │ 2 Resolved 10 │ 3 Dismissed 2 │", rows: [
        "           16:23 Ben Ortiz        Invoice 2025-06 for the second round of revis…",
        "     May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
    ], position: "1/2", detail: benDetail)
    static func deleteYesStatus(_ keys: PresetKeys) -> String { ["default": " Deleted “Quote for the website relaunch”.                       u undo  ? help", "emacs": " Deleted “Quote for the website relaunch”.                  ctrl-_ undo  ? help", "vim": " Deleted “Quote for the website relaunch”.                       u undo  ? help"][keys.name]! }

    static let unbound = screen(" 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │", rows: [
        "●          17:23 Anna Müller      Quote for the website relaunch",
        "           16:23 Ben Ortiz        Invoice 2025-06 for the second round of revis…",
        "     May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
    ], position: "1/3", detail: annaDetail)
    static func unboundStatus(_ keys: PresetKeys) -> String { " Y is not bound here. Press ? for help.                                  ? help" }
}
