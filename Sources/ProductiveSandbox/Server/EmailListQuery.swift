/// What `GET /emails` asks for, validated.
///
/// - `creator_id`: the sender's person id; `recipient_id`: a To or Cc person id;
///   `sender_or_recipient_id`: either. Emails without a sender match no `creator_id`.
/// - `before` / `after`: strictly before / after an instant on `created_at`; a bare date
///   (`2025-07-24`) means midnight at the start of that day in the organization's time zone.
/// - `company_id`: the sender's company.
struct EmailListQuery: Sendable, Equatable {
    static let supportedFilters: Set<String> = [
        "status", "creator_id", "recipient_id", "sender_or_recipient_id", "before", "after", "company_id",
    ]

    var statuses: [Int64]?
    var creatorIDs: [Int64]?
    /// `include=creator`: the sender's person id in `relationships.creator`, the person in `included`.
    var includeCreator = false
    var recipientIDs: [Int64]?
    var senderOrRecipientIDs: [Int64]?
    var before: Int64?
    var after: Int64?
    var companyIDs: [Int64]?
    var newestFirst = true
    var page: PageSelection

    init(_ parameters: ListParameters, timestamps: TimestampFormat) throws(APIFailure) {
        try parameters.requireOnly(filters: Self.supportedFilters)
        statuses = try parameters.codeList("status", allowed: 1...3, meaning: "1 (unresolved), 2 (resolved) or 3 (dismissed)")
        creatorIDs = try parameters.idList("creator_id")
        recipientIDs = try parameters.idList("recipient_id")
        senderOrRecipientIDs = try parameters.idList("sender_or_recipient_id")
        companyIDs = try parameters.idList("company_id")
        before = try Self.instant(parameters, "before", timestamps)
        after = try Self.instant(parameters, "after", timestamps)
        switch parameters.sort {
        case nil, "-created_at": newestFirst = true
        case "created_at": newestFirst = false
        case let other?: throw .badParameter("sort \"\(other)\" is not supported; use created_at or -created_at")
        }
        for name in parameters.include where name != "creator" {
            throw .badParameter("include \"\(name)\" is not supported on emails; only creator")
        }
        includeCreator = parameters.include.contains("creator")
        page = parameters.page
    }

    private static func instant(_ parameters: ListParameters, _ name: String, _ format: TimestampFormat) throws(APIFailure) -> Int64? {
        guard let raw = parameters.filters[name] else { return nil }
        guard let instant = format.milliseconds(parsing: raw.trimmingSpaces) else {
            throw .badParameter("filter[\(name)] must be a date (2025-07-24) or an ISO 8601 timestamp, got \"\(raw)\"")
        }
        return instant
    }
}
