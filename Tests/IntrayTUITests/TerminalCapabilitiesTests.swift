@testable import IntrayTUI
import Testing

@Suite struct TerminalCapabilitiesTests {
    @Test func terminfoPaddingIsDroppedAndOtherTextKept() {
        #expect(TerminalCapabilities.withoutPadding("\u{1B}[H\u{1B}[J$<50>") == "\u{1B}[H\u{1B}[J")
        #expect(TerminalCapabilities.withoutPadding("\u{1B}[%i%p1%d;%p2%dH$<5>") == "\u{1B}[%i%p1%d;%p2%dH")
        #expect(TerminalCapabilities.withoutPadding("\u{1B}M$<2*/>x") == "\u{1B}Mx")
        #expect(TerminalCapabilities.withoutPadding("costs $<a lot>") == "costs $<a lot>")
        #expect(TerminalCapabilities.withoutPadding("\u{1B}[m") == "\u{1B}[m")
        #expect(TerminalCapabilities.withoutPadding("é$<$<5>é$<3$") == "é$<é$<3$")
    }

    @Test func anANSIStyleResetsThenSetsAttributesAndColoursInOneSequence() {
        #expect(TerminalCapabilities.ansiStyle(Palette.Style()) == Array("\u{1B}[m".utf8))
        let cursor = Palette(useColor: true).style(for: .cursor)
        #expect(TerminalCapabilities.ansiStyle(cursor) == Array("\u{1B}[0;1;30;46m".utf8))
        let monochrome = Palette(useColor: false).style(for: .cursor)
        #expect(TerminalCapabilities.ansiStyle(monochrome) == Array("\u{1B}[0;1;7m".utf8))
    }
}
