import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the programs Intray starts have in common: `posix_spawn`, never a shell of our
/// choosing, and a child that starts clean.
enum ChildProcess {
    /// `POSIX_SPAWN_SETSID` (glibc 2.26+), which Swift's Glibc module does not export.
    static let newSession: Int32 = 0x80

    /// Spawn attributes with `flags`, plus default handling of every signal and an empty
    /// mask, whatever this process ignores or blocks (SIGPIPE).
    static func withAttributes<T>(flags: Int32, _ body: (inout posix_spawnattr_t) throws -> T) rethrows -> T {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(flags | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        return try body(&attributes)
    }

    /// Runs `body` with `strings` as a C array ending in NULL, as `argv` and `envp` are.
    static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) throws -> T) rethrows -> T {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return try body(pointers)
    }
}
