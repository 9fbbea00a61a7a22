import Foundation
import GRDB

/// Reads and changes emails. One `DatabaseQueue` serialises every access, which is plenty for a
/// local server and keeps each change atomic.
struct EmailStore: Sendable {
    let database: DatabaseQueue

    enum AttachOutcome: Sendable {
        case attached(SandboxEmail)
        case emailNotFound
        case dealNotFound
    }

    func page(_ query: EmailListQuery) async throws -> (emails: [SandboxEmail], totalCount: Int) {
        let (whereSQL, arguments) = Self.whereClause(query)
        let direction = query.newestFirst ? "DESC" : "ASC"
        return try await database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM emails \(whereSQL)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: "\(Self.selectSQL) \(whereSQL) ORDER BY emails.created_at \(direction), emails.id \(direction) LIMIT ? OFFSET ?",
                arguments: arguments + [query.page.size, query.page.offset]
            )
            return (try Self.records(rows, db), total)
        }
    }

    func email(id: Int64) async throws -> SandboxEmail? {
        try await database.read { db in try Self.email(id: id, db) }
    }

    /// Ids newest first, as `GET /emails` lists them.
    func ids(status: Int?) async throws -> [Int64] {
        try await database.read { db in
            if let status {
                return try Int64.fetchAll(
                    db, sql: "SELECT id FROM emails WHERE status = ? ORDER BY created_at DESC, id DESC",
                    arguments: [status]
                )
            }
            return try Int64.fetchAll(db, sql: "SELECT id FROM emails ORDER BY created_at DESC, id DESC")
        }
    }

    func attach(emailID: Int64, dealID: Int64) async throws -> AttachOutcome {
        try await database.write { db in
            guard var email = try Self.email(id: emailID, db) else { return .emailNotFound }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM deals WHERE id = ?", arguments: [dealID]) != nil else {
                return .dealNotFound
            }
            email.attach(toDeal: Int(dealID))
            try Self.saveTriage(email, db)
            return .attached(email)
        }
    }

    /// nil when there is no such email.
    func dismiss(emailID: Int64, at instant: Date) async throws -> SandboxEmail? {
        try await database.write { db in
            guard var email = try Self.email(id: emailID, db) else { return nil }
            email.dismiss(at: instant)
            try Self.saveTriage(email, db)
            return email
        }
    }

    /// False when there was no such email.
    func delete(emailID: Int64) async throws -> Bool {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM emails WHERE id = ?", arguments: [emailID])
            guard db.changesCount > 0 else { return false }
            try db.execute(sql: "DELETE FROM email_contents WHERE email_id = ?", arguments: [emailID])
            try db.execute(sql: "DELETE FROM email_recipients WHERE email_id = ?", arguments: [emailID])
            return true
        }
    }

    // MARK: - SQL

    private static let selectSQL = """
        SELECT emails.*, people.id AS from_id, people.name AS from_name, people.address AS from_address,
               people.company_id AS from_company_id, email_contents.body, email_contents.body_html, email_contents.snippet
        FROM emails
        LEFT JOIN people ON people.id = emails.sender_id
        LEFT JOIN email_contents ON email_contents.email_id = emails.id
        """

    /// Writes what attaching and dismissing change, with the status they lead to.
    private static func saveTriage(_ email: SandboxEmail, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE emails SET dismissed_at = ?, linked_type = ?, linked_id = ?, status = ? WHERE id = ?",
            arguments: [email.dismissedAt?.milliseconds, email.linkedType, email.linkedID, email.status, Int64(email.id)]
        )
    }

    private static func email(id: Int64, _ db: Database) throws -> SandboxEmail? {
        let rows = try Row.fetchAll(db, sql: "\(selectSQL) WHERE emails.id = ?", arguments: [id])
        return try records(rows, db).first
    }

    private static func whereClause(_ query: EmailListQuery) -> (String, StatementArguments) {
        var conditions: [String] = []
        var values: [any DatabaseValueConvertible] = []
        func list(_ ids: [Int64]) -> String {
            values.append(contentsOf: ids)
            return "(" + ids.map { _ in "?" }.joined(separator: ",") + ")"
        }
        if let statuses = query.statuses { conditions.append("emails.status IN \(list(statuses))") }
        if let ids = query.creatorIDs { conditions.append("emails.sender_id IN \(list(ids))") }
        if let ids = query.recipientIDs {
            conditions.append("emails.id IN (SELECT email_id FROM email_recipients WHERE person_id IN \(list(ids)))")
        }
        if let ids = query.senderOrRecipientIDs {
            let senders = list(ids)
            let recipients = list(ids)
            conditions.append(
                "(emails.sender_id IN \(senders) OR emails.id IN (SELECT email_id FROM email_recipients WHERE person_id IN \(recipients)))"
            )
        }
        if let ids = query.companyIDs { conditions.append("emails.company_id IN \(list(ids))") }
        if let before = query.before {
            conditions.append("emails.created_at < ?")
            values.append(before)
        }
        if let after = query.after {
            conditions.append("emails.created_at > ?")
            values.append(after)
        }
        let sql = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return (sql, StatementArguments(values))
    }

    private static func records(_ rows: [Row], _ db: Database) throws -> [SandboxEmail] {
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        var recipients: [Int64: (to: [Person], cc: [Person])] = [:]
        let recipientRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.email_id, r.kind, p.id, p.name, p.address, p.company_id FROM email_recipients r
                JOIN people p ON p.id = r.person_id
                WHERE r.email_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                ORDER BY r.email_id, r.position
                """,
            arguments: StatementArguments(ids)
        )
        while let row = try recipientRows.next() {
            let person = Person(id: row["id"], name: row["name"], address: row["address"], companyID: row["company_id"])
            let emailID: Int64 = row["email_id"]
            if row["kind"] as String == "cc" {
                recipients[emailID, default: ([], [])].cc.append(person)
            } else {
                recipients[emailID, default: ([], [])].to.append(person)
            }
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            let fromID: Int64? = row["from_id"]
            func instant(_ column: String) -> Date? { (row[column] as Int64?).map(Date.init(milliseconds:)) }
            return SandboxEmail(
                id: String(id), subject: row["subject"], body: row["body"], bodyHTML: row["body_html"], snippet: row["snippet"],
                createdAt: Date(milliseconds: row["created_at"]), receivedAt: instant("received_at"),
                deliveredAt: instant("delivered_at"), dismissedAt: instant("dismissed_at"),
                linkedType: row["linked_type"], linkedID: row["linked_id"],
                from: fromID.map { Person(id: $0, name: row["from_name"], address: row["from_address"], companyID: row["from_company_id"]) },
                to: recipients[id]?.to ?? [], cc: recipients[id]?.cc ?? [],
                companyID: row["company_id"], unread: row["unread"], outgoing: row["outgoing"],
                autoLinked: row["auto_linked"], bodyTruncated: row["body_truncated"], externalID: row["external_id"]
            )
        }
    }
}
