import Foundation
import GRDB
import IntrayCore
import Synchronization

/// Every action shown as done, on disk until Productive confirms it or the user takes it back,
/// so that a crash, `kill -9`, a lost SSH session or a power cut loses nothing: the next start
/// finishes what was left. `$XDG_STATE_HOME/intray/journal.sqlite`, mode 0600. It holds ids,
/// the action and the deal (id, name and number, to say what it was), never the token or any
/// text of an email.
///
/// Each running Intray is a session holding an exclusive `flock` on its own lock file for as
/// long as it runs. Entries of a session whose lock is free (its process died) are adopted by
/// the next session to start, under that lock, so two processes never send the same entry.
///
/// The database is opened only when it is needed: a session marks itself (`SESSION.entries`
/// beside its lock, on disk before its first entry) and leaves the mark until it ends with no
/// entry left. A start that finds no other session's mark has nothing to adopt, so an ordinary
/// run that triages nothing never loads SQLite. A folder without the `marked` file was written
/// by a version that left no marks, and its database is read once to find out.
/// Safe from any thread (GRDB's queue serialises access).
public final class Journal: Sendable {
    /// An entry another session left behind.
    public struct Entry: Sendable, Equatable {
        public var action: TriageRequest
        public var account: String
        public var recordedAt: Date
    }

    /// What `adopt` found.
    public struct Adoption: Sendable, Equatable {
        /// Entries this session now owns.
        public var entries: [Entry] = []
        /// Entries of sessions still running: their process id and how many.
        public var heldByOthers: [(pid: Int32, count: Int)] = []

        public static func == (a: Adoption, b: Adoption) -> Bool {
            a.entries == b.entries && a.heldByOthers.map(\.pid) == b.heldByOthers.map(\.pid) && a.heldByOthers.map(\.count) == b.heldByOthers.map(\.count)
        }
    }

    private struct Opening {
        var database: DatabaseQueue?
        /// This session's mark is on disk: its entries may be in the database.
        var isMarked = false
    }

    private let url: URL
    private let opening = Mutex(Opening())
    private let account: String
    private let session: String
    private let sessionsFolder: URL
    private let lockDescriptor: Int32

    /// Starts a session in the journal for one server and organization; the database itself
    /// is opened when first needed.
    public init(url: URL, apiURL: URL, organizationID: String) throws {
        self.url = url
        let folder = url.deletingLastPathComponent()
        try PrivateFiles.makeFolder(folder)
        try PrivateFiles.touch(url)
        sessionsFolder = folder.appendingPathComponent("journal-sessions")
        try PrivateFiles.makeFolder(sessionsFolder)
        session = UUID().uuidString
        lockDescriptor = try SessionLock.acquire(sessionsFolder.appendingPathComponent("\(session).lock"))
        account = Self.account(apiURL: apiURL, organizationID: organizationID)
    }

    deinit {
        let (database, isMarked) = opening.withLock { ($0.database, $0.isMarked) }
        if isMarked, let database, (try? database.read { db in try Self.count(db, session: session) }) == 0 {
            try? FileManager.default.removeItem(at: markURL(session))
        }
        try? FileManager.default.removeItem(at: sessionsFolder.appendingPathComponent("\(session).lock"))
        close(lockDescriptor)
    }

    /// Whether this session has opened the database (for tests).
    var isOpen: Bool { opening.withLock { $0.database != nil } }

    static func account(apiURL: URL, organizationID: String) -> String {
        "\(apiURL.absoluteString) organization \(organizationID)"
    }

    public static func defaultURL(environment: [String: String]) -> URL {
        FileLogHandler.defaultURL(environment: environment).deletingLastPathComponent().appendingPathComponent("journal.sqlite")
    }

    public func record(_ actions: [TriageRequest], at date: Date = Date()) throws {
        guard !actions.isEmpty else { return }
        try markOwnSession()
        try database().write { db in
            let statement = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO entry (session, action_id, email_id, kind, from_status, deal_id, deal_name, deal_number, account, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for action in actions {
                let deal: Deal? = if case .attach(let deal) = action.kind { deal } else { nil }
                try statement.execute(arguments: [
                    session, action.id, action.email.id, action.kind.journalName, action.from.rawValue,
                    deal?.id, deal?.name, deal?.number, account, date.timeIntervalSince1970,
                ])
            }
        }
    }

    public func forget(_ actionIDs: [Int]) throws {
        guard !actionIDs.isEmpty, isMarked else { return }
        try database().write { db in
            for chunk in stride(from: 0, to: actionIDs.count, by: 500) {
                let ids = actionIDs[chunk..<min(chunk + 500, actionIDs.count)]
                let marks = ids.map { _ in "?" }.joined(separator: ",")
                try db.execute(sql: "DELETE FROM entry WHERE session = ? AND action_id IN (\(marks))",
                               arguments: StatementArguments([session] + ids.map { $0 as any DatabaseValueConvertible }))
            }
        }
    }

    /// Entries this session holds, oldest first.
    public func entries() throws -> [Entry] {
        guard isMarked else { return [] }
        return try database().read { db in try Self.entries(db, session: session) }
    }

    /// Takes over the entries of every session whose process is gone. Adopted entries get new
    /// action ids from `firstActionID` on, in the order they were recorded.
    public func adopt(firstActionID: Int) throws -> Adoption {
        let marked = otherMarkedSessions()
        let flag = sessionsFolder.appendingPathComponent("marked")
        let flagged = FileManager.default.fileExists(atPath: flag.path)
        guard !marked.isEmpty || !(flagged || Self.isEmptyFile(url)) else {
            if !flagged { try SessionMark.make(flag) }
            return Adoption()
        }
        let queue = try database()
        let recorded = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT session FROM entry WHERE session != ?", arguments: [session])
        }
        var adoption = Adoption()
        var nextID = firstActionID
        for other in Set(recorded).union(marked).sorted() {
            let lockURL = sessionsFolder.appendingPathComponent("\(other).lock")
            guard let descriptor = SessionLock.tryAcquire(lockURL) else {
                let count = try queue.read { db in try Self.count(db, session: other) }
                if count > 0 { adoption.heldByOthers.append((SessionLock.holder(lockURL) ?? 0, count)) }
                continue
            }
            defer {
                try? FileManager.default.removeItem(at: lockURL)
                close(descriptor)
            }
            try queue.write { db in
                let rows = try Int.fetchAll(db, sql: "SELECT action_id FROM entry WHERE session = ? ORDER BY recorded_at, action_id", arguments: [other])
                if !rows.isEmpty { try markOwnSession() }
                for old in rows {
                    try db.execute(sql: "UPDATE entry SET session = ?, action_id = ? WHERE session = ? AND action_id = ?", arguments: [session, nextID, other, old])
                    nextID += 1
                }
            }
            try? FileManager.default.removeItem(at: markURL(other))
        }
        if !flagged { try SessionMark.make(flag) }
        adoption.entries = try entries()
        return adoption
    }

    private func database() throws -> DatabaseQueue {
        try opening.withLock { opening in
            if let database = opening.database { return database }
            let database = try DatabaseQueue(path: url.path)
            try database.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS entry (
                        session TEXT NOT NULL, action_id INTEGER NOT NULL,
                        email_id TEXT NOT NULL, kind TEXT NOT NULL, from_status INTEGER NOT NULL,
                        deal_id TEXT, deal_name TEXT, deal_number TEXT,
                        account TEXT NOT NULL, recorded_at REAL NOT NULL,
                        PRIMARY KEY (session, action_id)
                    )
                    """)
            }
            opening.database = database
            return database
        }
    }

    private var isMarked: Bool { opening.withLock { $0.isMarked } }

    /// Puts this session's mark on disk, once, before any entry of it is written.
    private func markOwnSession() throws {
        try opening.withLock { opening in
            guard !opening.isMarked else { return }
            try SessionMark.make(markURL(session))
            opening.isMarked = true
        }
    }

    private func markURL(_ session: String) -> URL {
        sessionsFolder.appendingPathComponent("\(session).entries")
    }

    private func otherMarkedSessions() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sessionsFolder.path)) ?? []
        return names.compactMap { name in
            guard name.hasSuffix(".entries") else { return nil }
            let other = String(name.dropLast(".entries".count))
            return other == session ? nil : other
        }
    }

    private static func isEmptyFile(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && info.st_size == 0
    }

    private static func count(_ db: Database, session: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry WHERE session = ?", arguments: [session]) ?? 0
    }

    private static func entries(_ db: Database, session: String) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT * FROM entry WHERE session = ? ORDER BY action_id", arguments: [session]).compactMap { row in
            let kind: TriageRequest.Kind
            switch row["kind"] as String {
            case "dismiss": kind = .dismiss
            case "delete": kind = .delete
            case "attach":
                guard let dealID: String = row["deal_id"] else { return nil }
                kind = .attach(Deal(id: dealID, name: row["deal_name"] ?? "deal \(dealID)", number: row["deal_number"]))
            default: return nil
            }
            let recorded = Date(timeIntervalSince1970: row["recorded_at"])
            let from = EmailStatus(rawValue: row["from_status"]) ?? .unresolved
            var action = TriageRequest(id: row["action_id"], kind: kind, email: EmailRow(id: row["email_id"], createdAt: recorded), from: from)
            action.rereadFirst = true
            action.fromEarlierSession = true
            return Entry(action: action, account: row["account"], recordedAt: recorded)
        }
    }

    /// Whether an entry may be sent by this session: same server and organization.
    public func isOwnAccount(_ entry: Entry) -> Bool { entry.account == account }
}

extension TriageRequest.Kind {
    var journalName: String {
        switch self {
        case .attach: "attach"
        case .dismiss: "dismiss"
        case .delete: "delete"
        }
    }
}

/// A lock file held with `flock` by a running session; the kernel frees it when the process
/// dies, however it dies.
enum SessionLock {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func acquire(_ url: URL) throws -> Int32 {
        guard let descriptor = tryAcquire(url) else { throw Failure(description: "could not lock \(url.path)") }
        return descriptor
    }

    /// The descriptor holding the lock, with this process's id written in the file; nil when
    /// another process holds it.
    static func tryAcquire(_ url: URL) -> Int32? {
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return descriptor
    }

    /// The process id written in a lock file.
    static func holder(_ url: URL) -> Int32? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return Int32(text.trimmingWhitespace())
    }
}

/// An empty file whose presence says something, made durable before anything that relies on
/// it: its folder is synced too, so that a power cut cannot keep what the mark covers and lose
/// the mark.
enum SessionMark {
    static func make(_ url: URL) throws {
        let descriptor = open(url.path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        fsync(descriptor)
        close(descriptor)
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        fsync(folder)
        close(folder)
    }
}
