/// A sender or recipient as stored: a contact at a client company or a member of the organization.
struct StoredPerson: Sendable, Equatable {
    var name: String?
    var address: String
}

/// One email as the sandbox keeps it, with its people resolved.
struct EmailRecord: Sendable, Equatable {
    var id: Int64
    var subject: String?
    var body: String?
    var bodyHTML: String?
    var snippet: String?
    var createdAt: Int64
    var receivedAt: Int64?
    var deliveredAt: Int64?
    var dismissedAt: Int64?
    var linkedType: String?
    var linkedID: Int64?
    var from: StoredPerson?
    /// The sender's person id (`creator` in JSON:API terms).
    var senderID: Int64? = nil
    var to: [StoredPerson]
    var cc: [StoredPerson]
    var companyID: Int64?
    var unread: Bool
    var outgoing: Bool?
    var autoLinked: Bool
    var bodyTruncated: Bool?
    var externalID: String?

    /// 1 unresolved, 2 resolved, 3 dismissed, derived as Productive does.
    var status: Int {
        if dismissedAt != nil { return 3 }
        if linkedID != nil || linkedType != nil { return 2 }
        return 1
    }
}

/// A deal or budget with its company's name.
struct DealRecord: Sendable, Equatable {
    var id: Int64
    var name: String
    var number: String
    var companyID: Int64
    var companyName: String
    /// 1 open, 2 won, 3 lost.
    var stageStatusID: Int
    /// 1 deal, 2 budget.
    var dealTypeID: Int
    var createdAt: Int64
    var closedAt: Int64?
}
