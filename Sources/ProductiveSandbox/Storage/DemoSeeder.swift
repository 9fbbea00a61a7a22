import GRDB

/// Writes `DemoData` into a database that holds none yet, in one transaction with prepared
/// statements reused for every row (`BulkInsert`), indexes built afterwards.
enum DemoSeeder {
    /// Migrates the schema, then seeds unless the database was seeded before (a `--db` file
    /// from an earlier run keeps its state). Answers whether it seeded.
    @discardableResult
    static func prepare(_ database: DatabaseQueue, data: @autoclosure @Sendable () -> DemoData) async throws -> Bool {
        let migrator = Schema.migrator
        let applied = try await database.read { db in try migrator.appliedIdentifiers(db) }
        let afterSeeding = migrator.migrations.drop { $0 != Schema.seededMigration }.dropFirst()
        if applied.isDisjoint(with: afterSeeding) {
            try migrator.migrate(database, upTo: Schema.seededMigration)
        }
        let seeded = try await database.write { db in
            guard try String.fetchOne(db, sql: "SELECT value FROM sandbox_meta WHERE key = 'seed'") == nil else {
                return false
            }
            try seed(data(), db)
            return true
        }
        try migrator.migrate(database)
        return seeded
    }

    private static func seed(_ data: DemoData, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO sandbox_meta (key, value) VALUES ('seed', ?), ('email_count', ?), ('reference', ?)",
            arguments: [String(data.seed), String(data.emailCount), String(data.reference)]
        )
        let company = try db.makeStatement(sql: "INSERT INTO companies (id, name, domain) VALUES (?, ?, ?)")
        for row in data.companies {
            try company.execute(arguments: [row.id, row.name, row.domain])
        }
        let person = try db.makeStatement(sql: "INSERT INTO people (id, name, address, company_id) VALUES (?, ?, ?, ?)")
        for row in data.team + data.contacts {
            try person.execute(arguments: [row.id, row.name, row.address, row.companyID])
        }
        let deal = try db.makeStatement(sql: """
            INSERT INTO deals (id, name, number, company_id, stage_status_id, deal_type_id, created_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in data.deals {
            try deal.execute(arguments: [
                row.id, row.name, row.number, row.companyID, row.stageStatusID, row.dealTypeID, row.createdAt, row.closedAt,
            ])
        }
        try seedEmails(data, db)
    }

    private static func seedEmails(_ data: DemoData, _ db: Database) throws {
        let email = try BulkInsert(db, sql: """
            INSERT INTO emails (id, subject, created_at, received_at, delivered_at, dismissed_at, linked_type, linked_id,
                sender_id, company_id, unread, outgoing, auto_linked, body_truncated, external_id, status)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
            """)
        let content = try BulkInsert(db, sql: "INSERT INTO email_contents (email_id, body, body_html, snippet) VALUES (?1, ?2, ?3, ?4)")
        let recipient = try BulkInsert(
            db, sql: "INSERT INTO email_recipients (email_id, position, kind, person_id) VALUES (?1, ?2, ?3, ?4)"
        )
        guard data.emailCount > 0 else { return }
        for index in 1...data.emailCount {
            let row = data.email(index)
            let id = Int64(row.id)
            email.bind(1, id)
            email.bind(2, row.subject)
            email.bind(3, row.createdAt.milliseconds)
            email.bind(4, row.receivedAt?.milliseconds)
            email.bind(5, row.deliveredAt?.milliseconds)
            email.bind(6, row.dismissedAt?.milliseconds)
            email.bind(7, row.linkedType)
            email.bind(8, row.linkedID)
            email.bind(9, row.from?.id)
            email.bind(10, row.companyID)
            email.bind(11, row.unread)
            email.bind(12, row.outgoing)
            email.bind(13, row.autoLinked)
            email.bind(14, row.bodyTruncated)
            email.bind(15, row.externalID)
            email.bind(16, row.status)
            try email.run()
            content.bind(1, id)
            content.bind(2, row.body)
            content.bind(3, row.bodyHTML)
            content.bind(4, row.snippet)
            try content.run()
            var position = 0
            for (kind, people) in [("to", row.to), ("cc", row.cc)] {
                for person in people {
                    recipient.bind(1, id)
                    recipient.bind(2, position)
                    recipient.bind(3, kind)
                    recipient.bind(4, person.id)
                    try recipient.run()
                    position += 1
                }
            }
        }
    }
}
