// Writes Sources/IntrayCore/Store/LatinFoldingTable.swift from Foundation's folding:
//   swift scripts/latin-folding-table.swift > Sources/IntrayCore/Store/LatinFoldingTable.swift
// Run it when LatinFolding.blocks or the toolchain's Foundation changes; SearchMatcherTests
// fails until the table agrees with Foundation again.
import Foundation

// LatinFolding.blocks.
let blocks: [ClosedRange<UInt32>] = [0x80...0x36F, 0x1E00...0x1EFF, 0x2100...0x214F, 0xFB00...0xFB4F]

var entries: [String] = []
for block in blocks {
    for value in block {
        guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .nonspacingMark else { continue }
        let own = String(Character(scalar))
        let folded = own.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard folded != own else { continue }
        let literal = folded.unicodeScalars.map { scalar in
            (0x20..<0x7F).contains(scalar.value) && scalar != "\"" && scalar != "\\" ? String(scalar) : "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }.joined()
        entries.append("0x\(String(value, radix: 16, uppercase: true)): \"\(literal)\",")
    }
}

print("""
/// What Foundation's case- and diacritic-insensitive folding makes of each scalar of
/// `LatinFolding.blocks` that it changes, combining marks aside. Written by
/// `scripts/latin-folding-table.swift`; `SearchMatcherTests` checks it against Foundation.
/// Kept as data because asking Foundation at run time makes CoreFoundation's Unicode tables
/// resident, about half a megabyte, in every process that lists emails. Built when asked, once
/// (`LatinFolding.table`), so it is not kept beside the table made from it.
enum LatinFoldingTable {
    static func folds() -> [UInt32: String] {
        [
""")
for start in stride(from: 0, to: entries.count, by: 6) {
    print("            " + entries[start..<min(start + 6, entries.count)].joined(separator: " "))
}
print("""
        ]
    }
}
""")
