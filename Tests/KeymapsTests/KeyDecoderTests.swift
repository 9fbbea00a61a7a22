import Testing
@testable import Keymaps

@Suite struct KeyDecoderTests {
    let start = ContinuousClock.now

    private func at(_ milliseconds: Int) -> ContinuousClock.Instant {
        start + .milliseconds(milliseconds)
    }

    @Test func printableScalarsAreCharacters() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.scalar("j"), at: at(0)) == [.character("j")])
        #expect(decoder.feed(.scalar("é"), at: at(1)) == [.character("é")])
        #expect(decoder.feed(.scalar("中"), at: at(2)) == [.character("中")])
        #expect(decoder.feed(.scalar(" "), at: at(3)) == [.space])
        #expect(decoder.feed(.key(.up), at: at(4)) == [.up])
        #expect(decoder.feed(.none, at: at(5)) == [])
    }

    @Test func controlBytes() {
        var decoder = KeyDecoder()
        let decoded = [0, 1, 4, 8, 9, 10, 13, 21, 24, 26, 28, 31, 127].map {
            decoder.feed(.scalar(Unicode.Scalar($0)!), at: at(0))
        }
        #expect(decoded == [
            [.ctrl(" ")], [.ctrl("a")], [.ctrl("d")], [.backspace], [.tab], [.enter], [.enter],
            [.ctrl("u")], [.ctrl("x")], [.ctrl("z")], [.ctrl("\\")], [.ctrl("_")], [.backspace],
        ])
        #expect(decoder.feed(.scalar("\u{85}"), at: at(0)) == [])
    }

    @Test func escFollowedQuicklyIsAlt() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.scalar("\u{1B}"), at: at(0)) == [])
        #expect(decoder.deadline == at(25))
        #expect(decoder.feed(.scalar("x"), at: at(2)) == [.alt(.character("x"))])
        #expect(decoder.deadline == nil)
        _ = decoder.feed(.scalar("\u{1B}"), at: at(100))
        #expect(decoder.feed(.scalar("<"), at: at(125)) == [.alt(.character("<"))])
        _ = decoder.feed(.scalar("\u{1B}"), at: at(200))
        #expect(decoder.feed(.scalar("\u{0E}"), at: at(201)) == [.alt(.ctrl("n"))])
        _ = decoder.feed(.scalar("\u{1B}"), at: at(300))
        #expect(decoder.feed(.key(.up), at: at(301)) == [.alt(.up)])
    }

    @Test func loneEscAfterTheDelayIsEsc() {
        var decoder = KeyDecoder()
        _ = decoder.feed(.scalar("\u{1B}"), at: at(0))
        #expect(decoder.feed(.none, at: at(24)) == [])
        #expect(decoder.feed(.none, at: at(25)) == [.escape])
        #expect(decoder.deadline == nil)
        #expect(decoder.feed(.none, at: at(50)) == [])
    }

    @Test func keyArrivingLateAfterEscIsTwoKeys() {
        var decoder = KeyDecoder()
        _ = decoder.feed(.scalar("\u{1B}"), at: at(0))
        #expect(decoder.feed(.scalar("j"), at: at(26)) == [.escape, .character("j")])
        _ = decoder.feed(.key(.escape), at: at(100))
        #expect(decoder.feed(.key(.down), at: at(300)) == [.escape, .down])
    }

    @Test func escEscIsEscThenAHeldEsc() {
        var decoder = KeyDecoder()
        _ = decoder.feed(.scalar("\u{1B}"), at: at(0))
        #expect(decoder.feed(.scalar("\u{1B}"), at: at(5)) == [.escape])
        #expect(decoder.deadline == at(30))
        #expect(decoder.feed(.scalar("f"), at: at(10)) == [.alt(.character("f"))])
    }

    @Test func escapeDelayIsConfigurable() {
        var decoder = KeyDecoder(escapeDelay: .milliseconds(100))
        _ = decoder.feed(.scalar("\u{1B}"), at: at(0))
        #expect(decoder.feed(.scalar("b"), at: at(80)) == [.alt(.character("b"))])
    }
}
