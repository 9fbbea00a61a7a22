import Foundation
import Testing
@testable import IntrayCore

/// Help or the messages on their own: keys and frames in, the first line shown out.
@Suite struct OverlayTests {
    /// 50 lines drawn 20 at a time: the last page starts at line 30.
    static func laidOut() -> Overlay {
        var overlay = Overlay(.help)
        overlay.reduce(.laidOut(lineCount: 50, height: 20))
        return overlay
    }

    @Test func linesAndPagesScrollWithinTheFirstAndTheLastPage() {
        var overlay = Self.laidOut()
        overlay.reduce(.scrolled(lines: -1, height: 20))
        #expect(overlay.scroll == 0)
        overlay.reduce(.scrolled(lines: 1, height: 20))
        overlay.reduce(.paged(1, height: 20))
        #expect(overlay.scroll == 20, "a page keeps one line of the last")
        overlay.reduce(.paged(1, height: 20))
        #expect(overlay.scroll == 30)
        overlay.reduce(.paged(-1, height: 20))
        #expect(overlay.scroll == 11)
    }

    @Test func topAndEndJump() {
        var overlay = Self.laidOut()
        overlay.reduce(.toEnd(height: 20))
        #expect(overlay.scroll == 30)
        overlay.reduce(.toTop)
        #expect(overlay.scroll == 0)
    }

    @Test func beforeTheFirstFrameTheEndIsUnknownAndTheFrameBringsItBack() {
        var overlay = Overlay(.messages)
        overlay.reduce(.toEnd(height: 20))
        #expect(overlay.scroll > 1_000_000)
        overlay.reduce(.laidOut(lineCount: 25, height: 20))
        #expect(overlay.scroll == 5 && overlay.lineCount == 25)
    }

    @Test func theWheelScrollsLikeKeys() {
        var overlay = Self.laidOut()
        overlay.reduce(.wheelTurned(lines: 3, height: 20))
        #expect(overlay.scroll == 3)
        overlay.reduce(.wheelTurned(lines: 60, height: 20))
        #expect(overlay.scroll == 30)
    }
}
