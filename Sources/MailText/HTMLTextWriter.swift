/// Lays out the text of an HTML document as lines, the way a browser would space it:
/// whitespace collapses outside `<pre>`, blocks ask for a new line or a blank line (asks
/// merge, so nested blocks do not pile up empty lines), `<br>` forces a line, and each
/// line starts with the prefixes of the lists and quotes it sits in.
///
/// Breaks and spaces are written lazily, just before the next visible content, so the
/// text never starts or ends with blank lines and no line ends in a space.
struct HTMLTextWriter {
    /// Prefixes deeper than this are not drawn (a hostile 200-deep list would otherwise
    /// indent every line by hundreds of columns); the innermost marker still is.
    static let maxPrefixDepth = 8
    /// Runs of `<br>` outside `<pre>` stop adding lines after this many blank lines.
    static let maxBlankLines = 2

    /// Stands for controls that entities decode to (`&#x9b;`).
    private let placeholder: String
    /// The UTF-8 of the text laid out so far: bytes append for less than a `String` does, a
    /// word at a time.
    private var text: [UInt8] = []
    /// Counts pieces of visible content written, so callers can tell whether an element
    /// (a table cell, a link) produced any.
    private(set) var contentCount = 0

    private struct LinePrefix {
        /// Written once on the first line (a list marker), then `continuation`.
        var marker: String?
        let continuation: String
    }

    private var prefixes: [LinePrefix] = []
    /// The fewest prefixes open since the last content: a blank line only carries the
    /// quote marks of the lines on both sides of it.
    private var sharedPrefixCount = 0
    private var hasContent = false
    private var atLineStart = true
    private var trailingNewlines = 0
    private var pendingBreaks = 0
    private var pendingSpace = false
    private var pendingSeparator: String?
    private var preformattedDepth = 0
    private var dropNextNewline = false

    init(placeholder: String) {
        self.placeholder = placeholder
    }

    // MARK: Structure

    /// Asks for `count` newlines (1: new line, 2: blank line) before the next content.
    mutating func requestBreaks(_ count: Int) {
        pendingBreaks = max(pendingBreaks, count)
        pendingSeparator = nil
    }

    /// A `<br>`: ends the line, or adds an empty one.
    mutating func lineBreak() {
        guard hasContent else { return }
        writePendingBreaks()
        if preformattedDepth == 0 && trailingNewlines > Self.maxBlankLines { return }
        newline()
    }

    /// Collapsible whitespace before the next content (if it is on the same line).
    mutating func requestSpace() {
        pendingSpace = true
    }

    /// Written instead of a space before the next content on the same line (table cells).
    mutating func requestSeparator(_ separator: String) {
        pendingSeparator = separator
    }

    mutating func pushPrefix(marker: String?, continuation: String) {
        prefixes.append(LinePrefix(marker: marker, continuation: continuation))
    }

    mutating func popPrefix() {
        prefixes.removeLast()
        sharedPrefixCount = min(sharedPrefixCount, prefixes.count)
    }

    mutating func beginPreformatted() {
        preformattedDepth += 1
        dropNextNewline = true  // HTML ignores a newline right after <pre>
    }

    mutating func endPreformatted() {
        preformattedDepth -= 1
        dropNextNewline = false
    }

    // MARK: Content

    /// The text of a text node: whitespace collapsed, or kept inside `<pre>`. It is
    /// sanitised first, so that what entities decode to (zero-width and bidi characters,
    /// C1 controls, line separators) is settled before it counts as content: otherwise an
    /// invisible character would leave a list marker or a blank line around nothing.
    mutating func writeText(_ raw: String) {
        writeSanitizedText(TerminalText.sanitizeKeepingTabs(raw, placeholder: placeholder))
    }

    /// The text of a text node that `TerminalText.sanitizeKeepingTabs` already made safe.
    mutating func writeSanitizedText(_ string: String) {
        if preformattedDepth > 0 {
            writePreformatted(string)
            return
        }
        // Collapsible white space is ASCII or U+00A0 (C2 A0): words are cut between bytes.
        var string = string
        string.withUTF8 { bytes in
            var wordStart: Int?
            var index = 0
            while index < bytes.count {
                var spaceLength = 0
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0C, 0x0D: spaceLength = 1
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: spaceLength = 2
                default: break
                }
                if spaceLength > 0 {
                    if let start = wordStart { writeWord(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                    wordStart = nil
                    pendingSpace = true
                    index += spaceLength
                } else {
                    if wordStart == nil { wordStart = index }
                    index += 1
                }
            }
            if let start = wordStart { writeWord(UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
    }

    /// A word of a text node, as its UTF-8.
    private mutating func writeWord(_ word: UnsafeBufferPointer<UInt8>) {
        beginContent()
        text.append(contentsOf: word)
    }

    /// Visible content written as is: a word, `[image: …]`, a link's URL.
    mutating func writeAtom(_ atom: some StringProtocol) {
        beginContent()
        text.append(contentsOf: atom.utf8)
    }

    /// The laid-out text, without trailing whitespace.
    func finish() -> String {
        var end = text.count
        while end > 0, text[end - 1] == 0x20 || text[end - 1] == 0x0A { end -= 1 }
        return String(decoding: text[..<end], as: UTF8.self)
    }

    /// Whitespace that collapses: ASCII whitespace, and no-break space, which mail uses
    /// to fake spacing and empty paragraphs (`<p>&nbsp;</p>`).
    static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D, 0xA0: return true
        default: return false
        }
    }

    // MARK: Private

    private mutating func writePreformatted(_ string: String) {
        var lines = string.split(separator: "\n", omittingEmptySubsequences: false)[...]
        if dropNextNewline, lines.count > 1, lines.first?.isEmpty == true {
            lines = lines.dropFirst()
        }
        dropNextNewline = false
        for (offset, line) in lines.enumerated() {
            if offset > 0 && hasContent {
                writePendingBreaks()
                newline()
            }
            if !line.isEmpty { writeAtom(line) }
        }
    }

    private mutating func beginContent() {
        if !hasContent {
            hasContent = true
            pendingBreaks = 0
        } else {
            writePendingBreaks()
        }
        if atLineStart {
            writePrefix()
            atLineStart = false
        } else if let separator = pendingSeparator {
            text.append(contentsOf: separator.utf8)
        } else if pendingSpace {
            text.append(0x20)
        }
        pendingSpace = false
        pendingSeparator = nil
        trailingNewlines = 0
        sharedPrefixCount = prefixes.count
        contentCount += 1
    }

    private mutating func writePendingBreaks() {
        while trailingNewlines < pendingBreaks { newline() }
        pendingBreaks = 0
    }

    private mutating func newline() {
        if atLineStart {
            // An empty line inside a quote keeps the quote marks, like mail clients do.
            var blank = prefixes.prefix(min(sharedPrefixCount, Self.maxPrefixDepth)).map(\.continuation).joined()
            while blank.last == " " { blank.removeLast() }
            text.append(contentsOf: blank.utf8)
        }
        text.append(0x0A)
        trailingNewlines += 1
        atLineStart = true
        pendingSpace = false
        pendingSeparator = nil
    }

    private mutating func writePrefix() {
        let drawn = min(prefixes.count, Self.maxPrefixDepth)
        for index in 0..<drawn {
            if let marker = prefixes[index].marker {
                text.append(contentsOf: marker.utf8)
                prefixes[index].marker = nil
            } else {
                text.append(contentsOf: prefixes[index].continuation.utf8)
            }
        }
        if prefixes.count > drawn, let marker = prefixes[prefixes.count - 1].marker {
            text.append(contentsOf: marker.utf8)
            prefixes[prefixes.count - 1].marker = nil
        }
    }

}
