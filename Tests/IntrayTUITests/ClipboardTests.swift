@testable import IntrayTUI
import Testing

@Suite struct ClipboardTests {
    @Test func theTextTravelsBase64EncodedInOneOSC52Sequence() {
        #expect(Clipboard.sequence(copying: "12345") == "\u{1b}]52;c;MTIzNDU=\u{07}")
        #expect(!Clipboard.sequence(copying: "a\u{1b}]0;x\u{07}b").dropFirst().dropLast().contains("\u{1b}"), "nothing in the text can end the sequence early")
    }
}
