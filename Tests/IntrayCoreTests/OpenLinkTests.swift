import Foundation
import Testing
@testable import IntrayCore

/// Opening a link by its number: the key asks for the number, Enter hands an http, https or
/// mailto address to the runtime, and its answer becomes a sentence (or a clipboard copy).
@Suite struct OpenLinkTests {
    static let links = ["https://acme.example/q/7", "mailto:anna@acme.example", "file:///etc/passwd", "www.acme.example"]

    /// The first email under the cursor, its links shown by the detail pane.
    static func showing(_ links: [String]) -> AppState {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .linksShown(emailID: "3", links: links))
        return state
    }

    static func type(_ keys: String, _ state: inout AppState) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .textTyped(String($0))) }
    }

    @Test func theKeyAsksForANumberAndEnterOpensThatLink() {
        var state = Self.showing(Self.links)
        #expect(Reducer.reduce(&state, .commandIssued(.openLink)) == [])
        #expect(state.links.typed == "")
        #expect(Reducer.keyContext(of: state) == .prompt)
        #expect(Self.type("2", &state) == [])
        #expect(state.links.typed == "2")
        #expect(Reducer.reduce(&state, .commandIssued(.promptSubmit)) == [.openLink("mailto:anna@acme.example")])
        #expect(state.links.typed == nil)
        #expect(Reducer.keyContext(of: state) == .list)
    }

    @Test func withOneLinkItsNumberIsAlreadyTyped() {
        var state = Self.showing(["https://acme.example/q/7"])
        _ = Reducer.reduce(&state, .commandIssued(.openLink))
        #expect(state.links.typed == "1")
        #expect(Reducer.reduce(&state, .commandIssued(.promptSubmit)) == [.openLink("https://acme.example/q/7")])
    }

    @Test func aDigitTypedOverTheFilledInNumberReplacesIt() {
        var state = Self.showing(["https://acme.example/q/7"])
        _ = Reducer.reduce(&state, .commandIssued(.openLink))
        _ = Self.type("5", &state)
        #expect(state.links.typed == "5")
        _ = Self.type("1", &state)
        #expect(state.links.typed == "51", "only the filled-in number is replaced")
    }

    @Test func onlyDigitsAreTypedAndBackspaceAndEscapeWork() {
        var state = Self.showing(Self.links)
        _ = Reducer.reduce(&state, .commandIssued(.openLink))
        _ = Self.type("1x-2", &state)
        #expect(state.links.typed == "12")
        _ = Reducer.reduce(&state, .commandIssued(.promptDeleteBackward))
        #expect(state.links.typed == "1")
        #expect(Reducer.reduce(&state, .commandIssued(.promptCancel)) == [])
        #expect(state.links.typed == nil && state.status == nil)
    }

    @Test func aNumberWithNoLinkSaysWhichNumbersThereAre() {
        var state = Self.showing(Self.links)
        _ = Reducer.reduce(&state, .commandIssued(.openLink))
        _ = Self.type("7", &state)
        #expect(Reducer.reduce(&state, .commandIssued(.promptSubmit)) == [])
        #expect(state.status == StatusMessage("There is no link 7: this email has links 1 to 4.", kind: .error))
    }

    @Test(arguments: [
        ("file:///etc/passwd", "Link 1 was not opened: Intray opens only http, https and mailto links, and this is a file: link."),
        ("www.acme.example", "Link 1 was not opened: Intray opens only http, https and mailto links, and this one has no scheme (www.acme.example)."),
    ])
    func aLinkOfAnotherSchemeIsNotOpenedAndTheSentenceSaysSo(address: String, sentence: String) {
        var state = Self.showing([address])
        _ = Reducer.reduce(&state, .commandIssued(.openLink))
        #expect(Reducer.reduce(&state, .commandIssued(.promptSubmit)) == [])
        #expect(state.status == StatusMessage(sentence, kind: .error))
    }

    @Test func anEmailWithoutLinksOrNotYetShownSaysWhyAndAsksNothing() {
        var state = Self.showing([])
        #expect(Reducer.unavailable(.openLink, in: state) == "This email has no links.")
        _ = Reducer.reduce(&state, .commandIssued(.openLink))
        #expect(state.links.typed == nil)
        #expect(state.status == StatusMessage("This email has no links.", kind: .error))

        state = Self.showing(Self.links)
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(Reducer.unavailable(.openLink, in: state) == "This email is not loaded yet, so its links are not known.", "the links shown were the first email's")
    }

    @Test func theBrowsersAnswerIsSaidOnlyOnceItStarted() {
        var state = Self.showing(Self.links)
        #expect(Reducer.reduce(&state, .linkOpened("https://acme.example/q/7", .openedInBrowser("firefox"))) == [])
        #expect(state.status == StatusMessage("Opened https://acme.example/q/7 in firefox.", kind: .success))

        #expect(Reducer.reduce(&state, .linkOpened("https://acme.example/q/7", .browserFailed(browser: "firefox", reason: "No such file or directory"))) == [.copyToClipboard("https://acme.example/q/7")],
                "a browser that did not start leaves the address on the clipboard")
        #expect(state.status == StatusMessage("Could not start firefox (No such file or directory): sent https://acme.example/q/7 to the clipboard instead, if the terminal allows OSC 52.", kind: .error))
    }

    @Test func withoutADisplayTheAddressGoesToTheTerminalsClipboardAndIsShown() {
        var state = Self.showing(Self.links)
        #expect(Reducer.reduce(&state, .linkOpened("https://acme.example/q/7", .noDisplay)) == [.copyToClipboard("https://acme.example/q/7")])
        #expect(state.status == StatusMessage("No display: sent https://acme.example/q/7 to the clipboard, if the terminal allows OSC 52."))

        #expect(Reducer.reduce(&state, .linkOpened("mailto:a@b.example", .noBrowser)) == [.copyToClipboard("mailto:a@b.example")])
        #expect(state.status?.text == "No browser ($BROWSER is unset, xdg-open missing): sent mailto:a@b.example to the clipboard, if the terminal allows OSC 52.")
    }
}
