/// Makes text written by strangers (subjects, senders, bodies, deal names) safe to draw in
/// a terminal: every string from the server passes through here before it is drawn.
///
/// What it does, in both variants:
/// - **Escape sequences are removed whole**: CSI (`ESC [` … final byte), OSC (`ESC ]` …
///   BEL or ST, e.g. window titles and OSC 52 clipboard writes), DCS (`ESC P`), SOS
///   (`ESC X`), PM (`ESC ^`), APC (`ESC _`) up to ST, two-byte and `ESC (`-style
///   sequences, and the 8-bit C1 forms (U+009B CSI, U+009D OSC, U+0090 DCS, …). Each
///   becomes one placeholder (`�`), and a run of removed controls and sequences with
///   nothing visible between them becomes a single placeholder, so what is left cannot
///   silently join into text that reads differently. A control string (OSC, DCS, …)
///   left unterminated ends at the next line break.
/// - **Other controls** (C0 except tab and line breaks, DEL, C1) become the placeholder.
/// - **Tabs** become spaces up to the next multiple of `tabWidth` (at least 1) columns
///   on the line.
/// - **Invisible characters are dropped silently**: zero-width space/non-joiner/joiner
///   (U+200B–U+200D), word joiner (U+2060) and invisible operators, BOM (U+FEFF), soft
///   hyphen (U+00AD), bidi marks, embeddings, overrides and isolates (U+200E, U+200F,
///   U+061C, U+202A–U+202E, U+2066–U+2069) and the deprecated format controls, tag
///   characters (U+E0000–U+E007F), interlinear annotations, Mongolian vowel separator,
///   and reserved default-ignorable code points (the full list: `Scalars.isInvisible`).
///   They cannot then hide or reorder text; dropping them changes no visible letter, so
///   they get no placeholder (legitimate right-to-left mail is full of bidi marks).
/// - **Emoji are kept one glyph per emoji**: ZWJ, VS16 (U+FE0F) and skin-tone modifiers
///   (U+1F3FB–U+1F3FF) are dropped, so 👨‍👩‍👧 shows as 👨👩👧 and 👍🏽 as 👍. ncursesw gives
///   every scalar its own `wcwidth` cells, while terminals that join such sequences draw
///   them narrower, so keeping them would misalign the rest of the row; without them,
///   ncursesw, ``DisplayWidth`` and every terminal agree. Other variation selectors,
///   combining marks and flags (regional indicator pairs) are kept.
/// - U+FFFD (what invalid UTF-8 and lone surrogates decode to) is kept; Swift strings
///   cannot hold surrogates.
///
/// Text that needs none of this is returned as is after one pass over its UTF-8 bytes.
/// Tab expansion measures columns with ``DisplayWidth`` and so follows the locale.
public enum TerminalText {
    /// Shown where controls or escape sequences were removed.
    public static let placeholder = "\u{FFFD}"
    /// Shown by ``sanitizeLine(_:tabWidth:lineBreak:placeholder:)`` where a line break was.
    public static let lineBreakMarker = " ⏎ "

    /// Sanitises text drawn over several lines (a message body). Line breaks are kept and
    /// normalised to `\n` (CR LF, lone CR, VT, FF, NEL, U+2028 and U+2029 each become one
    /// `\n`); nothing else in the result is below U+0020.
    ///
    /// - Parameters:
    ///   - placeholder: pass an ASCII string such as `"?"` when the terminal is not UTF-8.
    public static func sanitize(_ text: String, tabWidth: Int = 4, placeholder: String = TerminalText.placeholder) -> String {
        if isClean(text, keepNewlines: true) { return text }
        return sanitized(text, keepNewlines: true, tabWidth: max(tabWidth, 1), lineBreak: "\n", placeholder: placeholder)
    }

    /// ``sanitize(_:tabWidth:placeholder:)`` but leaving tabs in place: for HTML source,
    /// where a tab is whitespace whose column is only known after layout.
    static func sanitizeKeepingTabs(_ text: String, placeholder: String) -> String {
        if isClean(text, keepNewlines: true, keepTabs: true) { return text }
        return sanitized(text, keepNewlines: true, tabWidth: 0, lineBreak: "\n", placeholder: placeholder)
    }

    /// Sanitises text drawn on one row (subject, sender, deal name). A run of line
    /// breaks, with the spaces and tabs around it, becomes `lineBreak` (` ⏎ ` unless
    /// given; pass `" "` to just join the lines, or `" | "` when the terminal is not
    /// UTF-8); line breaks at the start or end of the text are dropped. The result
    /// contains nothing below U+0020.
    public static func sanitizeLine(
        _ text: String,
        tabWidth: Int = 4,
        lineBreak: String = lineBreakMarker,
        placeholder: String = TerminalText.placeholder
    ) -> String {
        if isClean(text, keepNewlines: false) { return text }
        return sanitized(
            text, keepNewlines: false, tabWidth: max(tabWidth, 1), lineBreak: lineBreak, placeholder: placeholder)
    }

    private static func sanitized(
        _ text: String, keepNewlines: Bool, tabWidth: Int, lineBreak: String, placeholder: String
    ) -> String {
        var output = SanitizedOutput(
            keepNewlines: keepNewlines, tabWidth: tabWidth, lineBreakMarker: lineBreak,
            placeholder: placeholder, capacity: text.utf8.count
        )
        var filter = ControlSequenceFilter()
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            // Plain text between the things to remove is copied a run at a time.
            var index = 0
            var runStart = 0
            while index < bytes.count {
                let (value, length) = decode(bytes, at: index)
                if filter.passesPlainText && ScalarKind(value) == .text {
                    index += length
                    continue
                }
                if runStart < index { output.append(bytes[runStart..<index]) }
                filter.feed(Unicode.Scalar(value)!, into: &output)
                index += length
                runStart = index
            }
            if runStart < index { output.append(bytes[runStart..<index]) }
        }
        if copied == nil {
            for scalar in text.unicodeScalars {
                filter.feed(scalar, into: &output)
            }
        }
        return output.text
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }

    /// The fast path: true when sanitising would return `text` unchanged.
    static func isClean(_ text: String, keepNewlines: Bool, keepTabs: Bool = false) -> Bool {
        let clean = text.utf8.withContiguousStorageIfAvailable {
            isClean($0, keepNewlines: keepNewlines, keepTabs: keepTabs)
        }
        if let clean { return clean }
        return text.unicodeScalars.allSatisfy {
            !Scalars.needsSanitizing($0.value, keepNewlines: keepNewlines, keepTabs: keepTabs)
        }
    }

    /// Decodes the (already valid) UTF-8 by hand: this runs over every body and subject.
    private static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, keepNewlines: Bool, keepTabs: Bool) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead >= 0x20 && lead < 0x7F {
                index += 1
                continue
            }
            let (value, length) = decode(bytes, at: index)
            if Scalars.needsSanitizing(value, keepNewlines: keepNewlines, keepTabs: keepTabs) { return false }
            index += length
        }
        return true
    }
}
