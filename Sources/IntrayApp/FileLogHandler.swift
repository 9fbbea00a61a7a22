import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import MailText
import Synchronization

/// A swift-log handler that appends to Intray's log file; never the terminal the UI draws on.
/// Any text equal to a registered secret is blanked before it is written.
public struct FileLogHandler: LogHandler {
    /// The log file, opened for appending: every process on one log (the app, a cron job, both
    /// ends of a pipeline) adds its lines at the end, and none replaces the file.
    private final class Sink: Sendable {
        let descriptor: Int32
        let lock = Mutex(())
        let secrets: [String]

        init(url: URL, secrets: [String]) {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            self.secrets = secrets.filter { $0.count >= 4 }
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
        }

        func write(_ line: String) {
            guard descriptor >= 0 else { return }
            var bytes = Array(line.utf8)
            // Matched byte for byte: a secret is blanked even where a combining mark after it
            // makes another character of its last letter.
            for secret in secrets { bytes = ByteSearch.replacing(Array(secret.utf8), with: Array("[redacted]".utf8), in: bytes) }
            // One write per line: with O_APPEND the kernel keeps lines from several processes whole.
            lock.withLock { _ in _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } }
        }
    }

    private let sink: Sink
    private let label: String
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info

    public init(label: String, url: URL, secrets: [String]) {
        self.label = label
        sink = Sink(url: url, secrets: secrets)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let timestamp = LogTimestamp.string(Date())
        // Bytes, not Foundation's `replacingOccurrences`, which makes CoreFoundation's Unicode
        // tables resident (half a megabyte) for the sake of the log.
        let flat = String(decoding: ByteSearch.replacing([0x0A], with: Array(#"\n"#.utf8), in: Array(event.message.description.utf8)), as: UTF8.self)
        sink.write("\(timestamp) \(event.level) \(label): \(flat)\n")
    }

    /// `$XDG_STATE_HOME/intray/intray.log`, by default `~/.local/state/intray/intray.log`.
    public static func defaultURL(environment: [String: String]) -> URL {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        return state.appendingPathComponent("intray/intray.log")
    }
}
