import Foundation
import IntrayCore
@testable import IntrayTUI
import Testing

/// Keys named on screen are the active keymap's, in each preset (issue 12).
@Suite struct KeyNamesScreenTests {
    static let emails = ScreenTests.emails

    @Test(arguments: [
        ("default", "Keys (? or q closes, j/k scroll) · 1–21 of"),
        ("vim", "Keys (? or h closes, j/k scroll) · 1–21 of"),
        ("emacs", "Keys (? or ctrl-g closes, ctrl-n/ctrl-p scroll) · 1–21 of"),
    ])
    func helpNamesItsOwnKeysAndHowMuchIsBelow(preset: String, title: String) throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.help))
        let canvas = try ScreenFixture.render(state, keymap: preset)
        #expect(canvas.lines[0].contains(title), "\(canvas.lines[0])")
        #expect(canvas.lines[0].contains("more below"))
    }

    @Test func helpAtItsEndSaysNothingIsBelow() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.help))
        let count = try #require(ScreenFixture.render(state).lines[0].split(separator: " ").firstIndex(of: "of").map { try ScreenFixture.render(state).lines[0].split(separator: " ")[$0 + 1] }).prefix { $0.isNumber }
        _ = Reducer.reduce(&state, .overlayLaidOut(lineCount: Int(count)!))
        _ = Reducer.reduce(&state, .commandIssued(.cursorBottom))
        let title = try ScreenFixture.render(state).lines[0]
        #expect(title.contains("–\(count) of \(count) "), "\(title)")
        #expect(!title.contains("more below"))
    }

    @Test func inTheDetailPaneTheCursorKeysAreDescribedAsNextAndPreviousEmail() throws {
        var state = ScreenFixture.state(Self.emails, rows: 80)
        _ = Reducer.reduce(&state, .commandIssued(.help))
        let lines = try ScreenFixture.render(state).lines
        let next = lines.first { $0.contains("Next email") } ?? ""
        let previous = lines.first { $0.contains("Previous email") } ?? ""
        #expect(next.contains(" J "), "\(next)")
        #expect(previous.contains(" K "), "\(previous)")
        #expect(!lines.contains { $0.contains(" J ") && $0.contains("Move down") })
    }

    @Test(arguments: [("default", "R"), ("emacs", "g")])
    func aFailedListingNamesTheRetryKeyOfTheKeymap(preset: String, key: String) throws {
        var state = ScreenFixture.state(Self.emails, columns: 120)
        _ = Reducer.reduce(&state, .commandIssued(.refresh))
        let generation = state.tab(.unresolved).generation
        _ = Reducer.reduce(&state, .pageFailed(.unresolved, generation: generation, APIError(.server(status: 502), message: "Productive had a problem (502).")))
        let canvas = try ScreenFixture.render(state, keymap: preset)
        #expect(canvas.lines[23].hasPrefix(" Could not load unresolved emails: Productive had a problem (502). Press \(key) to retry."), "\(canvas.lines[23])")
    }

    @Test(arguments: [("default", "/quote▏", "enter keep · esc clear"), ("emacs", "/quote▏", "enter keep · ctrl-g clear")])
    func theSearchPromptNamesItsKeys(preset: String, prompt: String, keys: String) throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("quote"))
        let line = try ScreenFixture.render(state, keymap: preset).lines[23]
        #expect(line.hasPrefix(prompt) && line.hasSuffix(keys), "\(line)")
    }

    @Test(arguments: [("default", "esc cancel"), ("emacs", "ctrl-g cancel")])
    func thePickerFooterNamesItsKeys(preset: String, cancel: String) throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        let canvas = try ScreenFixture.render(state, keymap: preset)
        #expect(canvas.lines[20].contains("enter attach · \(cancel)"), "\(canvas.lines[20])")
    }

    @Test func aTooSmallTerminalNamesTheQuitKeyOfTheKeymap() throws {
        let state = ScreenFixture.state(Self.emails, columns: 50, rows: 8)
        let text = try ScreenFixture.render(state, keymap: "emacs").lines.joined(separator: "\n")
        #expect(text.contains("Resize the window, or press ctrl-x ctrl-c to quit."))
    }

    @Test func quittingCountsDownAndNamesTheKeyThatLeavesAtOnce() throws {
        var state = ScreenFixture.state(Self.emails, columns: 120)
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        _ = Reducer.reduce(&state, .commandIssued(.quit))
        let line = try ScreenFixture.render(state, keymap: "emacs", quitSecondsLeft: 18).lines[23]
        #expect(line.hasPrefix(" Quitting when Productive confirms “Quote for…”. Press ctrl-x ctrl-c again to quit now."), "\(line)")
        #expect(line.contains("18 s left"))
    }
}
