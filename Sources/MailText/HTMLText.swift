internal import CLibXML2
import Foundation

/// Turns the HTML body of an email into plain text for the terminal.
///
/// Parsing is libxml2's HTML parser in recovery mode (any tag soup gives a tree), with
/// network access off (nothing is ever fetched), the document's own charset declaration
/// ignored (the input is already a Swift string) and libxml2's error output silenced
/// (its default is to print to stderr, the terminal the UI draws on).
///
/// Layout: paragraphs, headings, lists, quotes and `<pre>` are separated by a blank
/// line; `div`-like containers, tables (mostly layout in mail) and table rows start a new
/// line; `<br>` ends a line.
/// Lists read `• item` / `1. item`, nested lists indented under their item; quotes are
/// prefixed `> `; table cells are joined by ` | `; links read `text [1]`, numbered as in
/// ``LinkedText`` (anchors, `javascript:`, `data:` and `cid:` links get no number); images
/// with alt text read `[image: alt]`. Scripts,
/// styles, the head, comments and elements hidden with `display:none` or `hidden` are
/// left out. Whitespace (no-break spaces too) collapses except in `<pre>`; entities are
/// decoded.
///
/// Hostile input: the tree is walked without recursion; libxml2 stops parsing at 256
/// nested elements (its limit without `HTML_PARSE_HUGE`, which also keeps its end-tag
/// search linear), and the output then ends with a note saying the rest could not be
/// read; input beyond 8 MB is left out with a note too. The source is sanitised before
/// parsing (libxml2 would drop the ESC of an escape sequence and show the rest, and stop
/// at a NUL byte), text nodes and attributes again (entities such as `&#x9b;` decode to
/// controls), and the result once more to expand tabs: it is safe to draw as it is.
public enum HTMLText {
    /// Characters the rendered text uses, for terminals with and without UTF-8.
    public struct Glyphs: Sendable, Equatable {
        public var bullet: String
        public var rule: String
        public var placeholder: String

        public init(bullet: String, rule: String, placeholder: String) {
            self.bullet = bullet
            self.rule = rule
            self.placeholder = placeholder
        }

        public static let unicode = Glyphs(
            bullet: "•", rule: String(repeating: "─", count: 24), placeholder: TerminalText.placeholder)
        public static let ascii = Glyphs(bullet: "*", rule: String(repeating: "-", count: 24), placeholder: "?")
    }

    /// Input beyond this many bytes is not rendered.
    public static let maxInputBytes = 8 << 20

    /// Ends the text when libxml2 gave up before the end (at 256 nested elements, or on
    /// another fatal error).
    static let unreadableNote = "[The rest of this message could not be read: its HTML is nested too deeply or broken.]"
    static let tooLargeNote = "[The rest of this message is too large to show.]"

    /// The plain text of `html`, sanitised for the terminal, its links listed under it.
    public static func render(_ html: String, glyphs: Glyphs = .unicode) -> String {
        linked(html, glyphs: glyphs).readable()
    }

    /// Says why an HTML body is not shown when libxml2 cannot be loaded.
    static func unavailableNote(_ failure: LibXML2.Unavailable) -> String {
        "[This email's body is HTML, and libxml2, which Intray reads HTML with, could not be loaded: \(failure.reason).]"
    }

    /// The plain text of `html`, sanitised for the terminal, and its links by number.
    public static func linked(_ html: String, glyphs: Glyphs = .unicode) -> LinkedText {
        linked(html, glyphs: glyphs, library: LibXML2.shared)
    }

    static func linked(_ html: String, glyphs: Glyphs, library: Result<LibXML2, LibXML2.Unavailable>) -> LinkedText {
        guard !html.isEmpty else { return LinkedText(text: "") }
        let xml: LibXML2
        switch library {
        case .success(let loaded): xml = loaded
        case .failure(let failure): return LinkedText(text: TerminalText.sanitize(unavailableNote(failure), placeholder: glyphs.placeholder))
        }
        var notes: [String] = []
        var html = html
        if html.utf8.count > maxInputBytes {
            var end = html.utf8.index(html.startIndex, offsetBy: maxInputBytes)
            while end > html.startIndex && UTF8.isContinuation(html.utf8[end]) {
                end = html.utf8.index(before: end)
            }
            html = String(html[..<end])
            notes.append(tooLargeNote)
        }
        // Sanitise the source first: libxml2 silently drops control characters (leaving
        // `[31m` where an escape sequence was) and stops reading at a NUL byte.
        let source = TerminalText.sanitizeKeepingTabs(html, placeholder: glyphs.placeholder)
        let parsed = parse(source, with: xml.functions) { document in
            var renderer = HTMLTreeRenderer(glyphs: glyphs)
            renderer.render(document)
            return renderer.finish()
        }
        if parsed.halted { notes.insert(unreadableNote, at: 0) }
        let body = ([parsed.linked.text] + notes).filter { !$0.isEmpty }.joined(separator: "\n\n")
        // Expands the tabs of <pre> now that their columns are known.
        var result = TerminalText.sanitize(body, placeholder: glyphs.placeholder)
        while let last = result.unicodeScalars.last, last == " " || last == "\n" {
            result.unicodeScalars.removeLast()
        }
        return LinkedText(text: result, links: parsed.linked.links)
    }

    /// Parses `html` and hands the document to `body`; `halted` says libxml2 stopped
    /// before the end (the tree then holds what was read until then).
    private static func parse(
        _ html: String, with xml: intray_xml, _ body: (xmlDocPtr) -> LinkedText
    ) -> (linked: LinkedText, halted: Bool) {
        withUnsafePointer(to: xml) { intray_xml_silence_errors($0) }
        var source = html
        source.makeContiguousUTF8()
        let nothing = LinkedText(text: "")
        return source.utf8.withContiguousStorageIfAvailable { bytes -> (LinkedText, Bool) in
            guard let base = bytes.baseAddress, let context = xml.newContext!() else { return (nothing, false) }
            defer { xml.freeContext!(context) }
            let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue
            let buffer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let document = xml.readMemory!(context, buffer, Int32(bytes.count), nil, "UTF-8", Int32(options)) else {
                return (nothing, false)
            }
            defer { xml.freeDocument!(document) }
            return (body(document), context.pointee.instate == XML_PARSER_EOF)
        } ?? (nothing, false)
    }
}
