import Foundation

/// An email as a JSON:API resource, with every attribute and relationship key of the reference
/// (`emails-api-doc.txt`) plus `snippet` from the newer API.
///
/// Shapes the reference leaves open, as the sandbox writes them:
/// - `from`: `{"name": "Ana Horvat", "address": "ana.horvat@kvarner.hr"}`, `name` null when
///   unknown; `null` when the email has no sender.
/// - `recipients`: `{"to": [person, …], "cc": [person, …]}` with each person shaped like `from`;
///   a key is left out when nobody is in it, so an email without recipients has `{}`.
/// - `participants`: every address involved (sender, To, Cc, in that order, once each) mapped to
///   its display name or null: `{"ana.horvat@kvarner.hr": "Ana Horvat", "info@kvarner.hr": null}`;
///   `{}` when there is nobody.
struct EmailResource: Sendable {
    var email: SandboxEmail
    var organizationID: String
    var timestamps: TimestampFormat
    /// With `include=creator`, `relationships.creator` names the sender's person.
    var includeCreator = false

    var json: JSONValue {
        .object([
            ("id", .string(email.id)),
            ("type", .string("emails")),
            ("attributes", attributes),
            ("relationships", relationships),
        ])
    }

    private var attributes: JSONValue {
        .object([
            ("subject", .string(email.subject)),
            ("body", .string(email.body)),
            ("body_truncated", .bool(email.bodyTruncated)),
            ("auto_linked", .bool(email.autoLinked)),
            ("linked_type", .string(email.linkedType)),
            ("linked_id", .int(email.linkedID)),
            ("external_id", .string(email.externalID)),
            ("dismissed_at", time(email.dismissedAt)),
            ("created_at", time(email.createdAt)),
            ("delivered_at", time(email.deliveredAt)),
            ("received_at", time(email.receivedAt)),
            ("failed_at", .null),
            ("outgoing", .bool(email.outgoing)),
            ("from", email.from.map(Self.person) ?? .null),
            ("recipients", recipients),
            ("participants", participants),
            ("unread", .bool(email.unread)),
            ("body_html", .string(email.bodyHTML)),
            ("snippet", .string(email.snippet)),
        ])
    }

    private var recipients: JSONValue {
        var members: [(String, JSONValue)] = []
        if !email.to.isEmpty { members.append(("to", .array(email.to.map(Self.person)))) }
        if !email.cc.isEmpty { members.append(("cc", .array(email.cc.map(Self.person)))) }
        return .object(members)
    }

    private var participants: JSONValue {
        var seen: Set<String> = []
        var members: [(String, JSONValue)] = []
        for person in [email.from].compactMap({ $0 }) + email.to + email.cc where seen.insert(person.address).inserted {
            members.append((person.address, .string(person.name)))
        }
        return .object(members)
    }

    private var relationships: JSONValue {
        let notIncluded = JSONValue.object([("meta", .object([("included", .bool(false))]))])
        let names = [
            "creator", "deal", "invoice", "payment_reminder", "thread", "integration", "participants",
            "recipients", "to_recipients", "cc_recipients", "bcc_recipients", "attachments",
        ]
        let creator: JSONValue = .object([("data", email.from.map { .object([("type", .string("people")), ("id", .string(String($0.id)))]) } ?? .null)])
        return .object(
            [("organization", .object([("data", .object([("type", .string("organizations")), ("id", .string(organizationID))]))]))]
                + names.map { ($0, includeCreator && $0 == "creator" ? creator : notIncluded) }
        )
    }

    private func time(_ instant: Date?) -> JSONValue {
        .string(instant.map { timestamps.string(milliseconds: $0.milliseconds) })
    }

    /// The sender as a `people` resource for `included`.
    var creatorResource: JSONValue? {
        guard let from = email.from else { return nil }
        return .object([
            ("id", .string(String(from.id))), ("type", .string("people")),
            ("attributes", .object([("name", .string(from.name)), ("email", .string(from.address))])),
        ])
    }

    private static func person(_ person: Person) -> JSONValue {
        .object([("name", .string(person.name)), ("address", .string(person.address))])
    }
}
