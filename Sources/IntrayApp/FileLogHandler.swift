import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends to Intray's log file; never the terminal the UI draws on.
/// Any text equal to a registered secret is blanked before it is written.
public struct FileLogHandler: LogHandler {
    private final class Sink: Sendable {
        let handle: Mutex<FileHandle?>
        let secrets: [String]

        init(url: URL, secrets: [String]) {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if !FileManager.default.fileExists(atPath: url.path) {
                FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            let file = try? FileHandle(forWritingTo: url)
            _ = try? file?.seekToEnd()
            handle = Mutex(file)
            self.secrets = secrets.filter { $0.count >= 4 }
        }

        func write(_ line: String) {
            var text = line
            for secret in secrets { text = text.replacingOccurrences(of: secret, with: "[redacted]") }
            handle.withLock { try? $0?.write(contentsOf: Data(text.utf8)) }
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
        let timestamp = ISO8601DateFormatter().string(from: Date())
        let flat = event.message.description.replacingOccurrences(of: "\n", with: "\\n")
        sink.write("\(timestamp) \(event.level) \(label): \(flat)\n")
    }

    /// `$XDG_STATE_HOME/intray/intray.log`, by default `~/.local/state/intray/intray.log`.
    public static func defaultURL(environment: [String: String]) -> URL {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        return state.appendingPathComponent("intray/intray.log")
    }
}
