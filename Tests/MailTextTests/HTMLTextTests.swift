import CLibXML2
import Foundation
import Testing
@testable import MailText

@Suite struct HTMLTextTests {
    init() throws {
        try #require(UTF8Locale.installed)
    }

    static let rule = String(repeating: "─", count: 24)

    @Test(arguments: [
        ("paragraphs", "<p>Hello</p><p>World</p>", "Hello\n\nWorld"),
        ("whitespace collapses", "<p>  Hello \n  <b>big</b>\t  world </p>", "Hello big world"),
        ("inline elements join", "<b>bold</b><i>italic</i> <span>span</span>", "bolditalic span"),
        ("line breaks", "a<br>b<br><br>c", "a\nb\n\nc"),
        ("br at the end of a block adds nothing", "<div>a<br></div><div>b</div>", "a\nb"),
        ("Gmail-style divs", "<div>one</div><div><br></div><div>two</div>", "one\n\ntwo"),
        ("runs of br are capped", "a" + String(repeating: "<br>", count: 10) + "b", "a\n\n\nb"),
        ("headings", "<h1>Title</h1>text<h2>Sub</h2><p>more</p>", "Title\n\ntext\n\nSub\n\nmore"),
        ("unordered list", "<p>Items:</p><ul><li>one</li><li>two</li></ul><p>end</p>", "Items:\n\n• one\n• two\n\nend"),
        ("ordered list with start", "<ol start=\"3\"><li>a</li><li>b</li></ol>", "3. a\n4. b"),
        ("nested lists", "<ul><li>fruit<ul><li>apple</li><li>pear</li></ul></li><li>veg</li></ul>",
         "• fruit\n  • apple\n  • pear\n• veg"),
        ("ordered inside unordered", "<ul><li>steps<ol><li>mix</li><li>bake</li></ol></li></ul>",
         "• steps\n  1. mix\n  2. bake"),
        ("list item continuation lines align", "<ol><li>first<br>more</li></ol>", "1. first\n   more"),
        ("unclosed list items", "<ul><li>a<li>b</ul>", "• a\n• b"),
        ("definition list", "<dl><dt>Term</dt><dd>Meaning</dd></dl>", "Term\n    Meaning"),
        ("link", "<a href=\"https://x.example/a\">Read more</a>", "Read more [1]\n\nLinks\n[1] https://x.example/a"),
        ("link whose text is its URL", "<a href=\"https://x.example/\">https://x.example</a>", "https://x.example [1]\n\nLinks\n[1] https://x.example/"),
        ("mailto link", "Write to <a href=\"mailto:a@b.example\">a@b.example</a>.", "Write to a@b.example [1].\n\nLinks\n[1] mailto:a@b.example"),
        ("link text that lies", "<a href=\"https://evil.example\">https://bank.example</a>",
         "https://bank.example [1]\n\nLinks\n[1] https://evil.example"),
        ("anchor and javascript links get no number", "<a href=\"#top\">Top</a> <a href=\"javascript:x()\">Run</a>", "Top Run"),
        ("image-only link without alt", "<a href=\"https://t.example/px\"><img src=\"px.gif\"></a>", ""),
        ("image with alt", "<img src=\"logo.png\" alt=\" Acme  Logo \"> <img src=\"t.gif\">", "[image: Acme Logo]"),
        ("linked image", "<a href=\"https://shop.example\"><img alt=\"Buy\" src=\"b.png\"></a>", "[image: Buy] [1]\n\nLinks\n[1] https://shop.example"),
        ("table", "<table><tr><th>Name</th><th>Qty</th></tr><tr><td>Apple</td><td>3</td></tr></table>",
         "Name | Qty\nApple | 3"),
        ("empty spacer cells", "<table><tr><td></td><td>a</td><td> </td><td>b</td></tr></table>", "a | b"),
        ("layout tables", "<table><tr><td><table><tr><td>Hello</td></tr></table></td></tr><tr><td>World</td></tr></table>",
         "Hello\nWorld"),
        ("pre keeps whitespace", "<p>code:</p><pre>\n  let x = 1\n    nested  spaces\n</pre><p>after</p>",
         "code:\n\n  let x = 1\n    nested  spaces\n\nafter"),
        ("pre with inline markup", "<pre><b>bold</b>   kept</pre>", "bold   kept"),
        ("pre with tabs", "<pre>a\tb</pre>", "a   b"),
        ("script, style, head, comments", "<html><head><title>T</title><style>p{color:red}</style></head><body>"
         + "<script>alert(1)</script><!-- secret --><p>Visible</p><noscript>ns</noscript></body></html>", "Visible"),
        ("entities", "<p>caf&eacute; &amp; &lt;tag&gt; &#8364;5&nbsp;&nbsp;x &#x1F600; &quot;q&quot; &copy;</p>",
         "café & <tag> €5 x 😀 \"q\" ©"),
        ("nbsp-only paragraphs vanish", "<p>a</p><p>&nbsp;</p><p>b</p>", "a\n\nb"),
        ("hidden preheader", "<div style=\"DISPLAY: none; max-height:0\">preview text</div><p>Body</p>", "Body"),
        ("hidden attribute", "<p hidden>secret</p><p>shown</p>", "shown"),
        ("blockquote", "<p>Reply</p><blockquote><p>Original</p><p>Second</p></blockquote><p>Sig</p>",
         "Reply\n\n> Original\n>\n> Second\n\nSig"),
        ("nested blockquote", "<blockquote>a<blockquote>b</blockquote></blockquote>", "> a\n>\n> > b"),
        ("horizontal rule", "a<hr>b", "a\n\n\(rule)\n\nb"),
        ("charset declaration is ignored", "<meta charset=\"iso-8859-1\"><p>café</p>", "café"),
        ("plain text", "just text\nsecond line", "just text second line"),
        ("tag soup", "<p>unclosed <b>bold <i>both</p> after", "unclosed bold both\n\nafter"),
        ("empty", "", ""),
        ("whitespace only", "  \n\t ", ""),
        ("empty elements", "<p></p><div> </div><ul><li></li></ul>", ""),
        ("escape sequences in text", "<p>\u{1B}]0;title\u{07}Hi \u{1B}[31mred</p>", "�Hi �red"),
        ("numeric entity for ESC and C1 CSI", "<p>&#27;[31mred &#x9b;31mx</p>", "[31mred �x"),
        ("bidi override entity", "<p>abc&#x202E;fed</p>", "abcfed"),
        ("NUL does not end the document", "<p>a</p>\u{0}<p>b</p>", "a\n\n�\n\nb"),
    ])
    func rendering(_ name: String, _ html: String, _ expected: String) {
        #expect(HTMLText.render(html) == expected, "\(name)")
    }

    @Test func asciiGlyphs() {
        #expect(HTMLText.render("<ul><li>x</li></ul>a<hr>\u{1}", glyphs: .ascii)
            == "* x\n\na\n\n\(String(repeating: "-", count: 24))\n\n?")
    }

    @Test func tenThousandNestedDivsAreCutWithANote() {
        let html = String(repeating: "<div>", count: 10_000) + "deep" + String(repeating: "</div>", count: 10_000)
        #expect(HTMLText.render(html) == HTMLText.unreadableNote)

        let shallow = "<p>top</p>" + String(repeating: "<div>", count: 200) + "deep" + String(repeating: "</div>", count: 200)
        #expect(HTMLText.render(shallow) == "top\n\ndeep")

        let cut = "<p>top</p>" + String(repeating: "<div>", count: 300) + "deep"
        #expect(HTMLText.render(cut) == "top\n\n" + HTMLText.unreadableNote)
    }

    @Test func deepListsAndQuotesStopIndenting() {
        let lists = String(repeating: "<ul><li>x", count: 120)  // 240 deep: under libxml2's cap
        let listLines = HTMLText.render(lists).split(separator: "\n")
        #expect(listLines.count == 120)
        #expect(listLines.allSatisfy { DisplayWidth.of(String($0)) <= 2 * HTMLTextWriter.maxPrefixDepth + 3 })
        #expect(listLines.last?.hasSuffix("• x") == true)

        let quotes = String(repeating: "<blockquote>", count: 100) + "q"
        #expect(HTMLText.render(quotes) == String(repeating: "> ", count: HTMLTextWriter.maxPrefixDepth) + "q")
    }

    @Test func hugeInputIsCappedWithANote() {
        let paragraph = "<p>" + String(repeating: "word ", count: 200) + "</p>\n"
        let html = String(repeating: paragraph, count: HTMLText.maxInputBytes / paragraph.utf8.count + 10)
        let text = HTMLText.render(html)
        #expect(text.hasSuffix(HTMLText.tooLargeNote))
        #expect(text.hasPrefix("word word"))
    }

    @Test func withoutLibXML2AnHTMLBodySaysWhy() {
        let missing = LibXML2.open("libintray-no-such-library.so.2")
        #expect(missing.map { _ in "loaded" } == .failure(LibXML2.Unavailable(reason: "libintray-no-such-library.so.2: cannot open shared object file: No such file or directory")))
        let text = HTMLText.linked("<p>Hello <b>there</b></p>", glyphs: .unicode, library: missing).text
        #expect(text == "[This email's body is HTML, and libxml2, which Intray reads HTML with, could not be loaded: libintray-no-such-library.so.2: cannot open shared object file: No such file or directory.]")
    }

    /// libxml2 reports parse errors through handlers that print to stderr by default;
    /// stderr is the terminal the UI draws on, so nothing may reach it.
    @Test func parserErrorsNeverReachStderr() throws {
        var pipeEnds: [Int32] = [0, 0]
        try #require(pipe(&pipeEnds) == 0)
        fflush(nil)
        let savedStderr = dup(2)
        dup2(pipeEnds[1], 2)
        _ = HTMLText.render("<p><b>unclosed <x:y z=\"> &bogus; </i></table><!-- <![CDATA[")
        // The XML parser, used without quiet options, reports through the generic error
        // handler that rendering silenced on this thread.
        typealias ReadMemory = @convention(c) (UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> xmlDocPtr?
        let xml = try LibXML2.shared.get().functions
        let readMemory = unsafeBitCast(try #require(dlsym(xml.handle, "xmlReadMemory")), to: ReadMemory.self)
        let broken = "<a><b></a>"
        _ = broken.withCString { readMemory($0, Int32(strlen($0)), nil, nil, 0) }.map { xml.freeDocument!($0) }
        fflush(nil)
        dup2(savedStderr, 2)
        close(savedStderr)
        close(pipeEnds[1])
        var captured: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipeEnds[0], &buffer, buffer.count)
            if count <= 0 { break }
            captured += buffer.prefix(count)
        }
        close(pipeEnds[0])
        // Tests running in parallel may write their own lines meanwhile: look for libxml2's.
        let text = String(decoding: captured, as: UTF8.self)
        #expect(!text.contains("parser error") && !text.contains("Entity:") && !text.contains("HTML"), "stderr got: \(text)")
    }
}
