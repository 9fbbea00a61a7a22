import Foundation
import IntrayCore

/// `GET /emails` (`data` an array of emails, `meta` the paging) and `GET /emails/{id}`, attach
/// and dismiss (`data` one email), read from a `JSONValue` straight into `Email`s.
///
/// Strict where the app depends on the value (`id`, `attributes`, the timestamps, the paging
/// numbers: a wrong type there is `Malformed` naming the place); lenient for everything shown
/// as text; unknown members are ignored.
enum EmailDocuments {
    /// Where (`data[3].attributes.created_at`) and why a document could not be read.
    struct Malformed: Error {
        var location: String
        var reason: String
    }

    /// A page whose `data` array was read element by element (`JSONReader.read(_:streaming:each:)`)
    /// into `emails`; `document` holds the rest.
    static func page(_ document: JSONValue, emails: [Email], requested: PageRequest) throws(Malformed) -> EmailPage {
        let root = try object(document, at: "the document")
        guard case .array = try required(root, "data", in: "") else {
            throw Malformed(location: "data", reason: "expected an array of emails")
        }
        let meta = try optional(root, "meta").map { value throws(Malformed) in try object(value, at: "meta") }
        let number = { (key: String) throws(Malformed) -> Int? in try meta.flatMap { meta throws(Malformed) in try integer(meta, key, in: "meta") } }
        let current = try number("current_page") ?? requested.number
        let size = try number("page_size") ?? requested.size
        let count = try number("total_count") ?? ((current - 1) * size + emails.count)
        let pages = try number("total_pages") ?? max(current, size > 0 ? (count + size - 1) / size : current)
        return EmailPage(
            emails: emails,
            meta: PageMeta(currentPage: current, totalPages: pages, totalCount: count, pageSize: size, maxPageSize: try number("max_page_size"))
        )
    }

    static func email(_ document: JSONValue) throws(Malformed) -> Email {
        let root = try object(document, at: "the document")
        return try email(required(root, "data", in: ""), at: "data")
    }

    /// One `emails` resource.
    static func email(_ value: JSONValue, at path: String) throws(Malformed) -> Email {
        let resource = try object(value, at: path)
        let id = try resourceID(required(resource, "id", in: path), at: path + ".id")
        let attributesPath = path + ".attributes"
        let a = try object(required(resource, "attributes", in: path), at: attributesPath)
        let recipients = PersonReader.recipients(a["recipients"])
        return Email(
            id: id,
            subject: a["subject"]?.text,
            snippet: a["snippet"]?.text,
            body: a["body"]?.text,
            bodyHTML: a["body_html"]?.text,
            bodyTruncated: flag(a["body_truncated"]),
            from: PersonReader.sender(a["from"]),
            to: recipients.to,
            cc: recipients.cc,
            participants: PersonReader.people(a["participants"]),
            createdAt: try timestamp(required(a, "created_at", in: attributesPath), at: attributesPath + ".created_at"),
            receivedAt: try optional(a, "received_at").map { value throws(Malformed) in try timestamp(value, at: attributesPath + ".received_at") },
            deliveredAt: try optional(a, "delivered_at").map { value throws(Malformed) in try timestamp(value, at: attributesPath + ".delivered_at") },
            dismissedAt: try optional(a, "dismissed_at").map { value throws(Malformed) in try timestamp(value, at: attributesPath + ".dismissed_at") },
            linkedType: a["linked_type"]?.text,
            linkedID: a["linked_id"]?.text,
            unread: flag(a["unread"]),
            outgoing: flag(a["outgoing"]),
            autoLinked: flag(a["auto_linked"]),
            creatorID: resource["relationships"]?["creator"]?["data"]?["id"].flatMap { try? resourceID($0, at: "") }
        )
    }

    // MARK: - Values

    static func object(_ value: JSONValue, at path: String) throws(Malformed) -> JSONObject {
        guard case .object(let members) = value else {
            throw Malformed(location: path, reason: value == .null ? "expected an object, found null" : "expected an object")
        }
        return members
    }

    /// A member that must be there and not null.
    static func required(_ object: JSONObject, _ key: String, in path: String) throws(Malformed) -> JSONValue {
        let location = path.isEmpty ? key : path + "." + key
        guard let value = object[key] else { throw Malformed(location: location, reason: "missing \(key)") }
        guard value != .null else { throw Malformed(location: location, reason: "expected a value, found null") }
        return value
    }

    /// A member that may be missing or null.
    private static func optional(_ object: JSONObject, _ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    /// A resource `id`: a string per JSON:API, an integer accepted too; not empty.
    static func resourceID(_ value: JSONValue, at path: String) throws(Malformed) -> String {
        let id: String
        switch value {
        case .string(let text): id = text
        case .number(let number) where number.rounded() == number && abs(number) < 9.007_199_254_740_992e15: id = String(Int64(number))
        default: throw Malformed(location: path, reason: "an id is a string or an integer")
        }
        guard !id.isEmpty else { throw Malformed(location: path, reason: "an id is not empty") }
        return id
    }

    /// A timestamp string (see `ProductiveTimestamp`).
    private static func timestamp(_ value: JSONValue, at path: String) throws(Malformed) -> Date {
        guard case .string(let text) = value else { throw Malformed(location: path, reason: "expected a timestamp string") }
        guard let date = ProductiveTimestamp.parse(text) else { throw Malformed(location: path, reason: "not a timestamp: \(text.prefix(40))") }
        return date
    }

    /// An integer, or a string holding one; missing or null is nil, any other shape an error.
    private static func integer(_ object: JSONObject, _ key: String, in path: String) throws(Malformed) -> Int? {
        switch optional(object, key) {
        case nil: return nil
        case .number(let number)? where number.rounded() == number && abs(number) < 9.007_199_254_740_992e15: return Int(number)
        case .string(let text)?: if let int = Int(text) { return int }
        default: break
        }
        throw Malformed(location: path + "." + key, reason: "expected an integer")
    }

    /// A flag: `true`/`false`, 0/1, "true"/"1"/"yes"; anything else is false.
    private static func flag(_ value: JSONValue?) -> Bool {
        switch value {
        case .bool(let bool)?: bool
        case .number(let number)?: number != 0
        case .string(let text)?: ["true", "1", "yes"].contains(text.lowercased())
        default: false
        }
    }
}
