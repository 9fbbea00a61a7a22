import GRDB

/// Reads deals and budgets. There are a few dozen, so `GET /deals` filters them in memory,
/// which also gives Unicode-aware case folding ("müller" finds "Müller") that SQLite's LIKE lacks.
struct DealStore: Sendable {
    let database: DatabaseQueue

    func all() async throws -> [DealRecord] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "\(Self.selectSQL) ORDER BY deals.id").map(Self.record)
        }
    }

    func deal(id: Int64) async throws -> DealRecord? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "\(Self.selectSQL) WHERE deals.id = ?", arguments: [id]).map(Self.record)
        }
    }

    private static let selectSQL = """
        SELECT deals.*, companies.name AS company_name FROM deals
        JOIN companies ON companies.id = deals.company_id
        """

    private static func record(_ row: Row) -> DealRecord {
        DealRecord(
            id: row["id"], name: row["name"], number: row["number"], companyID: row["company_id"],
            companyName: row["company_name"], stageStatusID: row["stage_status_id"], dealTypeID: row["deal_type_id"],
            createdAt: row["created_at"], closedAt: row["closed_at"]
        )
    }
}
