/// Reading scalars straight from a string's UTF-8, for loops that go byte by byte and
/// would pay for `unicodeScalars` or `Character` on every one.
public enum UTF8Scalar {
    /// The scalar whose encoding starts at `index` of `bytes` (a string's own UTF-8, so
    /// valid) and the bytes it takes; U+FFFD for an encoding cut off by the end.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[index])
        var value: UInt32
        let length: Int
        switch lead {
        case ..<0x80: return (Unicode.Scalar(UInt8(lead)), 1)
        case ..<0xE0: (value, length) = (lead & 0x1F, 2)
        case ..<0xF0: (value, length) = (lead & 0x0F, 3)
        default: (value, length) = (lead & 0x07, 4)
        }
        guard index + length <= bytes.count else { return ("\u{FFFD}", bytes.count - index) }
        for offset in 1..<length {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Scalars that no rule of grapheme clustering (UAX #29) joins to a neighbour from this
    /// set: printable Latin (combining marks start at U+0300), punctuation, symbols, box
    /// drawing, kana, CJK ideographs and Hangul syllables. Not joiners, marks, variation
    /// selectors, regional indicators, emoji modifiers, jamo or controls.
    public static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x20..<0x7F, 0xA0..<0x300: true
        case 0x2010..<0x2028, 0x2030..<0x205F, 0x20A0..<0x20C1, 0x2100..<0x2300, 0x2500..<0x2600: true
        case 0x3041..<0x3097, 0x30A0..<0x3100, 0x4E00..<0xA000, 0xAC00..<0xD7A4, 0xFF01..<0xFF61: true
        default: false
        }
    }
}
