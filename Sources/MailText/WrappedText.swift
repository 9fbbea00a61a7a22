import Foundation

/// A sanitised multi-line text (see ``TerminalText/sanitize(_:tabWidth:placeholder:)``)
/// word-wrapped to a width in display columns, wrapped lazily as lines are asked for.
///
/// Wrapping: lines break at spaces (the spaces at a break are dropped), a word longer
/// than the width is cut at the width, wide characters count two columns and are never
/// split, combining marks stay with their base, blank lines and leading indentation are
/// kept. A final `\n` ends the last line rather than starting an empty one; empty text
/// has no lines. A wide character on a width of 1 gets a line of its own (and overflows).
///
/// Cost: creating one is O(1). Lines are wrapped from the top, paragraph by paragraph,
/// only as far as the last line asked for, and remembered (two offsets per line), so
/// `lines(_:)` costs the bytes up to the end of the range the first time and the length
/// of the range afterwards, and `lineCount` costs one pass over the whole text the first
/// time (a 2 MB, 100,000-line body: a few milliseconds) and nothing afterwards. A
/// paragraph no longer in bytes than the width needs no measuring at all (a character is
/// never wider than its UTF-8 encoding is long).
///
/// Copies share the wrapped lines; it is safe to use from several threads (a lock guards
/// the lazily filled table).
public struct WrappedText: Sendable {
    /// The width the text is wrapped to, in columns (at least 1).
    public let width: Int
    private let table: LineTable

    /// Prepares `text` for wrapping at `width` columns; no wrapping happens yet.
    public init(_ text: String, width: Int) {
        self.width = max(width, 1)
        table = LineTable(text: text, width: self.width)
    }

    /// The text being wrapped.
    public var text: String { table.text }

    /// The number of wrapped lines. The first call wraps the whole text.
    public var lineCount: Int { table.count(upTo: Int.max) }

    /// The wrapped lines in `range`, clamped to the lines that exist.
    public func lines(_ range: Range<Int>) -> [String] {
        guard range.upperBound > 0 else { return [] }
        return table.lines(max(range.lowerBound, 0)..<range.upperBound)
    }

    /// The wrapped line at `index`, or nil past the end.
    public func line(_ index: Int) -> String? {
        guard index >= 0 else { return nil }
        return table.lines(index..<index + 1).first
    }
}

/// The lazily filled table of line boundaries behind ``WrappedText``.
private final class LineTable: @unchecked Sendable {
    let text: String
    private let width: Int
    private let lock = NSLock()
    // Guarded by `lock`: UTF-8 offsets of each wrapped line, and how far wrapping got.
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var nextParagraph = 0
    private var finished: Bool

    init(text: String, width: Int) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        self.width = width
        finished = text.utf8.isEmpty
    }

    func count(upTo wanted: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        wrap(untilLineCount: wanted)
        return starts.count
    }

    func lines(_ range: Range<Int>) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        wrap(untilLineCount: range.upperBound)
        let upper = min(range.upperBound, starts.count)
        guard range.lowerBound < upper else { return [] }
        let utf8 = text.utf8
        return (range.lowerBound..<upper).map { index in
            let start = utf8.index(utf8.startIndex, offsetBy: starts[index])
            let end = utf8.index(start, offsetBy: ends[index] - starts[index])
            return String(text[start..<end])
        }
    }

    /// Wraps whole paragraphs until there are `wanted` lines or the text is done.
    private func wrap(untilLineCount wanted: Int) {
        guard !finished, starts.count < wanted else { return }
        let wrapped: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            wrap(bytes, untilLineCount: wanted)
        }
        if wrapped == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { wrap($0, untilLineCount: wanted) }
        }
    }

    private func wrap(_ bytes: UnsafeBufferPointer<UInt8>, untilLineCount wanted: Int) {
        let count = bytes.count
        while !finished && starts.count < wanted {
            let start = nextParagraph
            var end = count
            if let base = bytes.baseAddress,
               let found = memchr(base + start, 0x0A, count - start) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            nextParagraph = end + 1
            finished = nextParagraph >= count
            if end - start <= width {
                starts.append(start)
                ends.append(end)
            } else {
                wrapParagraph(bytes, start..<end)
            }
        }
    }

    private func wrapParagraph(_ bytes: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>) {
        var breaker = LineBreaker(width: width, start: paragraph.lowerBound)
        var ascii = true
        for index in paragraph where bytes[index] >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            for index in paragraph {
                breaker.add(index..<index + 1, columns: 1, isSpace: bytes[index] == 0x20)
            }
        } else if let scalarBreaker = Self.wrapScalars(bytes, paragraph, width: width) {
            breaker = scalarBreaker
        } else {
            let utf8 = text.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: paragraph.lowerBound)
            let upper = utf8.index(lower, offsetBy: paragraph.count)
            var offset = paragraph.lowerBound
            for character in text[lower..<upper] {
                let length = character.utf8.count
                breaker.add(offset..<offset + length, columns: DisplayWidth.of(character), isSpace: character == " ")
                offset += length
            }
        }
        breaker.finish(at: paragraph.upperBound)
        starts.append(contentsOf: breaker.starts)
        ends.append(contentsOf: breaker.ends)
    }

    /// The paragraph fed one scalar at a time, read straight from its UTF-8, when each of its
    /// scalars is a grapheme cluster of its own (`UTF8Scalar.standsAlone`); nil otherwise, and
    /// the paragraph is fed by `Character`, which costs several times more.
    private static func wrapScalars(_ bytes: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>, width: Int) -> LineBreaker? {
        var breaker = LineBreaker(width: width, start: paragraph.lowerBound)
        var index = paragraph.lowerBound
        let bytes = UnsafeBufferPointer(rebasing: bytes[..<paragraph.upperBound])
        while index < paragraph.upperBound {
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            guard UTF8Scalar.standsAlone(scalar.value) else { return nil }
            breaker.add(index..<index + length, columns: DisplayWidth.of(scalar), isSpace: scalar == " ")
            index += length
        }
        return breaker
    }
}

/// Greedy word wrap of one paragraph, fed one grapheme cluster at a time.
private struct LineBreaker {
    let width: Int
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private var lineStart: Int
    private var column = 0
    /// The latest run of spaces on this line: where the text before it ends, where the
    /// text after it starts, and the column there. `breakEnd` is -1 when there is none.
    private var breakEnd = -1
    private var breakNext = 0
    private var columnAtBreakNext = 0
    private var inSpaces = false
    /// Spaces right after a line break are dropped.
    private var skippingSpaces = false

    init(width: Int, start: Int) {
        self.width = width
        lineStart = start
    }

    mutating func add(_ cluster: Range<Int>, columns: Int, isSpace: Bool) {
        if skippingSpaces {
            if isSpace { return }
            skippingSpaces = false
            lineStart = cluster.lowerBound
            column = 0
        }
        if isSpace {
            if column + columns > width {
                emit(lineStart, inSpaces ? breakEnd : cluster.lowerBound)
                skippingSpaces = true
                breakEnd = -1
                inSpaces = false
                return
            }
            if !inSpaces {
                breakEnd = cluster.lowerBound
                inSpaces = true
            }
            column += columns
            breakNext = cluster.upperBound
            columnAtBreakNext = column
            return
        }
        inSpaces = false
        while column + columns > width && column > 0 {
            if breakEnd > lineStart {
                emit(lineStart, breakEnd)
                lineStart = breakNext
                column -= columnAtBreakNext
            } else {
                emit(lineStart, cluster.lowerBound)
                lineStart = cluster.lowerBound
                column = 0
            }
            breakEnd = -1
        }
        column += columns
    }

    mutating func finish(at end: Int) {
        if !skippingSpaces { emit(lineStart, end) }
    }

    private mutating func emit(_ start: Int, _ end: Int) {
        starts.append(start)
        ends.append(end)
    }
}
