import Foundation

/// An email in the sandbox: what the demo data seeds, what storage keeps, and what
/// `EmailResource` writes as JSON:API. Tests read it straight from the database (not over HTTP)
/// to check what a client's request really changed.
public struct SandboxEmail: Sendable, Hashable {
    public var id: String
    public var subject: String?
    public var body: String?
    public var bodyHTML: String?
    public var snippet: String?
    public var createdAt: Date
    public var receivedAt: Date?
    public var deliveredAt: Date?
    public var dismissedAt: Date?
    /// `"Quote"` once attached to a deal.
    public var linkedType: String?
    /// The deal's numeric id once attached.
    public var linkedID: Int?
    /// The sender (`creator` in JSON:API terms); nil for an email without one.
    var from: Person?
    var to: [Person]
    var cc: [Person]
    /// The sender's company id, if the email has a sender.
    public var companyID: Int?
    public var unread: Bool
    /// nil for the bare emails shaped like the reference's examples.
    public var outgoing: Bool?
    public var autoLinked: Bool
    public var bodyTruncated: Bool?
    public var externalID: String?

    public var fromName: String? { from?.name }
    public var fromAddress: String? { from?.address }

    /// 1 unresolved, 2 resolved, 3 dismissed, as `filter[status]` counts them.
    public var status: Int { Self.status(dismissedAt: dismissedAt, linkedType: linkedType, linkedID: linkedID) }

    /// Productive's rule, and the only place the sandbox applies it: storage keeps the answer in
    /// `emails.status` so that filters need no rule of their own.
    static func status(dismissedAt: Date?, linkedType: String?, linkedID: Int?) -> Int {
        if dismissedAt != nil { return 3 }
        if linkedType != nil || linkedID != nil { return 2 }
        return 1
    }

    /// Links the email to the deal as Productive does: `linked_type` "Quote", `linked_id` the deal's id.
    mutating func attach(toDeal dealID: Int) {
        linkedType = "Quote"
        linkedID = dealID
    }

    /// A second dismissal keeps the first one's time.
    mutating func dismiss(at instant: Date) {
        dismissedAt = dismissedAt ?? instant
    }
}

/// A sender or recipient: a member of the organization's team, or a contact at a client company.
struct Person: Sendable, Hashable {
    var id: Int64
    var name: String?
    var address: String
    var companyID: Int64?
}
