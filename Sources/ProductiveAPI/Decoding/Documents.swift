import Foundation
import IntrayCore

/// `GET /emails`: `data` is an array of emails, `meta` carries the paging.
struct EmailListDocument: Decodable {
    let data: [EmailResource]
    let meta: ListMeta?

    /// The page, with `meta` fields the server left out taken from the request.
    func page(requested: PageRequest) -> EmailPage {
        let current = meta?.current_page?.value ?? requested.number
        let size = meta?.page_size?.value ?? requested.size
        let count = meta?.total_count?.value ?? ((current - 1) * size + data.count)
        let pages = meta?.total_pages?.value ?? max(current, size > 0 ? (count + size - 1) / size : current)
        return EmailPage(
            emails: data.map(\.email),
            meta: PageMeta(
                currentPage: current, totalPages: pages, totalCount: count,
                pageSize: size, maxPageSize: meta?.max_page_size?.value
            )
        )
    }
}

struct ListMeta: Decodable {
    let current_page: LenientInt?
    let total_pages: LenientInt?
    let total_count: LenientInt?
    let page_size: LenientInt?
    let max_page_size: LenientInt?
}

/// `GET /emails/{id}`, attach and dismiss: `data` is one email.
struct EmailDocument: Decodable {
    let data: EmailResource
}

/// An integer, or a string holding one. Any other shape is an error at its place.
struct LenientInt: Decodable {
    let value: Int

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let int = try? single.decode(Int.self) {
            value = int
        } else if let text = try? single.decode(String.self), let int = Int(text) {
            value = int
        } else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "expected an integer")
        }
    }
}

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
