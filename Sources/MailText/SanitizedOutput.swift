/// The text the sanitiser writes: keeps placeholders from piling up, expands tabs to the
/// next tab stop and writes line breaks as `\n` or, on one line, as a visible marker.
struct SanitizedOutput {
    private let keepNewlines: Bool
    /// 0 keeps tabs as they are.
    private let tabWidth: Int
    private let lineBreakMarker: String
    private let placeholder: String

    private(set) var text = ""
    /// Columns of the current line before `segmentStart`, so a tab measures only the text
    /// written since the previous tab or line break.
    private var columnsBeforeSegment = 0
    /// UTF-8 offset in `text` of the current line's unmeasured part.
    private var segmentStart = 0
    private var lastWasPlaceholder = false
    /// One-line mode: a line break seen but not written yet, so breaks at either end of
    /// the text and the spaces around a break can be dropped.
    private var pendingLineBreak = false

    init(keepNewlines: Bool, tabWidth: Int, lineBreakMarker: String, placeholder: String, capacity: Int) {
        self.keepNewlines = keepNewlines
        self.tabWidth = max(tabWidth, 0)
        self.lineBreakMarker = lineBreakMarker
        self.placeholder = placeholder
        text.reserveCapacity(capacity)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if pendingLineBreak {
            if scalar == " " { return }
            writePendingLineBreak()
        }
        text.unicodeScalars.append(scalar)
        lastWasPlaceholder = false
    }

    /// A run of `.text` scalars, as valid UTF-8.
    mutating func append(_ run: Slice<UnsafeBufferPointer<UInt8>>) {
        var run = run
        if pendingLineBreak {
            run = run.drop { $0 == 0x20 }
            if run.isEmpty { return }
            writePendingLineBreak()
        }
        text += String(decoding: UnsafeBufferPointer(rebasing: run), as: UTF8.self)
        lastWasPlaceholder = false
    }

    /// Stands for removed controls: one placeholder however many were removed in a row.
    mutating func appendPlaceholder() {
        guard !lastWasPlaceholder else { return }
        if pendingLineBreak { writePendingLineBreak() }
        text += placeholder
        lastWasPlaceholder = true
    }

    mutating func appendTab() {
        if pendingLineBreak { return }
        if tabWidth == 0 {
            text += "\t"
            lastWasPlaceholder = false
            return
        }
        let segment = text.utf8.index(text.startIndex, offsetBy: segmentStart)
        let column = columnsBeforeSegment + DisplayWidth.of(text[segment...])
        let spaces = tabWidth - column % tabWidth
        text += String(repeating: " ", count: spaces)
        startSegment(atColumn: column + spaces)
        lastWasPlaceholder = false
    }

    mutating func appendLineBreak() {
        lastWasPlaceholder = false
        if keepNewlines {
            text += "\n"
            startSegment(atColumn: 0)
            return
        }
        while text.utf8.last == 0x20 { text.removeLast() }
        pendingLineBreak = true
    }

    private mutating func writePendingLineBreak() {
        pendingLineBreak = false
        if !text.isEmpty { text += lineBreakMarker }  // none before the first text
        startSegment(atColumn: 0)
    }

    private mutating func startSegment(atColumn column: Int) {
        columnsBeforeSegment = column
        segmentStart = text.utf8.count
    }
}
