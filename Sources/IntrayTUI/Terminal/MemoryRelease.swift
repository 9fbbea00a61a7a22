#if canImport(CMalloc)
import CMalloc
#endif

/// Loading decodes whole pages of emails and keeps only rows; the allocator holds on to the
/// memory those pages took. These calls hand it back, so resident memory is what the rows
/// need rather than what loading once needed.
public enum MemoryRelease {
    /// At start: few malloc arenas, so freed memory is not spread across one per thread; and
    /// blocks of 64 KiB and more (response bodies, decoding buffers) in mappings of their own,
    /// unmapped when freed. Without a fixed threshold glibc raises it to the largest block freed
    /// so far: loading's transient buffers then come from the heap, small blocks that stay are
    /// placed in the holes they leave, and the heap cannot shrink past them.
    public static func configureAllocator() {
        #if canImport(CMalloc)
        _ = mallopt(M_ARENA_MAX, 2)
        _ = mallopt(M_MMAP_THRESHOLD, 64 * 1024)
        #endif
    }

    /// After loading finished: returns free pages at the top and inside the heap to the system,
    /// and the tables only the start of the process reads (`StartOnlyPages`).
    static func returnFreedPages() {
        #if canImport(CMalloc)
        _ = malloc_trim(0)
        #endif
        StartOnlyPages.drop()
    }
}
