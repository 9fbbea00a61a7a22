import Testing
import TestSupport
@testable import MailText

/// Seeded random inputs (replayable: `INTRAY_FUZZ_SEED`; longer sessions:
/// `INTRAY_FUZZ_ITERATIONS`). Each input must come out safe to draw, and stay unchanged
/// when sanitised again.
@Suite struct FuzzTests {
    init() throws {
        try #require(UTF8Locale.installed)
    }

    @Test func sanitizerInvariants() {
        var random = SeededGenerator(seed: FuzzSettings.seed)
        let iterations = FuzzSettings.iterations(default: 20_000)
        for _ in 0..<iterations {
            let input = HostileText.string(using: &random)
            let multi = TerminalText.sanitize(input)
            let line = TerminalText.sanitizeLine(input)
            let tabbed = TerminalText.sanitize(input, tabWidth: Int.random(in: -1...9, using: &random))
            #expect(Forbidden.violation(in: multi, allowNewline: true) == nil, "\(input.debugDescription)")
            #expect(Forbidden.violation(in: tabbed, allowNewline: true) == nil, "\(input.debugDescription)")
            #expect(Forbidden.violation(in: line, allowNewline: false) == nil, "\(input.debugDescription)")
            #expect(TerminalText.sanitize(multi) == multi, "\(input.debugDescription)")
            #expect(TerminalText.sanitizeLine(line) == line, "\(input.debugDescription)")
            // One line drops the spaces around breaks, so later tab stops may move.
            #expect(TerminalText.sanitizeLine(multi).withoutSpaces == line.withoutSpaces, "\(input.debugDescription)")
            _ = DisplayWidth.truncate(line, toWidth: Int.random(in: 0...40, using: &random))
            _ = WrappedText(multi, width: Int.random(in: 1...40, using: &random)).lineCount
        }
    }

    @Test func htmlInvariants() {
        var random = SeededGenerator(seed: FuzzSettings.seed ^ 0x5EED)
        let iterations = FuzzSettings.iterations(default: 20_000)
        for _ in 0..<iterations {
            let html = HostileText.tagSoup(using: &random)
            let text = HTMLText.render(html)
            #expect(Forbidden.violation(in: text, allowNewline: true) == nil, "\(html.debugDescription)")
            #expect(TerminalText.sanitize(text) == text, "\(html.debugDescription)")
            #expect(!text.hasPrefix("\n") && !text.hasSuffix("\n") && !text.hasSuffix(" "), "\(html.debugDescription)")
        }
    }
}

extension String {
    var withoutSpaces: String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0 != " " }))
    }
}

/// Generators of hostile strings.
enum HostileText {
    static let fragments: [String] = [
        "a", "Z", "0", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{B}", "\u{C}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{1B}", "\u{1B}[", "\u{1B}[31m", "\u{1B}[?1049h", "\u{1B}[1;2;3", "\u{1B}]", "\u{1B}]0;title\u{7}",
        "\u{1B}]52;c;ZXZpbA==\u{1B}\\", "\u{1B}]8;;http://x\u{1B}\\", "\u{1B}P", "\u{1B}_", "\u{1B}^", "\u{1B}X",
        "\u{1B}\\", "\u{1B}(B", "\u{1B}#8", "\u{1B}c", "\u{9B}", "\u{9B}2J", "\u{9D}", "\u{9D}0;t\u{9C}",
        "\u{90}", "\u{98}", "\u{9E}", "\u{9F}", "\u{9C}", "\u{7}", "\u{18}", "\u{1A}", "\u{7F}", "\u{0}",
        "\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{61C}", "\u{200B}",
        "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}", "\u{E0041}", "\u{E007F}", "\u{FE0F}", "\u{FE0E}",
        "世", "界", "ｱ", "Ａ", "한", "\u{1100}", "\u{1161}", "e\u{301}", "\u{301}", "\u{20E3}", "😀", "👍",
        "🏽", "👨‍👩‍👧", "🇺", "🇸", "🏴", "\u{FFFD}", "\u{FFFE}", "\u{E000}", "\u{10FFFF}", "\u{1FAE8}", "é",
        "\u{3164}", "\u{115F}",
    ]

    static func string(using random: inout SeededGenerator) -> String {
        var result = ""
        for _ in 0..<Int.random(in: 0...24, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                result.unicodeScalars.append(randomScalar(using: &random))
            case 1:
                result.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &random)))
            case 2:
                result.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0x80...0x9F, using: &random))!)
            default:
                result += fragments.randomElement(using: &random)!
            }
        }
        return result
    }

    /// Any scalar; surrogate code points (which a Swift string cannot hold) become U+FFFD.
    static func randomScalar(using random: inout SeededGenerator) -> Unicode.Scalar {
        let plane = Int.random(in: 0..<4, using: &random)
        let value = plane == 0 ? UInt32.random(in: 0...0xFFFF, using: &random) : UInt32.random(in: 0...0x10FFFF, using: &random)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    static let tags = ["p", "div", "span", "b", "i", "a", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td",
                       "th", "tbody", "pre", "blockquote", "br", "hr", "img", "h1", "h3", "script", "style", "head",
                       "title", "body", "html", "noscript", "svg", "select", "option", "font", "center", "x-custom",
                       "textarea", "xmp", "plaintext", "listing", "iframe", "form", "input", "button", "caption"]
    static let attributes = ["href=\"https://x.example/?a=1&b=2\"", "href='#top'", "href=javascript:alert(1)",
                             "href=\"\u{1B}]0;t\u{7}\"", "href=\"mailto:a@b.c\"", "alt=\"alt text\"", "alt=''",
                             "alt=\"\u{202E}gnp.exe\"", "style=\"display:none\"", "style='DISPLAY : NONE'", "hidden",
                             "start=\"-5\"", "start=99999999999999999999", "start=x", "src=x.png", "class=a", "=",
                             "href=\"", "alt=\"unterminated", "id=a id=b"]
    static let markup = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&eacute;", "&#27;", "&#x1B;", "&#x9b;", "&#0;",
                         "&#xD800;", "&#1114112;", "&#x202E;", "&#x200B;", "&bogus;", "&", "&#", "<", ">", "</",
                         "<!--", "-->", "<!-- comment -->", "<![CDATA[x]]>", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>",
                         "<?php echo 1; ?>", "<script>SECRET</script>", "<style>p{}</style>", "\u{0}", "<br/>",
                         "<p/>", "</br>", "<<p>>", "<a <b>", "<td>", "</tr>", "</table>", "</li>", "</ul>"]

    static func tagSoup(using random: inout SeededGenerator) -> String {
        var html = ""
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            switch Int.random(in: 0..<12, using: &random) {
            case 0...3:
                let tag = tags.randomElement(using: &random)!
                let attributeCount = Int.random(in: 0...2, using: &random)
                let attributes = (0..<attributeCount).map { _ in self.attributes.randomElement(using: &random)! }
                html += "<" + ([tag] + attributes).joined(separator: " ") + ">"
            case 4, 5:
                html += "</\(tags.randomElement(using: &random)!)>"
            case 6, 7:
                html += markup.randomElement(using: &random)!
            case 8:
                let depth = Int.random(in: 1...(Int.random(in: 0..<20, using: &random) == 0 ? 400 : 12), using: &random)
                let tag = ["div", "ul", "li", "blockquote", "table", "b", "ol"].randomElement(using: &random)!
                html += String(repeating: "<\(tag)>", count: depth)
            default:
                html += string(using: &random)
            }
        }
        return html
    }
}
