import Foundation
import Testing
import TestSupport
@testable import MailText

@Suite struct WrappedTextTests {
    init() throws {
        try #require(UTF8Locale.installed)
    }

    private func wrap(_ text: String, _ width: Int) -> [String] {
        let wrapped = WrappedText(text, width: width)
        return wrapped.lines(0..<wrapped.lineCount)
    }

    @Test(arguments: [
        ("hello world", 5, ["hello", "world"]),
        ("hello world foo", 11, ["hello world", "foo"]),
        ("hello world", 11, ["hello world"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("a\n\nb", 10, ["a", "", "b"]),
        ("a\n", 10, ["a"]),
        ("a\n\n", 10, ["a", ""]),
        ("", 10, []),
        ("\n", 10, [""]),
        ("a  b", 10, ["a  b"]),
        ("aaaa  bbbb", 5, ["aaaa", "bbbb"]),
        ("aaaa     bbbb", 6, ["aaaa", "bbbb"]),
        ("  a long line", 8, ["  a long", "line"]),
        ("word        ", 6, ["word"]),
        ("            ", 4, [""]),
        ("one two three four", 9, ["one two", "three", "four"]),
        ("a verylongword b", 5, ["a", "veryl", "ongwo", "rd b"]),
        ("世界世界世", 5, ["世界", "世界", "世"]),
        ("ab 世界 cd", 5, ["ab", "世界", "cd"]),
        ("e\u{301}e\u{301}e\u{301}e\u{301}", 2, ["e\u{301}e\u{301}", "e\u{301}e\u{301}"]),
        ("世", 1, ["世"]),
        ("a世", 2, ["a", "世"]),
        ("🇺🇸🇺🇸 x", 4, ["🇺🇸🇺🇸", "x"]),
        ("Ünïcödé wörds wrap", 7, ["Ünïcödé", "wörds", "wrap"]),
        ("“Quoted” — text…", 8, ["“Quoted”", "— text…"]),
        ("한글 한글한글", 4, ["한글", "한글", "한글"]),
    ])
    func wrapping(_ text: String, _ width: Int, _ expected: [String]) {
        #expect(wrap(text, width) == expected)
    }

    @Test func rangesClampAndLinesAreCounted() {
        let wrapped = WrappedText("one two three\nfour", width: 7)
        #expect(wrapped.lines(1..<3) == ["three", "four"])
        #expect(wrapped.lines(2..<50) == ["four"])
        #expect(wrapped.lines(9..<12) == [])
        #expect(wrapped.lines(-5..<1) == ["one two"])
        #expect(wrapped.line(0) == "one two")
        #expect(wrapped.line(3) == nil)
        #expect(wrapped.lineCount == 3)
        #expect(WrappedText("x", width: 0).width == 1)
    }

    @Test func copiesShareTheWrappedLines() {
        let original = WrappedText("a b c d", width: 1)
        let copy = original
        #expect(original.lines(0..<2) == ["a", "b"])
        #expect(copy.lineCount == 4)
        #expect(original.text == "a b c d")
    }

    /// 100,000 short lines (2 MB): the first screen and the last both come quickly.
    @Test func hundredThousandLines() {
        let body = (0..<100_000).map { "Line \($0): the quick brown fox" }.joined(separator: "\n")
        #expect(body.utf8.count > 2_000_000)
        let clock = ContinuousClock()
        let wrapped = WrappedText(body, width: 80)
        var firstScreen: [String] = []
        let first = clock.measure { firstScreen = wrapped.lines(0..<50) }
        var count = 0
        let counting = clock.measure { count = wrapped.lineCount }
        var lastScreen: [String] = []
        let last = clock.measure { lastScreen = wrapped.lines(99_950..<100_000) }
        #expect(firstScreen.first == "Line 0: the quick brown fox")
        #expect(count == 100_000)
        #expect(lastScreen.last == "Line 99999: the quick brown fox")
        print("WrappedText 100k lines/2 MB: first screen \(first), lineCount \(counting), last screen \(last)")
    }

    /// One 2 MB paragraph of words (an HTML body without breaks).
    @Test func oneHugeParagraph() {
        let words = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "élit", "世界"]
        var random = SeededGenerator(seed: 7)
        var body = ""
        while body.utf8.count < 2_000_000 {
            body += words.randomElement(using: &random)! + " "
        }
        let clock = ContinuousClock()
        let wrapped = WrappedText(body, width: 72)
        var count = 0
        let counting = clock.measure { count = wrapped.lineCount }
        let middle = wrapped.lines(count / 2..<count / 2 + 40)
        #expect(count > 25_000)
        #expect(middle.count == 40)
        #expect(middle.allSatisfy { DisplayWidth.of($0) <= 72 && !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        print("WrappedText one 2 MB paragraph: lineCount \(count) in \(counting)")
    }

    /// A paragraph whose scalars each stand alone is wrapped scalar by scalar; one with a
    /// combining mark is wrapped by `Character`. A mark on its last letter changes nothing
    /// else, so both ways must break the rest of it at the same places.
    @Test func scalarWrappingAgreesWithCharacterWrapping() {
        var random = SeededGenerator(seed: FuzzSettings.seed)
        let pieces = ["a", "word", " ", "  ", "é", "Ünïcödé", "—", "…", "“quoted”", "€5", "世", "界", "한글", "ｶﾀ", "│", "→", "™"]
        for _ in 0..<FuzzSettings.iterations(default: 3_000) / 3 {
            let words = (0..<Int.random(in: 1...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            let text = words.joined() + "z"
            let width = Int.random(in: 2...16, using: &random)
            var marked = wrap(text + "\u{301}", width)
            #expect(marked.last?.hasSuffix("z\u{301}") == true)
            marked[marked.count - 1] = String(marked[marked.count - 1].unicodeScalars.dropLast())
            #expect(wrap(text, width) == marked, "\(text.debugDescription) at \(width)")
        }
    }

    /// Random bodies: no line is wider than the width (width >= 2), and wrapping only
    /// removes spaces at the breaks, never anything else.
    @Test func wrappingKeepsEverythingButBreakSpaces() {
        var random = SeededGenerator(seed: FuzzSettings.seed)
        let pieces = ["a", "bb", "word", " ", " ", "  ", "\n", "\n\n", "世", "界", "e\u{301}", "😀", "🇺🇸",
                      "superlongwordwithoutspaces", "ｱ", "\u{FFFD}", "\u{301}"]
        for _ in 0..<FuzzSettings.iterations(default: 3_000) / 3 {
            let raw = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let text = TerminalText.sanitize(raw)
            let width = Int.random(in: 2...20, using: &random)
            let lines = wrap(text, width)
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "\(text.debugDescription) at \(width): \(line.debugDescription)")
            }
            let kept = lines.joined().withoutSpaces
            let original = String(String.UnicodeScalarView(text.withoutSpaces.unicodeScalars.filter { $0 != "\n" }))
            #expect(kept == original, "\(text.debugDescription) at \(width)")
            let paragraphs = text.hasSuffix("\n") ? text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).count
                : (text.isEmpty ? 0 : text.split(separator: "\n", omittingEmptySubsequences: false).count)
            #expect(lines.count >= paragraphs)
        }
    }
}
