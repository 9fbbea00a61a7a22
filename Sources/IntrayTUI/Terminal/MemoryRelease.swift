#if canImport(CMalloc)
import CMalloc
#endif

/// Loading decodes whole pages of emails and keeps only rows; the allocator holds on to the
/// memory those pages took. These calls hand it back, so resident memory is what the rows
/// need rather than what loading once needed.
public enum MemoryRelease {
    /// At start: few malloc arenas, so freed memory is not spread across one per thread.
    public static func limitArenas() {
        #if canImport(CMalloc)
        _ = mallopt(M_ARENA_MAX, 2)
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
