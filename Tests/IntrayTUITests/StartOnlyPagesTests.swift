import Foundation
import Testing
@testable import IntrayTUI

@Suite struct StartOnlyPagesTests {
    typealias Segment = StartOnlyPages.Segment

    static let readOnly = Segment(addresses: 0x0..<0x400_000, writable: false, executable: false)
    static let code = Segment(addresses: 0x401_000..<0x800_000, writable: false, executable: true)
    static let data = Segment(addresses: 0x801_000..<0x900_000, writable: true, executable: false)

    static func pages(_ tables: [Range<UInt>], relro: [Range<UInt>] = []) -> [Range<UInt>] {
        let object = StartOnlyPages.LoadedObject(segments: [readOnly, code, data], relro: relro, tables: tables)
        return StartOnlyPages.droppablePages(of: object, pageSize: 0x1000)
    }

    @Test func onlyTheWholePagesInsideATableAreDropped() {
        #expect(Self.pages([0x7608..<0x314d18]) == [0x8000..<0x314000])
        #expect(Self.pages([0x8000..<0x10_000, 0x20_000..<0x22_000]) == [0x8000..<0x10_000, 0x20_000..<0x22_000])
        #expect(Self.pages([0x7608..<0x8f00]) == [], "no page lies wholly inside")
        #expect(Self.pages([0x8000..<0x8000]) == [])
    }

    @Test func aTableOutsideAReadOnlyDataSegmentIsKept() {
        #expect(Self.pages([0x402_000..<0x410_000]) == [], "code")
        #expect(Self.pages([0x802_000..<0x808_000]) == [], "writable data")
        #expect(Self.pages([0x3ff_000..<0x402_000]) == [], "across two segments")
        #expect(Self.pages([0x900_000..<0xa00_000]) == [], "in no segment")
        #expect(Self.pages([0x802_000..<0x808_000, 0x8000..<0x10_000]) == [0x8000..<0x10_000])
    }

    @Test func nothingOfAnObjectWhoseReadOnlySegmentsTheLoaderWritesIsDropped() {
        var object = StartOnlyPages.LoadedObject(segments: [Self.readOnly, Self.code, Self.data], relro: [], tables: [0x8000..<0x10_000])
        #expect(StartOnlyPages.droppablePages(of: object, pageSize: 0x1000) == [0x8000..<0x10_000])
        object.relocatesReadOnlySegments = true
        #expect(StartOnlyPages.droppablePages(of: object, pageSize: 0x1000) == [])
    }

    @Test func aTableInRELROIsKept() {
        #expect(Self.pages([0x8000..<0x10_000], relro: [0xf000..<0x20_000]) == [])
        #expect(Self.pages([0x8000..<0x10_000], relro: [0x10_000..<0x20_000]) == [0x8000..<0x10_000])
    }

    /// A header for three entries over frames laid out as lld does: the header, then
    /// `.eh_frame` with a CIE and three FDEs; the table is sorted by code address, not by
    /// where the FDEs lie.
    @Test func theUnwindHeaderFindsTheEndOfTheLastFrameDescription() throws {
        var bytes = [UInt8](repeating: 0, count: 12 + 3 * 8 + 20 + 3 * 24)
        let framesAt = 36
        func put32(_ value: Int, at offset: Int) {
            withUnsafeBytes(of: Int32(value).littleEndian) { bytes.replaceSubrange(offset..<offset + 4, with: $0) }
        }
        bytes[0...3] = [1, 0x1b, 0x03, 0x3b]
        put32(framesAt - 4, at: 4)
        put32(3, at: 8)
        put32(16, at: framesAt) // the CIE: 20 bytes
        let descriptions = [framesAt + 20, framesAt + 44, framesAt + 68]
        for at in descriptions { put32(20, at: at) }
        for (slot, at) in [descriptions[1], descriptions[2], descriptions[0]].enumerated() {
            put32(0x1000 * slot, at: 12 + slot * 8)
            put32(at, at: 12 + slot * 8 + 4)
        }
        try bytes.withUnsafeBytes { buffer in
            let start = UInt(bitPattern: buffer.baseAddress)
            let header = try #require(UnwindTableHeader(start..<(start + 36)))
            #expect(header.frames == (start + 36)..<(start + UInt(bytes.count)))

            var otherEncoding = Array(buffer)
            otherEncoding[3] = 0x1b
            otherEncoding.withUnsafeBytes { other in
                let start = UInt(bitPattern: other.baseAddress)
                #expect(UnwindTableHeader(start..<(start + 36)) == nil)
            }
        }
    }

    #if canImport(CLink)
    @Test func droppedPagesLeaveTheProcessAndReadBackUnchanged() throws {
        let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
        let droppable = StartOnlyPages.loadedObjects().flatMap {
            StartOnlyPages.droppablePages(of: $0, pageSize: pageSize)
        }
        let pages = try #require(droppable.first, "libc and libstdc++ keep their tables in read-only segments")
        let table = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: pages.lowerBound), count: pages.count)
        let before = Array(table)
        #expect(try residentPages(pages, pageSize: pageSize) == pages.count / Int(pageSize))

        #expect(StartOnlyPages.drop() >= droppable.reduce(0) { $0 + $1.count })

        #expect(try residentPages(pages, pageSize: pageSize) == 0)
        #expect(Array(table) == before)
    }

    /// How many of these pages are mapped in this process (bit 63 of /proc/self/pagemap).
    func residentPages(_ pages: Range<UInt>, pageSize: UInt) throws -> Int {
        let pagemap = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/pagemap"))
        defer { try? pagemap.close() }
        try pagemap.seek(toOffset: UInt64(pages.lowerBound / pageSize * 8))
        let entries = try #require(try pagemap.read(upToCount: pages.count / Int(pageSize) * 8))
        return stride(from: 0, to: entries.count, by: 8).count { offset in
            entries[entries.startIndex + offset + 7] & 0x80 != 0
        }
    }
    #endif
}
