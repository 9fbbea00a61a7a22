/// Reading scalars straight from a string's UTF-8, for loops that go byte by byte and
/// would pay for `unicodeScalars` or `Character` on every one.
public enum UTF8Scalar {
    /// The scalar whose encoding starts at `index` of `bytes` (a string's own UTF-8, so
    /// valid) and the bytes it takes; U+FFFD for an encoding cut off by the end.
    @inline(__always)
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
}
