import Foundation

/// An email as the sandbox stores it, read straight from its database (not over HTTP), so tests
/// can check what a client's request really changed.
public struct SandboxEmail: Sendable, Hashable {
    public var id: String
    public var subject: String?
    public var body: String?
    public var bodyHTML: String?
    public var fromName: String?
    public var fromAddress: String?
    /// `"Quote"` once attached to a deal.
    public var linkedType: String?
    /// The deal's numeric id once attached.
    public var linkedID: Int?
    public var dismissedAt: Date?
    public var createdAt: Date
    public var unread: Bool
    /// The sender's company id, if the email has a sender.
    public var companyID: Int?
    /// 1 unresolved, 2 resolved, 3 dismissed, as `filter[status]` counts them.
    public var status: Int

    init(_ record: EmailRecord) {
        id = String(record.id)
        subject = record.subject
        body = record.body
        bodyHTML = record.bodyHTML
        fromName = record.from?.name
        fromAddress = record.from?.address
        linkedType = record.linkedType
        linkedID = record.linkedID.map(Int.init)
        dismissedAt = record.dismissedAt.map { Date(timeIntervalSince1970: Double($0) / 1000) }
        createdAt = Date(timeIntervalSince1970: Double(record.createdAt) / 1000)
        unread = record.unread
        companyID = record.companyID.map(Int.init)
        status = record.status
    }
}

/// What the sandbox has answered since it started.
public struct SandboxStatistics: Sendable, Hashable {
    /// Every request answered, whatever the status.
    public var requestsServed: Int = 0
    /// Requests refused with 429 by the rate limit knob.
    public var rateLimited: Int = 0
    /// Requests answered with an injected 500 or 503 by the failure rate knob.
    public var injectedFailures: Int = 0
    /// Requests by route: "GET /emails", "GET /emails/{id}", "PATCH /emails/{id}/attach",
    /// "PATCH /emails/{id}/dismiss", "DELETE /emails/{id}", "GET /deals", "GET /deals/{id}",
    /// or "other" for anything else.
    public var byRoute: [String: Int] = [:]
    /// Requests by the HTTP status answered.
    public var byStatus: [Int: Int] = [:]

    public init() {}

    /// Requests to one route, e.g. `requests(to: "PATCH /emails/{id}/attach")`.
    public func requests(to route: String) -> Int { byRoute[route] ?? 0 }
}
