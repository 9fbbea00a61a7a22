/// An id as one segment of an address's path: anything but unreserved characters is escaped,
/// and so is a segment of dots alone, so an id can neither add a segment nor climb out of one.
public enum PathSegment {
    public static func encoded(_ id: String) -> String {
        func isUnreserved(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
            default: false
            }
        }
        let onlyDots = !id.isEmpty && id.utf8.allSatisfy { $0 == UInt8(ascii: ".") }
        if !onlyDots, id.utf8.allSatisfy(isUnreserved) { return id }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in id.utf8 {
            if isUnreserved(byte) && !onlyDots {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
