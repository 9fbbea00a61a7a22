/// Finding and replacing runs of bytes in UTF-8. The standard library's `firstRange(of:)` and
/// `replacing(_:with:)` do the same, but live in Swift's string-processing library: using
/// them kept about 170 KiB more of its code resident, for these few searches.
public enum ByteSearch {
    /// Where `needle` first starts in `bytes`; an empty needle is found at the start.
    public static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        guard let first = needle.first else { return 0 }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    public static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        firstIndex(of: needle, in: bytes) != nil
    }

    /// `bytes` with every occurrence of `target`, left to right and not overlapping, replaced.
    public static func replacing(_ target: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let first = target.first, bytes.count >= target.count else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first, index + target.count <= bytes.count, bytes[index..<index + target.count].elementsEqual(target) {
                result += replacement
                index += target.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
