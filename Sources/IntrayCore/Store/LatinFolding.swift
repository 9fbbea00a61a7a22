/// Folds text for a search word that is ASCII, as Foundation's case- and diacritic-insensitive
/// folding does, without calling it: letters of the blocks that may fold to ASCII (U+0080–U+036F,
/// Latin Extended Additional, letterlike symbols, Latin ligatures) are looked up in what
/// Foundation makes of them (`LatinFoldingTable`), ASCII is lowercased, and anything else is
/// kept as it is, since none of its bytes can match an ASCII word's.
enum LatinFolding {
    static let blocks: [ClosedRange<UInt32>] = [0x80...0x36F, 0x1E00...0x1EFF, 0x2100...0x214F, 0xFB00...0xFB4F]

    /// The folded UTF-8 of each scalar of `blocks` that folding changes, by scalar value.
    private static let table: [UInt32: [UInt8]] = {
        var table = LatinFoldingTable.folds().mapValues { Array($0.utf8) }
        for block in blocks {
            // A combining mark alone folds to itself, but on a letter it is what the
            // diacritic folding removes.
            for value in block where Unicode.Scalar(value)?.properties.generalCategory == .nonspacingMark {
                table[value] = []
            }
        }
        return table
    }()

    /// `text` folded into `buffer` (emptied first), as UTF-8.
    static func fold(_ text: String, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        forEachByte(of: text) { buffer.append($0) }
    }

    /// The UTF-8 bytes of `text` folded, one at a time.
    @inline(__always)
    static func forEachByte(of text: String, _ body: (UInt8) -> Void) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                body((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            } else if let folded = table[value] {
                folded.forEach(body)
            } else {
                UTF8.encode(scalar, into: body)
            }
        }
    }
}
