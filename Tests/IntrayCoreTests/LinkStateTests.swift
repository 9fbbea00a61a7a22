import Foundation
import Testing
@testable import IntrayCore

/// The links on their own: the pane's links and the keys in, the number typed and the number
/// chosen out.
@Suite struct LinkStateTests {
    static func showing(_ links: [String]) -> LinkState {
        var state = LinkState()
        _ = state.reduce(.shown(links, of: "3"))
        return state
    }

    @Test func theLinksBelongToTheEmailTheyWereShownFor() {
        let links = Self.showing(["https://a.example", "mailto:b@c.example"])
        #expect(links.addresses(of: "3") == ["https://a.example", "mailto:b@c.example"])
        #expect(links.addresses(of: "4") == nil)
    }

    @Test func digitsAreTypedAndEnterChoosesTheNumber() {
        var links = Self.showing(["https://a.example", "mailto:b@c.example"])
        #expect(links.reduce(.numberAsked) == [])
        #expect(links.typed == "")
        _ = links.reduce(.textTyped("1x"))
        _ = links.reduce(.textTyped("2"))
        #expect(links.typed == "2", "text with anything but digits is not typed")
        #expect(links.reduce(.submitted) == [.chosen(number: "2")])
        #expect(links.typed == nil)
        #expect(links.reduce(.submitted) == [], "nothing is asked for any more")
    }

    @Test func withOneLinkItsNumberIsFilledInAndTheFirstDigitReplacesIt() {
        var links = Self.showing(["https://a.example"])
        _ = links.reduce(.numberAsked)
        #expect(links.typed == "1")
        _ = links.reduce(.textTyped("5"))
        _ = links.reduce(.textTyped("1"))
        #expect(links.typed == "51")
    }

    @Test func backspaceErasesTheFilledInNumberAndNumbersStopAtFourDigits() {
        var links = Self.showing(["https://a.example"])
        _ = links.reduce(.numberAsked)
        _ = links.reduce(.erased)
        _ = links.reduce(.textTyped("1234"))
        _ = links.reduce(.textTyped("5"))
        #expect(links.typed == "1234")
    }

    @Test func escAsksNoMore() {
        var links = Self.showing(["https://a.example", "mailto:b@c.example"])
        _ = links.reduce(.numberAsked)
        _ = links.reduce(.textTyped("2"))
        #expect(links.reduce(.cancelled) == [])
        #expect(links.typed == nil)
    }
}
