import Foundation
import GRDB
import IntrayCore

/// Whole emails the detail pane showed, kept on disk between runs when the config file says
/// `cache_bodies = true`: `$XDG_CACHE_HOME/intray/bodies.sqlite`, readable by the user alone.
/// Emails never change their body, so a kept one is never stale; the list's rows, fetched from
/// the server, always decide an email's status. Entries are kept per server and organization.
/// Holds no token. Safe from any thread (GRDB's queue serialises access).
public final class BodyArchive: Sendable {
    private let database: DatabaseQueue
    private let account: String

    /// Opens (or creates) the archive for one server and organization.
    public init(url: URL, apiURL: URL, organizationID: String) throws {
        try PrivateFiles.makeFolder(url.deletingLastPathComponent())
        try PrivateFiles.touch(url)
        database = try DatabaseQueue(path: url.path)
        account = "\(apiURL.absoluteString) \(organizationID)"
        try database.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS email (
                    account TEXT NOT NULL, id TEXT NOT NULL, record BLOB NOT NULL,
                    PRIMARY KEY (account, id)
                )
                """)
        }
    }

    public static func defaultURL(environment: [String: String]) -> URL {
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        return cache.appendingPathComponent("intray/bodies.sqlite")
    }

    public func email(id: String) -> Email? {
        let record = try? database.read { db in
            try Data.fetchOne(db, sql: "SELECT record FROM email WHERE account = ? AND id = ?", arguments: [account, id])
        }
        return record.flatMap { try? JSONDecoder().decode(Email.self, from: $0) }
    }

    public func keep(_ email: Email) {
        guard let record = try? JSONEncoder().encode(email) else { return }
        try? database.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO email (account, id, record) VALUES (?, ?, ?)", arguments: [account, email.id, record])
        }
    }

    public var count: Int {
        (try? database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM email") ?? 0 }) ?? 0
    }

    /// Removes the archive and its journal files; answers whether there was one.
    @discardableResult
    public static func clear(at url: URL) throws -> Bool {
        let manager = FileManager.default
        var removed = false
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let path = url.path + suffix
            if manager.fileExists(atPath: path) {
                try manager.removeItem(atPath: path)
                removed = true
            }
        }
        return removed
    }
}

/// Files only their owner may read: folders 0700, files 0600.
enum PrivateFiles {
    static func makeFolder(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Creates the file with mode 0600 if it is missing, and narrows its mode if it is wider.
    static func touch(_ url: URL) throws {
        let descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        fchmod(descriptor, 0o600)
        close(descriptor)
    }
}
