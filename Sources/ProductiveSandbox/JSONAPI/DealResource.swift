/// A deal or budget as a JSON:API resource: `name`, `number` ("D-1042"), `budget`,
/// `deal_type_id` (1 deal, 2 budget), `stage_status_id` (1 open, 2 won, 3 lost), `created_at`,
/// `closed_at`, and a `company` relationship `{"data": {"type": "companies", "id": "12"}}`.
struct DealResource: Sendable {
    var deal: DealRecord
    var organizationID: String
    var timestamps: TimestampFormat

    var json: JSONValue {
        .object([
            ("id", .string(String(deal.id))),
            ("type", .string("deals")),
            ("attributes", .object([
                ("name", .string(deal.name)),
                ("number", .string(deal.number)),
                ("budget", .bool(deal.dealTypeID == 2)),
                ("deal_type_id", .int(deal.dealTypeID)),
                ("stage_status_id", .int(deal.stageStatusID)),
                ("created_at", .string(timestamps.string(milliseconds: deal.createdAt))),
                ("closed_at", .string(deal.closedAt.map(timestamps.string(milliseconds:)))),
            ])),
            ("relationships", .object([
                ("organization", .object([("data", .object([("type", .string("organizations")), ("id", .string(organizationID))]))])),
                ("company", .object([("data", .object([("type", .string("companies")), ("id", .string(String(deal.companyID)))]))])),
            ])),
        ])
    }

    /// The `companies` resource `include=company` side-loads.
    static func company(id: Int64, name: String) -> JSONValue {
        .object([
            ("id", .string(String(id))),
            ("type", .string("companies")),
            ("attributes", .object([("name", .string(name))])),
        ])
    }
}
