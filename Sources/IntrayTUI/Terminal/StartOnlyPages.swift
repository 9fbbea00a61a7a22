#if canImport(CLink)
import CLink
import Glibc
#endif

/// Read-only tables of the loaded objects that are read while the process starts and not in a
/// running Intray, though they stay resident until given back:
/// - the relocation table (RELA, DT_RELA): the loader applies it once, before `main`. The
///   release binary's is 3 MiB (~133,000 entries, one per pointer in its data). The lazy-binding
///   table (DT_JMPREL) is a different one and is kept.
/// - the unwind tables (.eh_frame_hdr and .eh_frame): read when a thread's stack is unwound.
///   That happens at start, when `dispatchMain` ends the main thread with `pthread_exit`, and
///   then only for a C++ exception or a thread ended by `pthread_exit`, as at quit.
///
/// A table in a segment that is neither writable nor executable is made of clean pages of a
/// private file mapping: dropping them from the process loses nothing, and a read faults them
/// back in from the file.
enum StartOnlyPages {
    /// A loadable segment (PT_LOAD) at its run-time addresses.
    struct Segment: Equatable {
        var addresses: Range<UInt>
        var writable: Bool
        var executable: Bool
    }

    /// The executable or a shared library, as its program headers and dynamic section
    /// describe it, at run-time addresses.
    struct LoadedObject: Equatable {
        var segments: [Segment]
        /// What becomes read-only after relocation (PT_GNU_RELRO); written before that.
        var relro: [Range<UInt>]
        /// The tables above that the object has.
        var tables: [Range<UInt>]
        /// Whether the loader writes into its read-only segments (DT_TEXTREL): pages there may
        /// hold relocated copies, not the file's bytes, so none of the object's is given back.
        var relocatesReadOnlySegments = false
    }

    /// The whole pages inside each of the object's tables that lies in one segment that is
    /// neither writable nor executable, and outside RELRO.
    static func droppablePages(of object: LoadedObject, pageSize: UInt) -> [Range<UInt>] {
        guard !object.relocatesReadOnlySegments else { return [] }
        return object.tables.compactMap { table in
            guard !table.isEmpty else { return nil }
            let inReadOnlySegment = object.segments.contains {
                !$0.writable && !$0.executable
                    && $0.addresses.lowerBound <= table.lowerBound && table.upperBound <= $0.addresses.upperBound
            }
            guard inReadOnlySegment, !object.relro.contains(where: { $0.overlaps(table) }) else { return nil }
            let start = (table.lowerBound + pageSize - 1) / pageSize * pageSize
            let end = table.upperBound / pageSize * pageSize
            return start < end ? start..<end : nil
        }
    }

    /// Gives back the pages `droppablePages` allows, of every loaded object; answers how many
    /// bytes that was (pages already given back count again).
    @discardableResult
    static func drop() -> Int {
        #if canImport(CLink)
        let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
        var dropped = 0
        for object in loadedObjects() {
            for pages in droppablePages(of: object, pageSize: pageSize) {
                guard let start = UnsafeMutableRawPointer(bitPattern: pages.lowerBound),
                      madvise(start, pages.count, MADV_DONTNEED) == 0
                else { continue }
                dropped += pages.count
            }
        }
        return dropped
        #else
        return 0
        #endif
    }

    #if canImport(CLink)
    /// Every object the loader has loaded, the executable first.
    static func loadedObjects() -> [LoadedObject] {
        final class Found { var objects: [LoadedObject] = [] }
        let found = Found()
        _ = withExtendedLifetime(found) {
            loaded_objects_each({ info, _, context in
                guard let info, let context else { return 0 }
                let found = Unmanaged<Found>.fromOpaque(context).takeUnretainedValue()
                found.objects.append(StartOnlyPages.object(info.pointee))
                return 0
            }, Unmanaged.passUnretained(found).toOpaque())
        }
        return found.objects
    }

    private static func object(_ info: loaded_object_info) -> LoadedObject {
        let base = UInt(info.address)
        var object = LoadedObject(segments: [], relro: [], tables: [])
        for index in 0..<Int(info.header_count) {
            let header = info.headers[index]
            let addresses = (base + UInt(header.p_vaddr))..<(base + UInt(header.p_vaddr) + UInt(header.p_memsz))
            switch header.p_type {
            case UInt32(PT_LOAD):
                object.segments.append(Segment(
                    addresses: addresses, writable: header.p_flags & UInt32(PF_W) != 0,
                    executable: header.p_flags & UInt32(PF_X) != 0))
            case UInt32(PT_GNU_RELRO):
                object.relro.append(addresses)
            case UInt32(PT_DYNAMIC):
                let dynamic = relocationTable(dynamic: addresses.lowerBound, base: base)
                if let table = dynamic.table { object.tables.append(table) }
                object.relocatesReadOnlySegments = dynamic.relocatesReadOnlySegments
            case UInt32(PT_GNU_EH_FRAME):
                object.tables.append(addresses)
                if let frames = UnwindTableHeader(addresses) { object.tables.append(frames.frames) }
            default:
                break
            }
        }
        return object
    }

    /// The relocation table the dynamic section names, and whether it names text relocations.
    private static func relocationTable(dynamic: UInt, base: UInt) -> (table: Range<UInt>?, relocatesReadOnlySegments: Bool) {
        guard var entry = UnsafePointer<Elf64_Dyn>(bitPattern: dynamic) else { return (nil, true) }
        var address: UInt?
        var size: UInt?
        var textRelocations = false
        while entry.pointee.d_tag != DT_NULL {
            switch entry.pointee.d_tag {
            case Int64(DT_RELA): address = UInt(entry.pointee.d_un.d_ptr)
            case Int64(DT_RELASZ): size = UInt(entry.pointee.d_un.d_val)
            case Int64(DT_TEXTREL): textRelocations = true
            case Int64(DT_FLAGS): textRelocations = textRelocations || entry.pointee.d_un.d_val & UInt64(DF_TEXTREL) != 0
            default: break
            }
            entry += 1
        }
        guard let address, let size else { return (nil, textRelocations) }
        // glibc rewrites the entry to the run-time address when the dynamic section is
        // writable at load; otherwise (the vDSO, other loaders) it is still relative to the base.
        let start = address < base ? base + address : address
        return (start..<(start + size), textRelocations)
    }
    #endif
}

/// `.eh_frame_hdr` (the LSB's "exception frame header"): where `.eh_frame` starts and a table,
/// sorted by code address, of every frame description entry in it. Only the encodings every
/// linker writes are read (a 32-bit pointer relative to itself, a 32-bit count, and entries
/// relative to the header); anything else answers nil.
struct UnwindTableHeader {
    /// From the start of `.eh_frame` to the end of the frame description entry that lies last.
    var frames: Range<UInt>

    init?(_ header: Range<UInt>) {
        guard header.count >= 12, let bytes = UnsafeRawPointer(bitPattern: header.lowerBound) else { return nil }
        let version = bytes.load(as: UInt8.self)
        let framesEncoding = bytes.load(fromByteOffset: 1, as: UInt8.self)
        let countEncoding = bytes.load(fromByteOffset: 2, as: UInt8.self)
        let tableEncoding = bytes.load(fromByteOffset: 3, as: UInt8.self)
        guard version == 1, framesEncoding == 0x1b, countEncoding == 0x03, tableEncoding == 0x3b else { return nil }
        let start = UInt(bitPattern: Int(header.lowerBound) + 4 + Int(bytes.loadUnaligned(fromByteOffset: 4, as: Int32.self)))
        let count = Int(bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard count > 0, 12 + count * 8 <= header.count else { return nil }
        var last = start
        for index in 0..<count {
            let entry = Int(bytes.loadUnaligned(fromByteOffset: 12 + index * 8 + 4, as: Int32.self))
            last = max(last, UInt(bitPattern: Int(header.lowerBound) + entry))
        }
        guard let record = UnsafeRawPointer(bitPattern: last) else { return nil }
        let length = UInt(record.loadUnaligned(as: UInt32.self))
        guard length != 0xffff_ffff, last >= start else { return nil }
        frames = start..<(last + 4 + length)
    }
}
