import Foundation
import IntrayCore

/// One `emails` resource of a JSON:API document, read straight into an `Email`.
///
/// Strict where the app depends on the value (`id`, `attributes`, the timestamps: a wrong
/// type there is a `DecodingError` that names the place); lenient for everything shown as
/// text; unknown attributes are ignored.
struct EmailResource: Decodable {
    let email: Email

    private enum Keys: String, CodingKey {
        case id, attributes, relationships
    }

    private enum RelationshipKeys: String, CodingKey {
        case creator
    }

    private enum LinkageKeys: String, CodingKey {
        case data
    }

    private enum AttributeKeys: String, CodingKey {
        case subject, snippet, body, body_html, body_truncated
        case from, recipients, participants
        case created_at, received_at, delivered_at, dismissed_at
        case linked_type, linked_id, unread, outgoing, auto_linked
    }

    init(from decoder: any Decoder) throws {
        let resource = try decoder.container(keyedBy: Keys.self)
        let id = try resource.decode(ResourceID.self, forKey: .id).value
        let a = try resource.nestedContainer(keyedBy: AttributeKeys.self, forKey: .attributes)
        let recipients = PersonReader.recipients(try a.decodeIfPresent(JSONContainerFirst.self, forKey: .recipients)?.value)
        email = Email(
            id: id,
            subject: try a.decodeIfPresent(LenientText.self, forKey: .subject)?.value,
            snippet: try a.decodeIfPresent(LenientText.self, forKey: .snippet)?.value,
            body: try a.decodeIfPresent(LenientText.self, forKey: .body)?.value,
            bodyHTML: try a.decodeIfPresent(LenientText.self, forKey: .body_html)?.value,
            bodyTruncated: try a.decodeIfPresent(LenientBool.self, forKey: .body_truncated)?.value ?? false,
            from: PersonReader.sender(try a.decodeIfPresent(JSONContainerFirst.self, forKey: .from)?.value),
            to: recipients.to,
            cc: recipients.cc,
            participants: PersonReader.people(try a.decodeIfPresent(JSONContainerFirst.self, forKey: .participants)?.value),
            createdAt: try a.decode(Timestamp.self, forKey: .created_at).date,
            receivedAt: try a.decodeIfPresent(Timestamp.self, forKey: .received_at)?.date,
            deliveredAt: try a.decodeIfPresent(Timestamp.self, forKey: .delivered_at)?.date,
            dismissedAt: try a.decodeIfPresent(Timestamp.self, forKey: .dismissed_at)?.date,
            linkedType: try a.decodeIfPresent(LenientText.self, forKey: .linked_type)?.value,
            linkedID: try a.decodeIfPresent(LenientText.self, forKey: .linked_id)?.value,
            unread: try a.decodeIfPresent(LenientBool.self, forKey: .unread)?.value ?? false,
            outgoing: try a.decodeIfPresent(LenientBool.self, forKey: .outgoing)?.value ?? false,
            autoLinked: try a.decodeIfPresent(LenientBool.self, forKey: .auto_linked)?.value ?? false,
            creatorID: Self.creatorID(resource)
        )
    }

    /// `relationships.creator.data.id`, present when the request side-loaded the creator;
    /// any other shape means it is not known.
    private static func creatorID(_ resource: KeyedDecodingContainer<Keys>) -> String? {
        guard let relationships = try? resource.nestedContainer(keyedBy: RelationshipKeys.self, forKey: .relationships),
              let creator = try? relationships.nestedContainer(keyedBy: LinkageKeys.self, forKey: .creator),
              let linkage = try? creator.nestedContainer(keyedBy: Keys.self, forKey: .data) else { return nil }
        return try? linkage.decode(ResourceID.self, forKey: .id).value
    }
}

/// A resource `id`: a string per JSON:API, a number accepted too. Required.
struct ResourceID: Decodable {
    let value: String

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let string = try? single.decode(String.self) {
            value = string
        } else if let number = try? single.decode(Int64.self) {
            value = String(number)
        } else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "an id is a string or an integer")
        }
        guard !value.isEmpty else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "an id is not empty")
        }
    }
}

/// A timestamp string (see `ProductiveTimestamp`); anything else is an error at its place.
struct Timestamp: Decodable {
    let date: Date

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        let text = try single.decode(String.self)
        guard let date = ProductiveTimestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "not a timestamp: \(text.prefix(40))")
        }
        self.date = date
    }
}

/// Text for display: a string, a number written out, nil for any other shape.
struct LenientText: Decodable {
    let value: String?

    init(from decoder: any Decoder) throws {
        if let string = try? decoder.singleValueContainer().decode(String.self) {
            value = string
        } else {
            value = (try? JSONValue(from: decoder))?.text
        }
    }
}

/// A flag: `true`/`false`, 0/1, "true"/"1"; anything else is false.
struct LenientBool: Decodable {
    let value: Bool

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let bool = try? single.decode(Bool.self) {
            value = bool
        } else {
            switch (try? JSONValue(from: decoder)) ?? .null {
            case .number(let number): value = number != 0
            case .string(let text): value = ["true", "1", "yes"].contains(text.lowercased())
            default: value = false
            }
        }
    }
}
