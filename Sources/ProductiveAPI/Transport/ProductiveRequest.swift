import Foundation
import IntrayCore

/// One call to Productive, described without sending it: method, path under the base URL,
/// query, body, and the words used for it in messages. Building the URL is a pure function
/// so the documented encoding (`filter[status]=1`, `page[number]=2&page[size]=30`) is tested as text.
struct ProductiveRequest: Sendable {
    var method: String
    /// Under the base URL, starting with `/`: `/emails/42/attach`.
    var path: String
    var query: [(name: String, value: String)] = []
    var body: String?
    /// What is asked for, for messages: "email 42", "emails", "deals".
    var subject: String
    /// One record (`/emails/42...`) rather than a list.
    var isRecord: Bool { query.isEmpty }
    var priority: RequestPriority

    /// `page%5Bnumber%5D=2&page%5Bsize%5D=30`: names and values percent-encoded (brackets
    /// too, as the reference's own links do), commas of id lists kept.
    var queryString: String {
        query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    /// `METHOD /path?query` for the log.
    var line: String {
        query.isEmpty ? "\(method) \(path)" : "\(method) \(path)?\(queryString)"
    }

    func url(base: URL) -> String {
        var root = base.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        return query.isEmpty ? root + path : root + path + "?" + queryString
    }

    /// Unreserved characters and the commas between ids as they are, the rest `%XX`.
    static func encode(_ text: String) -> String {
        PercentEncoding.encoded(text, keeping: [UInt8(ascii: ",")])
    }

    /// A path segment for an id the caller gave (`PathSegment`).
    static func segment(_ id: String) -> String { PathSegment.encoded(id) }
}

extension ProductiveRequest {
    /// `GET /emails?filter[...]...&page[number]=N&page[size]=M`. Page 1 is what the user waits
    /// for; later pages are prefetching and yield to user actions.
    static func emails(_ filter: EmailFilter, page: PageRequest) -> ProductiveRequest {
        var query: [(String, String)] = []
        if let status = filter.status { query.append(("filter[status]", String(status.rawValue))) }
        if !filter.creatorIDs.isEmpty { query.append(("filter[creator_id]", filter.creatorIDs.joined(separator: ","))) }
        if !filter.recipientIDs.isEmpty { query.append(("filter[recipient_id]", filter.recipientIDs.joined(separator: ","))) }
        if !filter.senderOrRecipientIDs.isEmpty {
            query.append(("filter[sender_or_recipient_id]", filter.senderOrRecipientIDs.joined(separator: ",")))
        }
        if let before = filter.before { query.append(("filter[before]", before)) }
        if let after = filter.after { query.append(("filter[after]", after)) }
        // The sender's person id comes only with the creator side-loaded; the app filters by it.
        query.append(("include", "creator"))
        query.append(("page[number]", String(page.number)))
        query.append(("page[size]", String(page.size)))
        return ProductiveRequest(
            method: "GET", path: "/emails", query: query.map { (name: $0.0, value: $0.1) },
            subject: "emails", priority: .forPage(page.number)
        )
    }

    static func email(id: String) -> ProductiveRequest {
        ProductiveRequest(method: "GET", path: "/emails/\(segment(id))", subject: "email \(id)", priority: .interactive)
    }

    static func attach(emailID: String, dealID: String) -> ProductiveRequest {
        ProductiveRequest(
            method: "PATCH", path: "/emails/\(segment(emailID))/attach",
            body: #"{"data":{"type":"emails","relationships":{"deal":{"data":{"type":"deals","id":"# + jsonString(dealID) + "}}}}}",
            subject: "email \(emailID)", priority: .interactive
        )
    }

    static func dismiss(emailID: String) -> ProductiveRequest {
        ProductiveRequest(method: "PATCH", path: "/emails/\(segment(emailID))/dismiss", subject: "email \(emailID)", priority: .interactive)
    }

    static func delete(emailID: String) -> ProductiveRequest {
        ProductiveRequest(method: "DELETE", path: "/emails/\(segment(emailID))", subject: "email \(emailID)", priority: .interactive)
    }

    /// `GET /deals?filter[query]=...&filter[stage_status_id]=1&include=company&page[size]=N`.
    static func deals(_ query: DealQuery) -> ProductiveRequest {
        var items: [(name: String, value: String)] = []
        if let text = query.text?.trimmingWhitespace(), !text.isEmpty { items.append(("filter[query]", text)) }
        if let status = query.stageStatus { items.append(("filter[stage_status_id]", String(status.rawValue))) }
        items.append(("include", "company"))
        items.append(("page[size]", String(query.pageSize)))
        return ProductiveRequest(method: "GET", path: "/deals", query: items, subject: "deals", priority: .interactive)
    }

    /// A JSON string literal, quotes included.
    static func jsonString(_ text: String) -> String {
        JSONStringLiteral.quote(text)
    }
}
