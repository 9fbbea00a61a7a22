/// An id as one segment of an address's path: anything but unreserved characters is escaped,
/// and so is a segment of dots alone, so an id can neither add a segment nor climb out of one.
public enum PathSegment {
    public static func encoded(_ id: String) -> String {
        let onlyDots = !id.isEmpty && id.utf8.allSatisfy { $0 == UInt8(ascii: ".") }
        return onlyDots ? PercentEncoding.everyByte(of: id) : PercentEncoding.encoded(id)
    }
}

/// Percent-encoding of text's UTF-8 (RFC 3986): unreserved characters, and any of `kept`, are
/// written as they are, every other byte as `%XX`.
public enum PercentEncoding {
    public static func encoded(_ text: String, keeping kept: [UInt8] = []) -> String {
        let keeps = { (byte: UInt8) in isUnreserved(byte) || kept.contains(byte) }
        if text.utf8.allSatisfy(keeps) { return text }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if keeps(byte) { bytes.append(byte) } else { escape(byte, into: &bytes) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func everyByte(of text: String) -> String {
        var bytes: [UInt8] = []
        for byte in text.utf8 { escape(byte, into: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func escape(_ byte: UInt8, into bytes: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
