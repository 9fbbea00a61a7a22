import IntrayCore

/// `GET /deals?include=company`: deals in `data`, their companies in `included`, read from a
/// `JSONValue` as the emails are (`EmailDocuments`): the `id` strictly, the rest as text.
enum DealDocuments {
    typealias Malformed = EmailDocuments.Malformed

    static func deals(_ document: JSONValue) throws(Malformed) -> [Deal] {
        let root = try EmailDocuments.object(document, at: "the document")
        guard case .array(let items) = try EmailDocuments.required(root, "data", in: "") else {
            throw Malformed(location: "data", reason: "expected an array of deals")
        }
        var companyNames: [String: String] = [:]
        if case .array(let included)? = root["included"] {
            for resource in included where resource["type"]?.text == "companies" {
                if let id = resource["id"]?.text, let name = resource["attributes"]?["name"]?.text { companyNames[id] = name }
            }
        }
        var deals: [Deal] = []
        for (offset, item) in items.enumerated() {
            deals.append(try deal(item, at: "data[\(offset)]", companyNames: companyNames))
        }
        return deals
    }

    private static func deal(_ value: JSONValue, at path: String, companyNames: [String: String]) throws(Malformed) -> Deal {
        let resource = try EmailDocuments.object(value, at: path)
        let id = try EmailDocuments.resourceID(EmailDocuments.required(resource, "id", in: path), at: path + ".id")
        let attributes = try EmailDocuments.object(EmailDocuments.required(resource, "attributes", in: path), at: path + ".attributes")
        let number = attributes["number"]?.text
        let companyID = resource["relationships"]?["company"]?["data"]?["id"]?.text
        var deal = Deal(id: id, name: attributes["name"]?.text ?? "Deal \(number ?? id)", number: number, companyID: companyID)
        if let companyID { deal.companyName = companyNames[companyID] }
        return deal
    }
}
