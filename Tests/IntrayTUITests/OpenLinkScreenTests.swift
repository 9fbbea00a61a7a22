import Foundation
import IntrayCore
@testable import IntrayTUI
import Keymaps
import Testing

/// Links in the detail pane, numbered as w3m and aerc number them, and opened by number
/// through the keys each preset binds.
@Suite struct OpenLinkScreenTests {
    static let html = """
        <p>Hello,</p>
        <p>the quote is <a href="https://acme.example/q/7">on our portal</a>; the <a href="https://acme.example/terms">terms</a> apply.</p>
        <p><a href="https://acme.example/q/7">Open the quote</a> or <a href="javascript:steal()">unsubscribe</a>.
        Tracking: <a href="https://t.example/c/\u{1B}]0;pwned\u{07}0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz">here</a></p>
        <p>Best, Anna</p>
        """

    static var emails: [Email] {
        var email = ScreenFixture.email(3, subject: "Quote with links", name: "Anna Müller", address: "anna@acme.example", minutesAgo: 30, body: nil)
        email.bodyHTML = html
        return [email] + ScreenMode.emails.dropFirst()
    }

    @Test func theReaderNumbersTheLinksAndListsThemUnderTheBody() throws {
        var script = try KeyScript("default", emails: Self.emails)
        try script.press("z")
        #expect(try script.draw() == [
            " 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │",
            "────────────────────────────────────────────────────────────────────────── 1/3 ─",
            " Subject: Quote with links",
            " From:    Anna Müller <anna@acme.example>",
            " To:      Sales <sales@ourco.example>",
            " Date:    Sun, Jun 15 2025 17:23",
            " Status:  Unresolved",
            "",
            " Hello,",
            "",
            " the quote is on our portal [1]; the terms [2] apply.",
            "",
            " Open the quote [1] or unsubscribe. Tracking: here [3]",
            "",
            " Best, Anna",
            "",
            " Links (L opens one)",
            " [1] https://acme.example/q/7",
            " [2] https://acme.example/terms",
            " [3] https://t.example/c/�0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefg",
            "     hijklmnopqrstuvwxyz",
            "",
            "",
            " j scroll  J next  r resolve  a attach  d dismiss  # delete  q back      ? help",
        ], "the same address twice has one number, the script link none, the escape sequence is cut")
        #expect(script.state.links.addresses.count == 3, "the store learned the links the pane numbered")
    }

    @Test(arguments: PresetKeys.all)
    func theKeyAsksForTheNumberAndEnterOpensThatLink(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        _ = try script.draw()
        try script.press(keys.openLink)
        #expect(try script.screen().last == (keys.name == "emacs"
            ? "open link (1-3): ▏                                    enter open · ctrl-g cancel"
            : "open link (1-3): ▏                                       enter open · esc cancel"))
        try script.press("2 enter")
        #expect(script.effects.last == .openLink("https://acme.example/terms"))
        script.dispatch(.linkOpened("https://acme.example/terms", .noDisplay))
        #expect(script.effects.last == .copyToClipboard("https://acme.example/terms"))
        #expect(try script.screen().last == " No display: sent https://acme.example/terms to the clipboard, if the t… ? help")
    }

    @Test(arguments: PresetKeys.all)
    func escapeClosesTheQuestionAndNothingOpens(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails)
        _ = try script.draw()
        try script.press("\(keys.openLink) 1 \(keys.back)")
        #expect(script.state.links.typed == nil)
        #expect(!script.effects.contains { if case .openLink = $0 { true } else { false } })
    }

    @Test(arguments: PresetKeys.all)
    func theDetailPaneNamesTheLinkKeyWhereThereIsRoom(keys: PresetKeys) throws {
        var script = try KeyScript(keys.name, emails: Self.emails, columns: 120)
        _ = try script.draw()
        try script.press(keys.focusDetail)
        let hints = try #require(try script.draw().last)
        #expect(hints.contains(" back  \(keys.openLink) link   ") && hints.hasSuffix(" ? help"), "\(hints)")
        #expect(Reducer.unavailable(.openLink, in: script.state) == nil, "drawn bright: the email has links")
        var narrow = try KeyScript(keys.name, emails: Self.emails)
        try narrow.press(keys.focusDetail)
        #expect(try narrow.draw().last?.contains("link") == false, "at 80 columns going back comes first")
    }

    @Test func anEmailWithoutLinksSaysSoWhenTheKeyIsPressed() throws {
        var script = try KeyScript("default", emails: ScreenMode.emails)
        _ = try script.draw()
        try script.press("L")
        #expect(try script.screen().last == " This email has no links.                                                ? help")
    }
}
