import Testing
@testable import Keymaps

@Suite struct KeySpecTests {
    @Test(arguments: [
        ("j", Key.character("j")), ("G", .character("G")), ("#", .character("#")),
        ("é", .character("é")), ("ß", .character("ß")), ("-", .character("-")),
        ("space", .space), ("enter", .enter), ("Return", .enter), ("esc", .escape),
        ("Escape", .escape), ("tab", .tab), ("shift-tab", .backTab), ("S-Tab", .backTab),
        ("backspace", .backspace), ("delete", .delete), ("up", .up), ("down", .down),
        ("left", .left), ("right", .right), ("home", .home), ("end", .end), ("pgup", .pageUp),
        ("PageDown", .pageDown), ("f1", .function(1)), ("F12", .function(12)),
        ("ctrl-x", .ctrl("x")), ("C-x", .ctrl("x")), ("Ctrl-X", .ctrl("x")),
        ("ctrl-space", .ctrl(" ")), ("ctrl-@", .ctrl(" ")), ("ctrl-_", .ctrl("_")),
        ("ctrl-i", .tab), ("ctrl-m", .enter), ("ctrl-j", .enter), ("ctrl-h", .backspace),
        ("ctrl-[", .escape),
        ("alt-x", .alt(.character("x"))), ("M-<", .alt(.character("<"))),
        ("alt--", .alt(.character("-"))), ("alt-enter", .alt(.enter)), ("alt-é", .alt(.character("é"))),
        ("ctrl-alt-f", .alt(.ctrl("f"))), ("alt-ctrl-f", .alt(.ctrl("f"))),
    ])
    func parsesKeys(spec: String, key: Key) throws {
        #expect(try Key.parse(spec) == key)
    }

    @Test func descriptionIsTheCanonicalSpecAndParsesBack() throws {
        let keys: [Key] = [
            .character("j"), .character("é"), .space, .backTab, .pageDown, .function(7),
            .ctrl("x"), .ctrl(" "), .alt(.character("<")), .alt(.ctrl("n")), .alt(.up),
        ]
        #expect(keys.map(\.description) == [
            "j", "é", "space", "shift-tab", "pgdn", "f7", "ctrl-x", "ctrl-space", "alt-<",
            "alt-ctrl-n", "alt-up",
        ])
        for key in keys {
            #expect(try Key.parse(key.description) == key)
        }
    }

    @Test func sequencesSplitOnSpaces() throws {
        let sequence = try KeySequence.parse("ctrl-x  C-c")
        #expect(sequence.keys == [.ctrl("x"), .ctrl("c")])
        #expect(sequence.description == "ctrl-x ctrl-c")
        #expect(try KeySequence.parse("g g").description == "g g")
        #expect(try KeySequence.parse(": q").keys == [.character(":"), .character("q")])
    }

    @Test func unknownKeyNameSuggestsTheNearest() {
        #expect(throws: KeySpecError(message: "unknown key name \"pgdown\"", suggestion: "did you mean \"pgdn\"?")) {
            try KeySequence.parse("ctrl-x pgdown")
        }
        #expect(throws: KeySpecError(message: "unknown key name \"ctl-x\"", suggestion: "did you mean \"ctrl-x\"?")) {
            try Key.parse("ctl-x")
        }
        #expect(throws: KeySpecError(
            message: "unknown key name \"hello\"",
            suggestion: "keys are single characters, names such as \"enter\" or \"pgdn\", or ctrl-/alt- before a key"
        )) {
            try Key.parse("hello")
        }
    }

    @Test func refusesKeysATerminalCannotSend() {
        #expect(throws: KeySpecError(
            message: "\"ctrl-1\" cannot be typed: terminals send ctrl only with a letter, space, [ \\ ] ^ or _",
            suggestion: "use alt- instead, or another key"
        )) {
            try Key.parse("ctrl-1")
        }
        #expect(throws: KeySpecError(
            message: "\"shift-a\": shift is only written for tab",
            suggestion: "write the shifted character itself: \"A\""
        )) {
            try Key.parse("shift-a")
        }
        #expect(throws: KeySpecError(message: "\"alt-alt-x\" repeats a modifier", suggestion: nil)) {
            try Key.parse("alt-alt-x")
        }
        #expect(throws: KeySpecError(
            message: "empty key", suggestion: "write a key such as \"j\", \"enter\" or \"g g\""
        )) {
            try KeySequence.parse("  ")
        }
    }

    @Test func textIsWhatAKeyTypes() {
        #expect(Key.character("é").text == "é")
        #expect(Key.space.text == " ")
        #expect(Key.ctrl("a").text == nil)
        #expect(Key.alt(.character("x")).text == nil)
    }
}
