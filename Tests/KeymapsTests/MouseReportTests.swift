import Testing
@testable import Keymaps

/// Mouse reports as terminals send them: `ESC [ < b ; x ; y M` (press) or `m` (release), and
/// the older `ESC [ M` with three bytes. Cells are 1-based on the wire and 0-based here.
@Suite struct MouseReportTests {
    let start = ContinuousClock.now

    private func at(_ milliseconds: Int) -> ContinuousClock.Instant {
        start + .milliseconds(milliseconds)
    }

    /// Feeds `raw` as one burst read at `milliseconds`, then the end of the burst.
    private func read(_ raw: String, into decoder: inout KeyDecoder, at milliseconds: Int = 0) -> [KeyDecoder.Event] {
        let now = at(milliseconds)
        return raw.unicodeScalars.flatMap { decoder.feed(.scalar($0), at: now) } + decoder.feed(.none, at: now)
    }

    @Test func aLeftClickIsAPressThenARelease() {
        var decoder = KeyDecoder()
        #expect(read("\u{1B}[<0;10;5M", into: &decoder) == [.mouse(MouseEvent(.press(.left), row: 4, column: 9))])
        #expect(read("\u{1B}[<0;10;5m", into: &decoder) == [.mouse(MouseEvent(.release, row: 4, column: 9))])
        #expect(decoder.deadline == nil)
    }

    @Test func otherButtonsAreTold() {
        var decoder = KeyDecoder()
        #expect(read("\u{1B}[<1;1;1M\u{1B}[<2;1;1M", into: &decoder) == [
            .mouse(MouseEvent(.press(.middle), row: 0, column: 0)),
            .mouse(MouseEvent(.press(.right), row: 0, column: 0)),
        ])
    }

    @Test func theWheelIsUpOrDownWhateverModifierIsHeld() {
        var decoder = KeyDecoder()
        #expect(read("\u{1B}[<64;3;2M", into: &decoder) == [.mouse(MouseEvent(.wheelUp, row: 1, column: 2))])
        #expect(read("\u{1B}[<65;3;2M", into: &decoder) == [.mouse(MouseEvent(.wheelDown, row: 1, column: 2))])
        #expect(read("\u{1B}[<81;3;2M", into: &decoder) == [.mouse(MouseEvent(.wheelDown, row: 1, column: 2))], "ctrl (16) held")
        #expect(read("\u{1B}[<66;3;2M", into: &decoder) == [.mouse(MouseEvent(.other, row: 1, column: 2))], "tilted sideways")
        #expect(read("\u{1B}[<32;3;2M", into: &decoder) == [.mouse(MouseEvent(.other, row: 1, column: 2))], "a drag")
    }

    @Test func largeCoordinatesSurvive() {
        var decoder = KeyDecoder()
        #expect(read("\u{1B}[<0;300;120M", into: &decoder) == [.mouse(MouseEvent(.press(.left), row: 119, column: 299))])
        #expect(read("\u{1B}[<65;65535;40000M", into: &decoder) == [.mouse(MouseEvent(.wheelDown, row: 39_999, column: 65_534))])
    }

    @Test func manyReportsInOneReadAreAllDecoded() {
        var decoder = KeyDecoder()
        let notches = read(String(repeating: "\u{1B}[<65;40;10M", count: 4), into: &decoder)
        #expect(notches == Array(repeating: .mouse(MouseEvent(.wheelDown, row: 9, column: 39)), count: 4))
    }

    // Split after `ESC [ <`: before it, ESC and ESC [ are keys at the end of their burst unless an escape delay waits.
    @Test(arguments: [3, 5, 9])
    func aReportSplitAcrossReadsIsStillOneClick(splitAt: Int) {
        var decoder = KeyDecoder()
        let report = Array("\u{1B}[<0;12;7M".unicodeScalars)
        let first = report[..<splitAt].map { decoder.feed(.scalar($0), at: at(0)) }.joined() + decoder.feed(.none, at: at(0))
        let events = Array(first) + report[splitAt...].map { decoder.feed(.scalar($0), at: at(30)) }.joined()
        #expect(events == [.mouse(MouseEvent(.press(.left), row: 6, column: 11))], "split after \(splitAt) bytes")
    }

    @Test func aReportCutShortIsDroppedRatherThanTyped() {
        var decoder = KeyDecoder()
        #expect(read("\u{1B}[<0;1", into: &decoder).isEmpty)
        #expect(decoder.deadline == at(0) + KeyDecoder.reportTimeout)
        #expect(decoder.feed(.none, at: at(0) + KeyDecoder.reportTimeout) == [])
        #expect(decoder.deadline == nil)
        #expect(read("j", into: &decoder, at: 600) == [.key(.character("j"))])
    }

    @Test func aReportCutShortByTheNextReportGivesWayToIt() {
        var decoder = KeyDecoder()
        #expect(read("\u{1B}[<0;1\u{1B}[<64;2;3M", into: &decoder) == [.mouse(MouseEvent(.wheelUp, row: 2, column: 1))])
    }

    @Test func theOlderFormOfMode1000IsDecodedToo() {
        var decoder = KeyDecoder()
        #expect(read("\u{1B}[M !!", into: &decoder) == [.mouse(MouseEvent(.press(.left), row: 0, column: 0))], "a space is the left button, not a key")
        #expect(read("\u{1B}[M#*%", into: &decoder) == [.mouse(MouseEvent(.release, row: 4, column: 9))])
        #expect(read("\u{1B}[Ma!!", into: &decoder) == [.mouse(MouseEvent(.wheelDown, row: 0, column: 0))])
    }

    @Test func escBracketWithoutAReportIsStillAltBracket() {
        var decoder = KeyDecoder()
        #expect(read("\u{1B}[", into: &decoder) == [.key(.alt(.character("[")))])
        #expect(read("\u{1B}[x", into: &decoder) == [.key(.alt(.character("["))), .key(.character("x"))])
        #expect(read("\u{1B}[\u{1B}", into: &decoder) == [.key(.alt(.character("["))), .key(.escape)])
    }

    @Test func withAnEscapeDelayAReportMayStartInALaterBurst() {
        var decoder = KeyDecoder(escapeDelay: .milliseconds(100))
        #expect(read("\u{1B}[", into: &decoder).isEmpty)
        #expect(decoder.deadline == at(100))
        #expect(read("<0;1;1M", into: &decoder, at: 40) == [.mouse(MouseEvent(.press(.left), row: 0, column: 0))])
        #expect(read("\u{1B}[", into: &decoder, at: 200).isEmpty)
        #expect(decoder.feed(.none, at: at(300)) == [.key(.alt(.character("[")))])
    }
}
