import Foundation
import Testing
@testable import MailText

/// Links numbered as w3m and aerc number them: `[n]` after the link in the text, and the
/// addresses by number, each once.
@Suite struct LinkedTextTests {
    init() throws {
        try #require(UTF8Locale.installed)
    }

    @Test func anHTMLLinkGetsANumberAfterItsTextAndIsListed() {
        let linked = HTMLText.linked("<p>The quote is <a href=\"https://acme.example/q/7\">on our portal</a>.</p>")
        #expect(linked == LinkedText(text: "The quote is on our portal [1].", links: ["https://acme.example/q/7"]))
    }

    @Test func theSameAddressTwiceKeepsOneNumber() {
        let linked = HTMLText.linked("""
            <a href="https://a.example/">Home</a> <a href="https://b.example/x">B</a>
            <a href="https://a.example/">home again</a>
            """)
        #expect(linked.text == "Home [1] B [2] home again [1]")
        #expect(linked.links == ["https://a.example/", "https://b.example/x"])
    }

    @Test func aLinkWhoseTextLiesIsListedWithItsRealAddress() {
        let linked = HTMLText.linked("<a href=\"https://evil.example/login\">https://bank.example</a>")
        #expect(linked.text == "https://bank.example [1]")
        #expect(linked.links == ["https://evil.example/login"])
    }

    @Test func anchorsScriptsDataAndPixelsGetNoNumber() {
        let linked = HTMLText.linked("""
            <a href="#top">Top</a> <a href="javascript:alert(1)">Run</a> <a href=" JavaScript:x()">Also</a>
            <a href="data:text/html,hi">Data</a> <a href="cid:logo">Logo</a>
            <a href="https://t.example/px"><img src="px.gif"></a>
            """)
        #expect(linked == LinkedText(text: "Top Run Also Data Logo"))
    }

    @Test func otherSchemesAreNumberedSoTheReaderSeesWhereTheyGo() {
        let linked = HTMLText.linked("<a href=\"tel:+385 1 234\">Call</a> <a href=\"file:///etc/passwd\">file</a>")
        #expect(linked.text == "Call [1] file [2]")
        #expect(linked.links == ["tel:+385%201%20234", "file:///etc/passwd"])
    }

    @Test func controlsInAnAddressAreCutAndLineBreaksDropped() {
        let linked = HTMLText.linked("<a href=\"https://x.example/\u{1B}]52;c;ZXZpbA==\u{07}a\n\tb\">x</a> <a href=\"https://y.example/&#x9b;31m\">y</a>")
        #expect(linked.links == ["https://x.example/�ab", "https://y.example/�"], "the C1 CSI takes its parameters with it")
        #expect(linked.links.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }

    @Test func bidiOverridesInAnAddressAreDroppedSoItReadsAsItGoes() {
        let linked = HTMLText.linked("<a href=\"https://evil.example/\u{202E}fdp.exe\">invoice</a>")
        #expect(linked.links == ["https://evil.example/fdp.exe"])
    }

    @Test func aBareAddressInHTMLTextIsNumberedAsInPlainText() {
        let linked = HTMLText.linked("""
            <p>Portal: https://acme.example/q/7. <b>Also</b> <a href="https://acme.example/q/7">this</a>
            and <a href="https://b.example/">https://shown.example</a>; &lt;http://c.example&gt;</p>
            <pre>see https://d.example/x</pre>
            """)
        #expect(linked.text == "Portal: https://acme.example/q/7 [1]. Also this [1] and https://shown.example [2]; <http://c.example> [3]\n\nsee https://d.example/x [4]")
        #expect(linked.links == ["https://acme.example/q/7", "https://b.example/", "http://c.example", "https://d.example/x"])
    }

    @Test func renderingListsTheLinksUnderTheText() {
        #expect(HTMLText.render("<p>Read <a href=\"https://x.example/a\">more</a></p>") == "Read more [1]\n\nLinks\n[1] https://x.example/a")
    }

    @Test(arguments: [
        ("bare address", "See https://acme.example/q/7 today", "See https://acme.example/q/7 [1] today", ["https://acme.example/q/7"]),
        ("sentence punctuation is not the address's", "Look: https://a.example/x.", "Look: https://a.example/x [1].", ["https://a.example/x"]),
        ("a bracket closing nothing inside", "(see https://a.example/x)", "(see https://a.example/x [1])", ["https://a.example/x"]),
        ("a bracket of the address's own", "https://en.example/wiki/Foo_(bar)", "https://en.example/wiki/Foo_(bar) [1]", ["https://en.example/wiki/Foo_(bar)"]),
        ("in angle brackets", "<https://a.example/x>, thanks", "<https://a.example/x> [1], thanks", ["https://a.example/x"]),
        ("upper case scheme", "HTTPS://A.example", "HTTPS://A.example [1]", ["HTTPS://A.example"]),
        ("twice", "http://a.example and http://a.example", "http://a.example [1] and http://a.example [1]", ["http://a.example"]),
        ("inside a word", "xhttps://a.example", "xhttps://a.example", []),
        ("nothing after the scheme", "https:// and http://.", "https:// and http://.", []),
        ("not http", "ftp://a.example mailto:a@b.example", "ftp://a.example mailto:a@b.example", []),
    ])
    func plainTextNumbersBareHTTPAddresses(_ name: String, _ body: String, _ text: String, _ links: [String]) {
        #expect(LinkedText.plain(body) == LinkedText(text: text, links: links), "\(name)")
    }

    @Test func anEscapeSequenceEndsAPlainAddress() {
        let linked = LinkedText.plain("https://evil.example/\u{1B}[31mred\u{1B}]0;title\u{07}")
        #expect(linked == LinkedText(text: "https://evil.example/ [1]�red�", links: ["https://evil.example/"]))
    }

    @Test func theBodyIsThePlainTextElseTheHTMLElseTheSnippet() {
        #expect(LinkedText.body(plain: "see http://a.example", html: "<a href=\"https://b.example\">b</a>", snippet: nil).links == ["http://a.example"])
        #expect(LinkedText.body(plain: " \n", html: "<a href=\"https://b.example\">b</a>", snippet: nil).links == ["https://b.example"])
        #expect(LinkedText.body(plain: nil, html: nil, snippet: "at https://c.example") == LinkedText(text: "at https://c.example [1]", links: ["https://c.example"]))
        #expect(LinkedText.body(plain: nil, html: nil, snippet: nil) == LinkedText(text: "(no body)"))
    }

    @Test func longAddressesWrapUnderTheirNumber() {
        let linked = LinkedText(text: "", links: (1...10).map { "https://a.example/\($0)" } + ["https://track.example/c/abcdefghijklmnopqrstuvwxyz"])
        #expect(linked.listing(width: 30).split(separator: "\n").suffix(3) == [
            "[10] https://a.example/10",
            "[11] https://track.example/c/a",
            "     bcdefghijklmnopqrstuvwxyz",
        ])
    }

    @Test func aVeryLongAddressIsShortenedInTheMiddle() {
        let address = "https://track.example/" + String(repeating: "x", count: 300) + "/end"
        let lines = LinkedText(text: "", links: [address]).listing(width: 24).split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + LinkedText.maxLinesPerLink)
        #expect(lines[1] == "[1] https://track.exampl")
        #expect(lines[2] == "    e/xxxxxxxxxxxxxxxxxx")
        #expect(lines.last == "    …xxxxxxxxxxxxxxx/end")
        #expect(lines.dropFirst().allSatisfy { DisplayWidth.of($0) <= 24 })
    }

    /// ASCII addresses are cut by bytes; every address is cut as one column a character would be.
    @Test(arguments: ["", "h", "https://a.example/", "https://a.example/" + String(repeating: "z", count: 41), "https://ü.example/ab", "https://a.example/e\u{301}x"], [1, 5, 12, 18, 60])
    func piecesAreCutByColumns(_ address: String, width: Int) {
        var expected: [String] = []
        var piece = ""
        for character in address {
            if DisplayWidth.of(piece) + DisplayWidth.of(character) > width, !piece.isEmpty {
                expected.append(piece)
                piece = ""
            }
            piece.append(character)
        }
        if !piece.isEmpty { expected.append(piece) }
        #expect(LinkedText.pieces(address, width: width) == expected)
    }

    @Test func withoutAWidthEachAddressIsOneLine() {
        let address = "https://a.example/" + String(repeating: "y", count: 200)
        #expect(LinkedText(text: "x", links: [address]).readable() == "x\n\nLinks\n[1] \(address)")
        #expect(LinkedText(text: "x").readable() == "x")
    }
}
