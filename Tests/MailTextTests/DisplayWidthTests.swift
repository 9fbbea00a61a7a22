import Testing
import TestSupport
@testable import MailText

@Suite struct DisplayWidthTests {
    init() throws {
        try #require(UTF8Locale.installed)
    }

    @Test(arguments: [
        ("", 0), ("abc", 3), ("世界", 4), ("e\u{301}", 1), ("e\u{301}\u{302}\u{303}", 1),
        ("é", 1), ("👍", 2), ("👍🏽", 2), ("🇺🇸", 2), ("👨‍👩‍👧", 2), ("❤️", 1), ("한", 2),
        ("\u{1100}\u{1161}\u{11A8}", 2), ("ｱ", 1), ("Ａ", 2), ("\u{FFFD}", 1), ("\u{1}", 1),
        ("\u{1FAE8}", 1), ("a\u{200B}b", 2), ("Straße 世界 🎉", 14),
    ])
    func widths(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
        #expect(DisplayWidth.of(text[...]) == expected)
        #expect(text.reduce(0) { $0 + DisplayWidth.of($1) } == expected)
    }

    @Test(arguments: ["", " ", "─", "ab", "世", "e\u{301}", "👍🏽"], [-2, 0, 1, 2, 117])
    func copies(_ piece: String, count: Int) {
        #expect(String(copies: piece, count: count) == String(repeating: piece, count: max(count, 0)))
    }

    @Test func characterWidths() {
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of(Character("世")) == 2)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)
        #expect(DisplayWidth.of(Character("🇺🇸")) == 2)
        #expect(DisplayWidth.of(Character("\r\n")) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)!) == 1)
    }

    @Test(arguments: [
        ("Hello, world", 5, "…", "Hell…"),
        ("Hello", 5, "…", "Hello"),
        ("Hello", 0, "…", ""),
        ("Hello", -3, "…", ""),
        ("Hello!", 5, "...", "He..."),
        ("Hello!", 5, "~", "Hell~"),
        ("Hello!", 5, "", "Hello"),
        ("abc", 2, "...", "ab"),
        ("世界世界", 5, "…", "世界…"),
        ("世界世界", 4, "…", "世… "),
        ("a世界", 3, "", "a世"),
        ("a世界", 2, "", "a "),
        ("世界", 1, "", " "),
        ("e\u{301}e\u{301}e\u{301}", 2, "…", "e\u{301}…"),
        ("abcde\u{301}", 5, "…", "abcde\u{301}"),
        ("abcde\u{301}f", 5, "…", "abcd…"),
        ("abcd👍🏽", 5, "…", "abcd…"),
        ("abc👍🏽", 5, "…", "abc👍🏽"),
        ("🇺🇸🇩🇪", 3, "…", "🇺🇸…"),
        ("\r\nab", 2, "…", "\r\n…"),
    ])
    func truncation(_ text: String, _ width: Int, _ ellipsis: String, _ expected: String) {
        let cut = DisplayWidth.truncate(text, toWidth: width, ellipsis: ellipsis)
        #expect(cut == expected)
        #expect(DisplayWidth.of(cut) <= max(width, 0))
    }

    @Test func truncatingALongSubjectScansOnlyWhatItKeeps() {
        let subject = String(repeating: "Réunion 会議 ", count: 500)  // 5,500 characters
        let cut = DisplayWidth.truncate(subject, toWidth: 40)
        #expect(DisplayWidth.of(cut) == 40)
        #expect(cut.hasSuffix("…"))
        #expect(subject.hasPrefix(String(cut.dropLast())))
    }

    @Test func padding() {
        #expect(DisplayWidth.pad("ab", toWidth: 4) == "ab  ")
        #expect(DisplayWidth.pad("世", toWidth: 3) == "世 ")
        #expect(DisplayWidth.pad("abcdef", toWidth: 3) == "abcdef")
        #expect(DisplayWidth.pad("", toWidth: 2) == "  ")
        #expect(DisplayWidth.fit("世界世界", toWidth: 5) == "世界…")
        #expect(DisplayWidth.fit("ab", toWidth: 4) == "ab  ")
    }

    /// Text whose scalars each stand alone is measured and cut from its UTF-8, scalar by
    /// scalar: exactly as measuring and cutting it by `Character` does.
    @Test func scalarMeasuringAgreesWithCharacters() {
        var random = SeededGenerator(seed: FuzzSettings.seed)
        let pieces = ["a", "Z", " ", "é", "Ünï", "世", "—", "…", "€", "│", "한", "ｶ", "“", "™"]
        func reference(_ text: String, _ width: Int, _ ellipsis: String) -> String {
            let ellipsisWidth = DisplayWidth.of(ellipsis)
            if ellipsisWidth > width { return reference(text, width, "") }
            if text.reduce(0, { $0 + DisplayWidth.of($1) }) <= width { return text }
            var kept = "", keptWidth = 0
            for character in text {
                let characterWidth = DisplayWidth.of(character)
                if keptWidth + characterWidth > width - ellipsisWidth { break }
                kept.append(character)
                keptWidth += characterWidth
            }
            return kept + ellipsis + String(repeating: " ", count: width - ellipsisWidth - keptWidth)
        }
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...20, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
            for width in 0...24 {
                for ellipsis in ["…", "...", ""] {
                    #expect(DisplayWidth.truncate(text, toWidth: width, ellipsis: ellipsis) == reference(text, width, ellipsis), "\(text.debugDescription) to \(width)")
                }
            }
        }
    }

    /// Random sanitised strings of every kind of character: truncation never overshoots,
    /// hits the width exactly when it cuts, keeps a prefix, and pads to exact columns.
    @Test func truncateAndPadAlignColumns() {
        var random = SeededGenerator(seed: FuzzSettings.seed)
        let pieces = ["a", "Z", " ", "世", "界", "e\u{301}", "\u{301}", "🇺🇸", "😀", "ｱ", "Ａ", "한",
                      "\u{1100}\u{1161}", "…", "\u{FFFD}", "ß", "\u{1FAE8}"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...30, using: &random)
            let raw = (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
            let text = TerminalText.sanitizeLine(raw)
            let total = DisplayWidth.of(text)
            #expect(total == text.reduce(0) { $0 + DisplayWidth.of($1) })
            for width in 0...24 {
                for ellipsis in ["…", "...", ""] {
                    let cut = DisplayWidth.truncate(text, toWidth: width, ellipsis: ellipsis)
                    let cutWidth = DisplayWidth.of(cut)
                    #expect(cutWidth <= width, "\(text.debugDescription) to \(width)")
                    if total > width {
                        #expect(cutWidth == width, "\(text.debugDescription) to \(width)")
                        let kept = cut.hasSuffix(" ") ? String(cut.reversed().drop { $0 == " " }.reversed()) : cut
                        let body = ellipsis.isEmpty ? kept : String(kept.dropLast(ellipsis.count))
                        #expect(text.hasPrefix(body) || DisplayWidth.of(ellipsis) > width)
                    } else {
                        #expect(cut == text)
                    }
                    #expect(DisplayWidth.of(DisplayWidth.pad(cut, toWidth: width)) == width)
                }
            }
        }
    }
}
