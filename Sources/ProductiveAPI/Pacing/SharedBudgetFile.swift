import Foundation

/// The file through which every process using one token shares its rate-limit budget:
/// `budget-<first 16 hex digits of SHA-256 of the token>` in a private folder. The token
/// itself is never written.
///
/// Each change opens the file, takes an exclusive `flock`, reads the `SharedLedger`, changes
/// it, writes it back and closes the file, which releases the lock; a process that dies
/// releases it too. When the file cannot be used (a read-only folder, say, or a lock held
/// for over a second) pacing falls back to this process alone.
public final class SharedBudgetFile: Sendable {
    public let url: URL
    /// `url.path`, which Foundation would work out again for every request.
    private let path: String

    /// - Parameter directory: created (mode 700) when missing.
    public init(directory: URL, token: String) {
        url = directory.appendingPathComponent("budget-" + SHA256.hex(token).prefix(16))
        path = url.path
    }

    /// `$XDG_STATE_HOME/intray`, else `~/.local/state/intray`: beside the log. Not
    /// `$XDG_RUNTIME_DIR`, which cron jobs and lingering tmux sessions often lack or see
    /// removed, so they would not find the app's budget there.
    public static func defaultDirectory(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("intray")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/intray")
    }

    /// Runs `change` on the ledger under the lock and stores what it left; nil when the file
    /// could not be used.
    func update<T>(_ change: (inout SharedLedger) -> T) -> T? {
        let descriptor = openFile()
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // The lock is held for a read and a write; one held for a second belongs to a stopped
        // process (Ctrl-Z at the wrong moment), and this request then paces alone.
        var attempts = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, attempts < 1_000 else { return nil }
            attempts += 1
            usleep(1_000)
        }
        guard let text = readAll(descriptor) else { return nil }
        var ledger = SharedLedger(text: text)
        let before = ledger
        let result = change(&ledger)
        if ledger != before { writeAll(ledger.text, to: descriptor) }
        return result
    }

    private func openFile() -> Int32 {
        let flags = O_RDWR | O_CREAT | O_CLOEXEC
        var descriptor = open(path, flags, 0o600)
        if descriptor < 0, errno == ENOENT {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            descriptor = open(path, flags, 0o600)
        }
        return descriptor
    }

    private func readAll(_ descriptor: Int32) -> String? {
        var data = [UInt8]()
        // The ledger is a few kilobytes; a bigger chunk would be zeroed twice per request for nothing.
        var chunk = [UInt8](repeating: 0, count: 8_192)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return String(decoding: data, as: UTF8.self) }
            data += chunk[0..<count]
            offset += off_t(count)
        }
    }

    private func writeAll(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += count
        }
        _ = ftruncate(descriptor, off_t(bytes.count))
    }
}
