import IntrayCore
@testable import IntrayTUI
import Keymaps
import Testing

/// Mouse reports typed as the bytes a terminal sends (`ESC [ < button ; column ; row M`,
/// 1-based), through the decoder and the router the terminal uses, compared as whole screens
/// with what the same move by keys shows. At 80×24 the tabs are on row 1, the list on rows
/// 2–9 and the detail pane on rows 10–23.
@Suite struct MouseScriptTests {
    static let emails = ScreenMode.emails

    static func click(row: Int, column: Int) -> String { "\u{1b}[<0;\(column);\(row)M\u{1b}[<0;\(column);\(row)m" }
    static func wheel(down: Bool, row: Int, column: Int) -> String { "\u{1b}[<\(down ? 65 : 64);\(column);\(row)M" }

    @Test(arguments: PresetKeys.all)
    func clickingTheSecondRowShowsTheSecondEmail(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails, mouse: true)
        script.type(Self.click(row: 3, column: 30))
        #expect(try script.screen() == KeyScriptScreenTests.move + [KeyScriptScreenTests.moveStatus(keys)])
    }

    @Test func clickingTheDetailPaneGivesItTheKeysAsTheFocusKeyDoes() throws {
        var mouse = try KeyScript("default", emails: Self.emails, mouse: true)
        mouse.type(Self.click(row: 3, column: 30) + Self.click(row: 15, column: 40))
        var keys = try KeyScript("default", emails: Self.emails)
        try keys.press("j enter")
        #expect(mouse.state.focus == .detail)
        #expect(try mouse.screen() == keys.screen())
    }

    @Test func theWheelOverTheListMovesThreeRowsAsThreeKeysDo() throws {
        var mouse = try KeyScript("vim", emails: Self.emails, mouse: true)
        mouse.type(Self.wheel(down: true, row: 4, column: 10))
        var keys = try KeyScript("vim", emails: Self.emails)
        try keys.press("j j j")
        #expect(mouse.state.cursor == 2)
        #expect(try mouse.screen() == keys.screen())
        mouse.type(Self.wheel(down: false, row: 4, column: 10))
        #expect(mouse.state.cursor == 0)
    }

    @Test func clickingATabTitleShowsThatTab() throws {
        var mouse = try KeyScript("emacs", emails: Self.emails, mouse: true)
        mouse.type(Self.click(row: 1, column: 21))
        var keys = try KeyScript("emacs", emails: Self.emails)
        keys.dispatch(.commandIssued(.showResolved))
        #expect(mouse.state.activeTab == .resolved)
        #expect(try mouse.screen() == keys.screen())
    }

    @Test func theWheelScrollsHelpThreeLinesANotch() throws {
        var mouse = try KeyScript("default", emails: Self.emails, mouse: true)
        try mouse.press("?")
        mouse.type(Self.wheel(down: true, row: 12, column: 10) + Self.wheel(down: true, row: 12, column: 10))
        var keys = try KeyScript("default", emails: Self.emails)
        try keys.press("? j j j j j j")
        #expect(try mouse.screen() == keys.screen())
        mouse.type(Self.click(row: 3, column: 30))
        #expect(mouse.state.overlay?.content == .help, "a click neither closes help nor reaches the list behind it")
        #expect(mouse.state.cursor == 0)
    }

    @Test(arguments: PresetKeys.all)
    func aClickWhileTheDeleteQuestionWaitsChangesNothing(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails, mouse: true)
        try script.press(keys.delete)
        let asked = try script.screen()
        script.type(Self.click(row: 3, column: 30) + Self.wheel(down: true, row: 3, column: 30) + Self.click(row: 1, column: 21))
        #expect(try script.screen() == asked)
        #expect(script.state.confirmation != nil)
        try script.press("n")
        #expect(script.state.current.rows.count == 3, "nothing was deleted")
    }

    /// With `mouse = true` left out, reports a terminal still sends (a program before left
    /// tracking on) are dropped whole: no `[`, `<`, digit, `M` or space reaches the keymap.
    @Test(arguments: PresetKeys.all)
    func withTheMouseOffReportsAreDroppedWithoutAWord(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        let before = try script.screen()
        script.type(Self.click(row: 3, column: 30))
        script.type(Self.wheel(down: true, row: 12, column: 10))
        script.type("\u{1b}[<0;300;120M")
        script.type("\u{1b}[M !!\u{1b}[M#!!")
        #expect(try script.screen() == before)
        #expect(script.state.status == nil && script.state.selection.isEmpty)
        #expect(script.effects.isEmpty)
    }

    @Test func theOlderReportFormClicksToo() throws {
        var script = try KeyScript("default", emails: Self.emails, mouse: true)
        // Each byte is 32 more than its number: button 0 is a space, column 30 ">", row 3 "#".
        script.type("\u{1b}[M >#\u{1b}[M#>#")
        #expect(script.state.cursor == 1)
        #expect(script.state.selection.isEmpty, "the space was the button, not the select key")
    }
}
