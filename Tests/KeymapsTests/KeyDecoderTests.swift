import Testing
@testable import Keymaps

@Suite struct KeyDecoderTests {
    let start = ContinuousClock.now

    private func at(_ milliseconds: Int) -> ContinuousClock.Instant {
        start + .milliseconds(milliseconds)
    }

    @Test func printableScalarsAreCharacters() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(.scalar("j"), at: at(0)) == [.character("j")])
        #expect(decoder.keys(.scalar("é"), at: at(1)) == [.character("é")])
        #expect(decoder.keys(.scalar("中"), at: at(2)) == [.character("中")])
        #expect(decoder.keys(.scalar(" "), at: at(3)) == [.space])
        #expect(decoder.keys(.key(.up), at: at(4)) == [.up])
        #expect(decoder.keys(.none, at: at(5)) == [])
    }

    @Test func controlBytes() {
        var decoder = KeyDecoder()
        let decoded = [0, 1, 4, 8, 9, 10, 13, 21, 24, 26, 28, 31, 127].map {
            decoder.keys(.scalar(Unicode.Scalar($0)!), at: at(0))
        }
        #expect(decoded == [
            [.ctrl(" ")], [.ctrl("a")], [.ctrl("d")], [.backspace], [.tab], [.enter], [.enter],
            [.ctrl("u")], [.ctrl("x")], [.ctrl("z")], [.ctrl("\\")], [.ctrl("_")], [.backspace],
        ])
        #expect(decoder.keys(.scalar("\u{85}"), at: at(0)) == [])
    }

    @Test func escFollowedInTheSameBurstIsAlt() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(.scalar("\u{1B}"), at: at(0)) == [])
        #expect(decoder.deadline == at(0))
        #expect(decoder.keys(.scalar(">"), at: at(0)) == [.alt(.character(">"))])
        #expect(decoder.deadline == nil)
        _ = decoder.keys(.scalar("\u{1B}"), at: at(100))
        #expect(decoder.keys(.scalar("\u{0E}"), at: at(100)) == [.alt(.ctrl("n"))])
        _ = decoder.keys(.scalar("\u{1B}"), at: at(200))
        #expect(decoder.keys(.key(.up), at: at(200)) == [.alt(.up)])
        #expect(decoder.keys(.none, at: at(200)) == [])
    }

    @Test func aBurstReadLateIsStillOneAltKey() {
        var decoder = KeyDecoder()
        _ = decoder.keys(.scalar("\u{1B}"), at: at(0))
        #expect(decoder.keys(.scalar("<"), at: at(40)) == [.alt(.character("<"))], "the reader was busy; the bytes still came together")
    }

    @Test func loneEscAtTheEndOfItsBurstIsEscAtOnce() {
        var decoder = KeyDecoder()
        _ = decoder.keys(.scalar("\u{1B}"), at: at(0))
        #expect(decoder.keys(.none, at: at(0)) == [.escape])
        #expect(decoder.deadline == nil)
        #expect(decoder.keys(.none, at: at(50)) == [])
    }

    @Test func arrowsAreKeysWhateverCameBefore() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(.key(.down), at: at(0)) == [.down])
        _ = decoder.keys(.scalar("\u{1B}"), at: at(10))
        #expect(decoder.keys(.none, at: at(10)) == [.escape])
        #expect(decoder.keys(.key(.up), at: at(11)) == [.up])
        #expect(decoder.keys(.key(.left), at: at(11)) == [.left])
    }

    @Test func aKeyInALaterBurstIsTwoKeys() {
        var decoder = KeyDecoder()
        _ = decoder.keys(.scalar("\u{1B}"), at: at(0))
        #expect(decoder.keys(.none, at: at(0)) == [.escape])
        #expect(decoder.keys(.scalar("j"), at: at(1)) == [.character("j")])
    }

    @Test func escEscIsEscThenAHeldEsc() {
        var decoder = KeyDecoder()
        _ = decoder.keys(.scalar("\u{1B}"), at: at(0))
        #expect(decoder.keys(.scalar("\u{1B}"), at: at(0)) == [.escape])
        #expect(decoder.keys(.scalar("f"), at: at(0)) == [.alt(.character("f"))])
        _ = decoder.keys(.scalar("\u{1B}"), at: at(10))
        #expect(decoder.keys(.scalar("\u{1B}"), at: at(10)) == [.escape])
        #expect(decoder.keys(.none, at: at(10)) == [.escape])
    }

    @Test func anEscapeDelayWaitsForALaterBurst() {
        var decoder = KeyDecoder(escapeDelay: .milliseconds(100))
        _ = decoder.keys(.scalar("\u{1B}"), at: at(0))
        #expect(decoder.keys(.none, at: at(1)) == [])
        #expect(decoder.deadline == at(100))
        #expect(decoder.keys(.scalar("b"), at: at(80)) == [.alt(.character("b"))])
        _ = decoder.keys(.scalar("\u{1B}"), at: at(200))
        #expect(decoder.keys(.none, at: at(201)) == [])
        #expect(decoder.keys(.none, at: at(300)) == [.escape])
        _ = decoder.keys(.scalar("\u{1B}"), at: at(400))
        _ = decoder.keys(.none, at: at(401))
        #expect(decoder.keys(.scalar("j"), at: at(520)) == [.escape, .character("j")], "late, and in a later burst")
    }
}

extension KeyDecoder {
    /// The keys `input` completes, for tests of keys alone: a mouse report fails the test.
    mutating func keys(_ input: RawInput, at now: Instant, sourceLocation: SourceLocation = #_sourceLocation) -> [Key] {
        feed(input, at: now).compactMap { event in
            guard case .key(let key) = event else {
                Issue.record("a mouse report where keys were expected: \(event)", sourceLocation: sourceLocation)
                return nil
            }
            return key
        }
    }
}
