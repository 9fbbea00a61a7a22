import Foundation

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
        guard let document = try? JSONReader.read(body), case .array(let items)? = document["errors"]
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
