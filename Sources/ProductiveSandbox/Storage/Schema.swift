import Foundation
import GRDB

/// The sandbox's tables. Instants are integer milliseconds since 1970 (UTC).
///
/// Email bodies live in `email_contents`, apart from the narrow `emails` table, so counting and
/// filtering 100,000 emails scans a few megabytes instead of every body.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE sandbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE companies (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL, domain TEXT NOT NULL);
                CREATE TABLE people (
                    id INTEGER PRIMARY KEY, name TEXT, address TEXT NOT NULL, company_id INTEGER);
                CREATE TABLE deals (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL, number TEXT NOT NULL,
                    company_id INTEGER NOT NULL, stage_status_id INTEGER NOT NULL,
                    deal_type_id INTEGER NOT NULL, created_at INTEGER NOT NULL, closed_at INTEGER);
                CREATE TABLE emails (
                    id INTEGER PRIMARY KEY, subject TEXT, created_at INTEGER NOT NULL,
                    received_at INTEGER, delivered_at INTEGER, dismissed_at INTEGER,
                    linked_type TEXT, linked_id INTEGER, sender_id INTEGER, company_id INTEGER,
                    unread INTEGER NOT NULL, outgoing INTEGER, auto_linked INTEGER NOT NULL,
                    body_truncated INTEGER, external_id TEXT);
                CREATE TABLE email_contents (
                    email_id INTEGER PRIMARY KEY, body TEXT, body_html TEXT, snippet TEXT);
                CREATE TABLE email_recipients (
                    email_id INTEGER NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL,
                    person_id INTEGER NOT NULL, PRIMARY KEY (email_id, position)) WITHOUT ROWID;
                """)
        }
        // `SandboxEmail.status` written down, so filters need no rule of their own; a database
        // seeded before this column gets its emails' status here.
        migrator.registerMigration("v2-status") { db in
            try db.execute(sql: "ALTER TABLE emails ADD COLUMN status INTEGER")
            let update = try db.makeStatement(sql: "UPDATE emails SET status = ? WHERE id = ?")
            for row in try Row.fetchAll(db, sql: "SELECT id, dismissed_at, linked_type, linked_id FROM emails") {
                let status = SandboxEmail.status(
                    dismissedAt: (row["dismissed_at"] as Int64?).map(Date.init(milliseconds:)),
                    linkedType: row["linked_type"], linkedID: row["linked_id"]
                )
                try update.execute(arguments: [status, row["id"] as Int64])
            }
        }
        // Indexes come after the demo data (see `seededMigration`): building them once is
        // much faster than updating them for every inserted row.
        migrator.registerMigration("v1-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX emails_by_creation ON emails(created_at, id);
                CREATE INDEX emails_by_sender ON emails(sender_id);
                CREATE INDEX emails_by_company ON emails(company_id);
                CREATE INDEX email_recipients_by_person ON email_recipients(person_id);
                """)
        }
        return migrator
    }

    /// The last migration to run before seeding; the rest run after it.
    static let seededMigration = "v2-status"
}
