import Foundation
import IntrayCore

/// `GET /deals?include=company`: deals in `data`, their companies in `included`.
struct DealListDocument: Decodable {
    let data: [DealResource]
    let included: [JSONValue]?

    var deals: [Deal] {
        var companyNames: [String: String] = [:]
        for resource in included ?? [] where resource["type"]?.text == "companies" {
            if let id = resource["id"]?.text, let name = resource["attributes"]?["name"]?.text {
                companyNames[id] = name
            }
        }
        return data.map { resource in
            var deal = resource.deal
            if let companyID = deal.companyID { deal.companyName = companyNames[companyID] }
            return deal
        }
    }
}

struct DealResource: Decodable {
    let deal: Deal

    private enum Keys: String, CodingKey {
        case id, attributes, relationships
    }

    private enum AttributeKeys: String, CodingKey {
        case name, number
    }

    init(from decoder: any Decoder) throws {
        let resource = try decoder.container(keyedBy: Keys.self)
        let id = try resource.decode(ResourceID.self, forKey: .id).value
        let attributes = try resource.nestedContainer(keyedBy: AttributeKeys.self, forKey: .attributes)
        let number = try attributes.decodeIfPresent(LenientText.self, forKey: .number)?.value
        let name = try attributes.decodeIfPresent(LenientText.self, forKey: .name)?.value
        let relationships = try resource.decodeIfPresent(JSONContainerFirst.self, forKey: .relationships)?.value
        let company = relationships?["company"]?["data"]
        deal = Deal(
            id: id,
            name: name ?? "Deal \(number ?? id)",
            number: number,
            companyID: company?["id"]?.text
        )
    }
}

/// The `errors` of a refusal. Read leniently: the body of an error is only ever shown.
struct ErrorDocument {
    struct Entry: Sendable, Hashable {
        var status: String?
        var code: String?
        var title: String?
        var detail: String?
        var pointer: String?
    }

    let errors: [Entry]

    init?(body: Data) {
        guard let document = (try? JSONDecoder().decode(JSONContainerFirst.self, from: body))?.value,
              case .array(let items)? = document["errors"]
        else { return nil }
        errors = items.map { item in
            Entry(
                status: item["status"]?.text,
                code: item["code"]?.text,
                title: item["title"]?.text,
                detail: item["detail"]?.text,
                pointer: item["source"]?["pointer"]?.text ?? item["source"]?["parameter"]?.text
            )
        }
        if errors.isEmpty { return nil }
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
