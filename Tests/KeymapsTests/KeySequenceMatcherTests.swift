import IntrayCore
import Testing
@testable import Keymaps

@Suite struct KeySequenceMatcherTests {
    let start = ContinuousClock.now

    private func at(_ milliseconds: Int) -> ContinuousClock.Instant {
        start + .milliseconds(milliseconds)
    }

    private func matcher(_ preset: String) throws -> KeySequenceMatcher {
        KeySequenceMatcher(keymap: try Keymap.preset(named: preset))
    }

    @Test func singleKeysRunAtOnce() throws {
        var matcher = try matcher("default")
        #expect(matcher.feed(.character("j"), in: .list, at: at(0)) == .command(.cursorDown))
        #expect(matcher.feed(.ctrl("d"), in: .list, at: at(1)) == .command(.halfPageDown))
        #expect(matcher.pendingKeys.isEmpty)
        #expect(matcher.deadline == nil)
    }

    @Test func sequencesWaitForTheirLastKey() throws {
        var matcher = try matcher("vim")
        #expect(matcher.feed(.character("g"), in: .list, at: at(0)) == .pending(display: "g…"))
        #expect(matcher.pendingKeys == [.character("g")])
        #expect(matcher.deadline == at(1000))
        #expect(matcher.feed(.character("g"), in: .list, at: at(300)) == .command(.cursorTop))
        #expect(matcher.feed(.character(":"), in: .detail, at: at(400)) == .pending(display: ":…"))
        #expect(matcher.feed(.character("q"), in: .detail, at: at(500)) == .command(.quit))

        var emacs = try self.matcher("emacs")
        #expect(emacs.feed(.ctrl("x"), in: .list, at: at(0)) == .pending(display: "ctrl-x…"))
        #expect(emacs.feed(.ctrl("c"), in: .list, at: at(10)) == .command(.quit))
    }

    @Test func eachKeyRestartsTheTimeout() throws {
        var matcher = try matcher("vim")
        _ = matcher.feed(.character(":"), in: .list, at: at(0))
        #expect(matcher.timeout(now: at(999)) == nil)
        #expect(matcher.feed(.character("q"), in: .list, at: at(999)) == .command(.quit))
    }

    @Test func timeoutCancelsAPendingSequence() throws {
        var matcher = try matcher("vim")
        #expect(matcher.timeout(now: at(0)) == nil)
        _ = matcher.feed(.character("g"), in: .list, at: at(0))
        #expect(matcher.timeout(now: at(999)) == nil)
        #expect(matcher.timeout(now: at(1000)) == .cancelled)
        #expect(matcher.pendingKeys.isEmpty)
        #expect(matcher.timeout(now: at(1001)) == nil)
        // A key after the deadline starts afresh even if timeout(now:) was not called.
        _ = matcher.feed(.character("g"), in: .list, at: at(2000))
        #expect(matcher.feed(.character("g"), in: .list, at: at(3500)) == .pending(display: "g…"))
    }

    @Test func timeoutIsConfigurable() throws {
        var matcher = KeySequenceMatcher(keymap: try Keymap.preset(named: "vim"), timeout: .milliseconds(200))
        _ = matcher.feed(.character("g"), in: .list, at: at(0))
        #expect(matcher.deadline == at(200))
        #expect(matcher.timeout(now: at(200)) == .cancelled)
    }

    @Test func escCancelsAPendingSequence() throws {
        var matcher = try matcher("vim")
        _ = matcher.feed(.character("g"), in: .list, at: at(0))
        #expect(matcher.feed(.escape, in: .list, at: at(10)) == .cancelled)
        #expect(matcher.pendingKeys.isEmpty)
        // With nothing pending, esc is an ordinary key again.
        #expect(matcher.feed(.escape, in: .list, at: at(20)) == .command(.clearSelection))
    }

    @Test func unboundKeysAreReported() throws {
        var matcher = try matcher("vim")
        #expect(matcher.feed(.character("Q"), in: .list, at: at(0)) == .unbound(KeySequence(.character("Q"))))
        _ = matcher.feed(.character("g"), in: .list, at: at(10))
        #expect(matcher.feed(.character("q"), in: .list, at: at(20))
            == .unbound(KeySequence([.character("g"), .character("q")])!))
        #expect(matcher.pendingKeys.isEmpty)
        #expect(matcher.feed(.character("y"), in: .confirm, at: at(30)) == .command(.confirmYes))
        #expect(matcher.feed(.character("x"), in: .confirm, at: at(40)) == .unbound(KeySequence(.character("x"))))
    }

    @Test func textContextsTakeUnboundPrintableKeysAsText() throws {
        var matcher = try matcher("default")
        #expect(matcher.feed(.character("j"), in: .picker, at: at(0)) == .text("j"))
        #expect(matcher.feed(.character("é"), in: .prompt, at: at(1)) == .text("é"))
        #expect(matcher.feed(.space, in: .prompt, at: at(2)) == .text(" "))
        #expect(matcher.feed(.enter, in: .prompt, at: at(3)) == .command(.promptSubmit))
        #expect(matcher.feed(.ctrl("n"), in: .picker, at: at(4)) == .command(.pickerDown))
        #expect(matcher.feed(.alt(.character("x")), in: .prompt, at: at(5)) == .unbound(KeySequence(.alt(.character("x")))))
    }

    @Test func listAndDetailFallBackToGlobalButDialogsDoNot() throws {
        var matcher = try matcher("default")
        #expect(matcher.feed(.character("q"), in: .list, at: at(0)) == .command(.quit))
        // The detail pane's own "q" wins over the global one.
        #expect(matcher.feed(.character("q"), in: .detail, at: at(1)) == .command(.focusList))
        #expect(matcher.feed(.character("?"), in: .detail, at: at(2)) == .command(.help))
        #expect(matcher.feed(.character("q"), in: .confirm, at: at(3)) == .unbound(KeySequence(.character("q"))))
        #expect(matcher.feed(.character("q"), in: .picker, at: at(4)) == .text("q"))
    }

    @Test func changingContextDropsAPendingSequence() throws {
        var matcher = try matcher("vim")
        _ = matcher.feed(.character("g"), in: .list, at: at(0))
        #expect(matcher.feed(.character("g"), in: .picker, at: at(10)) == .text("g"))
        #expect(matcher.pendingKeys.isEmpty)
    }

    @Test func resetDropsAPendingSequence() throws {
        var matcher = try matcher("emacs")
        _ = matcher.feed(.ctrl("x"), in: .list, at: at(0))
        matcher.reset()
        #expect(matcher.deadline == nil)
        #expect(matcher.feed(.ctrl("c"), in: .list, at: at(10)) == .unbound(KeySequence(.ctrl("c"))))
    }
}
