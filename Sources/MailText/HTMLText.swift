internal import CLibXML2
import Foundation

/// Turns the HTML body of an email into plain text for the terminal.
///
/// Parsing is libxml2's HTML parser in recovery mode (any tag soup gives a tree), with
/// network access off (nothing is ever fetched), the document's own charset declaration
/// ignored (the input is already a Swift string) and libxml2's error output silenced
/// (its default is to print to stderr, the terminal the UI draws on).
///
/// Layout: paragraphs, headings, lists, quotes, tables and `<pre>` are separated by a
/// blank line, `div`-like containers and table rows start a new line, `<br>` ends a line.
/// Lists read `• item` / `1. item`, nested lists indented under their item; quotes are
/// prefixed `> `; table cells are joined by ` | `; links read `text (url)`, or just the
/// text when it already is the URL; images with alt text read `[image: alt]`. Scripts,
/// styles, the head, comments and elements hidden with `display:none` or `hidden` are
/// left out. Whitespace collapses except in `<pre>`; entities are decoded.
///
/// Hostile input: the tree is walked without recursion; libxml2 stops parsing at 256
/// nested elements (which keeps parsing linear), and the output then ends with a note
/// saying the rest is not shown; input beyond 8 MB is left out the same way. The source
/// is sanitised before parsing (libxml2 would drop the ESC of an escape sequence and
/// show the rest, and stop at a NUL byte) and the text again after (entities such as
/// `&#x9b;` decode to controls): the result is safe to draw as it is.
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

    static let tooDeepNote = "[The rest of this message is nested too deeply to show.]"
    static let tooLargeNote = "[The rest of this message is too large to show.]"

    /// The plain text of `html`, sanitised for the terminal.
    public static func render(_ html: String, glyphs: Glyphs = .unicode) -> String {
        guard !html.isEmpty else { return "" }
        // Sanitise the source first: libxml2 silently drops control characters (leaving
        // `[31m` where an escape sequence was) and stops reading at a NUL byte.
        let source = TerminalText.sanitizeKeepingTabs(html, placeholder: glyphs.placeholder)
        var text = parse(source) { document in
            var renderer = HTMLTreeRenderer(glyphs: glyphs)
            renderer.render(document)
            return renderer.finish()
        }
        if let note = text.note {
            text.body += (text.body.isEmpty ? "" : "\n\n") + note
        }
        // Expands the tabs of <pre> now that their columns are known.
        var result = TerminalText.sanitize(text.body, placeholder: glyphs.placeholder)
        while let last = result.unicodeScalars.last, last == " " || last == "\n" {
            result.unicodeScalars.removeLast()
        }
        return result
    }

    private static let parserReady: Void = xmlInitParser()

    /// Parses `html` and hands the document to `body`; also says why the text may be cut.
    private static func parse(
        _ html: String, _ body: (xmlDocPtr) -> String
    ) -> (body: String, note: String?) {
        _ = parserReady
        intray_xml_silence_errors()
        var source = html
        source.makeContiguousUTF8()
        return source.utf8.withContiguousStorageIfAvailable { bytes -> (String, String?) in
            var length = bytes.count
            var note: String?
            if length > maxInputBytes {
                length = maxInputBytes
                while length > 0 && bytes[length] & 0xC0 == 0x80 { length -= 1 }  // whole scalars
                note = tooLargeNote
            }
            guard let context = htmlNewParserCtxt() else { return ("", nil) }
            defer { htmlFreeParserCtxt(context) }
            let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue
            let raw = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let document = htmlCtxtReadMemory(context, raw, Int32(length), nil, "UTF-8", Int32(options)) else {
                return ("", note)
            }
            defer { xmlFreeDoc(document) }
            // libxml2 halts (state EOF) when nesting passes its limit; the tree keeps what
            // was read before.
            if context.pointee.instate == XML_PARSER_EOF { note = tooDeepNote }
            return (body(document), note)
        } ?? ("", nil)
    }
}
