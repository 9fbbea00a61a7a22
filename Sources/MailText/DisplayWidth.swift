internal import CLibXML2  // for wcwidth (see shim.h)

/// How many terminal columns text takes, as ncursesw counts them.
///
/// Widths come from the C library's `wcwidth`, the function ncursesw itself uses, so they
/// depend on the locale: the app must call `setlocale(LC_ALL, "")` (tests: `"C.UTF-8"`)
/// before the first use, or every non-ASCII character counts as one column.
///
/// A grapheme cluster is as wide as the sum of its scalars' widths, with combining marks
/// at 0 and `wcwidth` = -1 (controls, code points newer than the C library) read as 1 for
/// the first scalar and 0 for the ones that extend it. Summing is what ncursesw does when
/// it gives each scalar its cells, so columns stay aligned; two emoji rules make a
/// cluster as wide as its base instead: a skin-tone modifier inside a cluster counts 0
/// and everything after a zero-width joiner counts 0. (``TerminalText`` removes skin
/// tones and joiners, so for sanitised text both counts agree; see its documentation.)
/// Examples: `"e\u{301}"` 1, `"世"` 2, `"👍🏽"` 2, `"🇺🇸"` 2.
public enum DisplayWidth {
    /// The columns of one Unicode scalar: `wcwidth`, with -1 read as 1.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        let width = Int(intray_wcwidth(value))
        return width < 0 ? 1 : width
    }

    /// The columns of one grapheme cluster.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let base = iterator.next() else { return 0 }
        var width = of(base)
        while let scalar = iterator.next() {
            if scalar.value == 0x200D { break }
            if Scalars.isEmojiModifier(scalar.value) { continue }
            let value = scalar.value
            if value >= 0x20 && value < 0x7F { width += 1; continue }
            width += max(Int(intray_wcwidth(value)), 0)
        }
        return width
    }

    /// The columns of a string.
    public static func of(_ string: String) -> Int {
        of(string[...])
    }

    /// The columns of a substring.
    public static func of(_ string: Substring) -> Int {
        let prefix = asciiPrefix(string, limit: Int.max)
        if prefix.end == string.endIndex { return prefix.count }
        var rest = string[prefix.end...]
        if let width = rest.withUTF8(scalarWidth) { return prefix.count + width }
        var width = prefix.count
        for character in rest {
            width += of(character)
        }
        return width
    }

    /// The width of text whose scalars are each a cluster of their own
    /// (`UTF8Scalar.standsAlone`), read from its UTF-8 without finding clusters; nil for
    /// other text.
    private static func scalarWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var width = 0, index = 0
        while index < bytes.count {
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            guard UTF8Scalar.standsAlone(scalar.value) else { return nil }
            width += of(scalar)
            index += length
        }
        return width
    }

    /// `string` cut to at most `width` columns. When it had to be cut, the kept part is
    /// followed by `ellipsis` and padded with spaces to exactly `width` (a wide character
    /// that would straddle the edge is left out, never split). Text that fits is returned
    /// unchanged. If `ellipsis` alone is wider than `width`, the text is cut without one.
    ///
    /// Scans only as far as `width` columns (plus one character), so a 5,000-character
    /// subject costs the same as a short one.
    public static func truncate(_ string: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width >= 0 else { return "" }
        let prefix = asciiPrefix(string[...], limit: width + 2)
        if prefix.end == string.endIndex && prefix.count <= width { return string }
        let ellipsisWidth = of(ellipsis)
        if ellipsisWidth > width { return truncate(string, toWidth: width, ellipsis: "") }
        let budget = width - ellipsisWidth
        if prefix.count > width {
            let end = string.utf8.index(string.startIndex, offsetBy: budget)
            return String(string[..<end]) + ellipsis
        }
        var used = prefix.count
        var keptWidth = min(used, budget)
        var keptEnd = string.utf8.index(string.startIndex, offsetBy: keptWidth)
        var rest = string[prefix.end...]
        switch rest.withUTF8({ scalarCut($0, used: used, keptWidth: keptWidth, width: width, budget: budget) }) {
        case .fits:
            return string
        case .cut(let keptBytes, let cutWidth):
            let end = keptBytes > 0 ? string.utf8.index(prefix.end, offsetBy: keptBytes) : keptEnd
            return String(string[..<end]) + ellipsis + String(copies: " ", count: budget - cutWidth)
        case .needsCharacters:
            break
        }
        var index = prefix.end
        for character in rest {
            used += of(character)
            if used > width {
                let padding = String(copies: " ", count: budget - keptWidth)
                return String(string[..<keptEnd]) + ellipsis + padding
            }
            index = string.utf8.index(index, offsetBy: character.utf8.count)
            if used <= budget {
                keptEnd = index
                keptWidth = used
            }
        }
        return string
    }

    private enum Cut {
        case fits
        /// Keeps `keptBytes` after the ASCII prefix (none: the prefix's own cut stands), up to column `keptWidth`.
        case cut(keptBytes: Int, keptWidth: Int)
        case needsCharacters
    }

    /// Where `truncate` cuts the text after an ASCII prefix `used` columns wide when its
    /// scalars are each a cluster of their own (`UTF8Scalar.standsAlone`), read from its
    /// UTF-8; other text is cut by `Character`.
    private static func scalarCut(_ bytes: UnsafeBufferPointer<UInt8>, used: Int, keptWidth: Int, width: Int, budget: Int) -> Cut {
        var used = used, keptWidth = keptWidth, keptBytes = 0, index = 0
        while index < bytes.count {
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            guard UTF8Scalar.standsAlone(scalar.value) else { return .needsCharacters }
            used += of(scalar)
            if used > width { return .cut(keptBytes: keptBytes, keptWidth: keptWidth) }
            index += length
            if used <= budget {
                keptBytes = index
                keptWidth = used
            }
        }
        return .fits
    }

    /// `string` followed by spaces up to `width` columns; unchanged if already as wide.
    public static func pad(_ string: String, toWidth width: Int) -> String {
        let current = of(string)
        guard current < width else { return string }
        return string + String(copies: " ", count: width - current)
    }

    /// `string` cut and padded to exactly `width` columns: ``truncate(_:toWidth:ellipsis:)``
    /// then ``pad(_:toWidth:)``.
    public static func fit(_ string: String, toWidth width: Int, ellipsis: String = "…") -> String {
        pad(truncate(string, toWidth: width, ellipsis: ellipsis), toWidth: width)
    }

    /// The leading run (at most `limit` bytes) of ASCII bytes that are each a one-column
    /// character of their own: anything below 0x80 but CR (CR LF is one cluster). The last
    /// byte before a non-ASCII one may be the base of a longer cluster, so it is left out
    /// of the run whenever the run stops before the end of the string.
    static func asciiPrefix(_ string: Substring, limit: Int) -> (count: Int, end: String.Index) {
        let utf8 = string.utf8
        let count: Int? = utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            let end = min(bytes.count, limit)
            while index < end {
                let byte = bytes[index]
                if byte >= 0x80 || byte == 0x0D { break }
                index += 1
            }
            return index
        }
        var length: Int
        if let count {
            length = count
        } else {
            length = 0
            for byte in utf8 {
                if byte >= 0x80 || byte == 0x0D || length == limit { break }
                length += 1
            }
        }
        if length < utf8.count && length > 0 {
            length -= 1  // its cluster may continue: measure it with the rest
        }
        return (length, utf8.index(utf8.startIndex, offsetBy: length))
    }
}

extension String {
    /// `piece` written `count` times (none when `count` is not positive). Copies bytes:
    /// `String(repeating:count:)` appends the piece once per copy, which costs far more for
    /// the rules and padding of every frame.
    public init(copies piece: String, count: Int) {
        let length = piece.utf8.count
        guard count > 0, length > 0 else {
            self = ""
            return
        }
        var piece = piece
        self = piece.withUTF8 { Self.copies(of: $0, count: count) }
    }

    private static func copies(of bytes: UnsafeBufferPointer<UInt8>, count: Int) -> String {
        String(unsafeUninitializedCapacity: bytes.count * count) { buffer in
            // One copy of the piece, then the copies made so far, doubling each time.
            let target = UnsafeMutableRawBufferPointer(buffer), total = bytes.count * count
            target.copyMemory(from: UnsafeRawBufferPointer(bytes))
            var written = bytes.count
            while written < total {
                let more = Swift.min(written, total - written)
                UnsafeMutableRawBufferPointer(rebasing: target[written..<(written + more)]).copyMemory(from: UnsafeRawBufferPointer(rebasing: target[..<more]))
                written += more
            }
            return total
        }
    }
}
